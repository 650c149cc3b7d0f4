import type { ProjectStageState } from '@lianxin/common';

export const stageColors: Record<ProjectStageState, string> = {
  pending: 'processing',
  late: 'error',
  done: 'success',
  done_late: 'warning',
};

/** Yuan with two decimals and thousands separators. */
export const yuanText = (n: number, locale: string) =>
  n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
