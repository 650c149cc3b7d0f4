import type { Cohort, Locale, UiKey } from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';
import { formatPercent, InfoLabel } from './indicators';
import { useIndicatorText } from './indicators.api';

const cohortKeys: Record<Cohort, UiKey> = {
  village_cadres: 'assessment.cohort.village_cadres',
  town_staff: 'assessment.cohort.town_staff',
  town_heads: 'assessment.cohort.town_heads',
  leaders: 'assessment.cohort.leaders',
  departments: 'assessment.cohort.departments',
};

export function cohortLabel(t: Translate, cohort: Cohort): string {
  return t(cohortKeys[cohort]);
}

/** An indicator's name with its definition as a tooltip (the names come from `GET /indicators`). */
export function CadreIndicatorLabel({ indicator }: { indicator: string }) {
  const { name, definition } = useIndicatorText()(indicator);
  return definition ? <InfoLabel name={name} definition={definition} /> : <span>{name}</span>;
}

/** A rate from 0 to 1 as a percentage, or 暂无数据. */
export function formatRate(value: number | null | undefined, t: Translate, locale: Locale): string {
  return value === null || value === undefined ? t('assessment.noData') : formatPercent(value, locale);
}

/** A score out of 100 with one decimal, or 暂无数据. */
export function formatScore(score: number | null, t: Translate, locale: Locale): string {
  return score === null
    ? t('assessment.noData')
    : score.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
