import type { DisclosureCategory, DisclosureState } from '@lianxin/common';
import type { Translate } from '../../../i18n/i18n';

export const stateColors: Record<DisclosureState, string> = {
  open: 'default',
  due: 'processing',
  on_time: 'success',
  published_late: 'warning',
  overdue: 'error',
};

export const categoryLabel = (t: Translate, c: DisclosureCategory) => t(`disclosures.category.${c}`);
export const stateLabel = (t: Translate, s: DisclosureState) => t(`disclosures.state.${s}`);
