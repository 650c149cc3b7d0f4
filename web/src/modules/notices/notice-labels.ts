import type { NoticeKind, NoticePeriodUnit, NoticeStatus } from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';

export const statusColors: Record<NoticeStatus, string> = {
  draft: 'default',
  published: 'processing',
  closed: 'success',
  withdrawn: 'warning',
};

export const kindLabel = (t: Translate, kind: NoticeKind) => t(`notices.kind.${kind}`);
export const statusLabel = (t: Translate, status: NoticeStatus) => t(`notices.status.${status}`);

export const periodLabel = (t: Translate, days: number, unit: NoticePeriodUnit) =>
  t('notices.periodText', { days, unit: t(`notices.unit.${unit}`) });
