import {
  type CadreIndicator,
  type Cohort,
  cadreIndicatorDefinitions,
  type Locale,
  type UiKey,
} from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';
import { formatPercent, InfoLabel } from './indicators';

const cohortKeys: Record<Cohort, UiKey> = {
  village_cadres: 'assessment.cohort.village_cadres',
  town_staff: 'assessment.cohort.town_staff',
  town_heads: 'assessment.cohort.town_heads',
  leaders: 'assessment.cohort.leaders',
};

export function cohortLabel(t: Translate, cohort: Cohort): string {
  return t(cohortKeys[cohort]);
}

export function isCadreIndicator(key: string): key is CadreIndicator {
  return Object.hasOwn(cadreIndicatorDefinitions, key);
}

/** An indicator's name and written definition in the UI language; an unknown key stands as itself. */
export function cadreIndicatorText(key: string, locale: Locale): { name: string; definition: string } {
  if (!isCadreIndicator(key)) return { name: key, definition: '' };
  const [name, definition] = cadreIndicatorDefinitions[key][locale];
  return { name, definition };
}

/** An indicator's name with its definition as a tooltip. */
export function CadreIndicatorLabel({ indicator, locale }: { indicator: string; locale: Locale }) {
  const { name, definition } = cadreIndicatorText(indicator, locale);
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
