import type { UiKey, WarningKind, WarningSeverity, WarningStatus } from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';

export const kindLabel = (t: Translate, kind: WarningKind) => t(`warnings.kind.${kind}` as UiKey);
export const severityLabel = (t: Translate, severity: WarningSeverity) =>
  t(`warnings.severity.${severity}` as UiKey);
export const statusLabel = (t: Translate, status: WarningStatus) => t(`warnings.status.${status}` as UiKey);

export const severityColors: Record<WarningSeverity, string> = { high: 'red', medium: 'orange', low: 'blue' };
export const statusColors: Record<WarningStatus, string> = {
  open: 'red',
  acknowledged: 'gold',
  handled: 'blue',
  closed: 'default',
};
export const kindColors: Record<WarningKind, string> = {
  safety: '#cf1322',
  cluster: '#d46b08',
  collective: '#c41d7f',
  repeat: '#1677ff',
  risk: '#531dab',
};
