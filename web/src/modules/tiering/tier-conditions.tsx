import type { TierCondition, TierRuleSet, TierRules } from '@lianxin/common';
import { Descriptions, Typography } from 'antd';
import { useCallback } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { formatNumber } from '../../shared/numbers';
import { useTagNames } from '../households/households.api';
import { TierTag } from './tier-tag';

/** Words one rule condition: "人均收入低于低保标准的 1.5 倍（9,000 元）". */
export function useConditionText(): (condition: TierCondition, minimumLivingLine: number) => string {
  const t = useT();
  const { locale } = useLocale();
  const tagName = useTagNames();
  return useCallback(
    (condition: TierCondition, line: number) => {
      switch (condition.kind) {
        case 'perCapitaIncomeBelow':
          return t('tierCondition.perCapitaIncomeBelow.text', {
            factor: formatNumber(condition.factor, locale),
            amount: formatNumber(Math.round(condition.factor * line), locale),
          });
        case 'debtAboveIncome':
          return t('tierCondition.debtAboveIncome.text', { factor: formatNumber(condition.factor, locale) });
        case 'hardshipsAtLeast':
          return t('tierCondition.hardshipsAtLeast.text', { count: condition.count });
        case 'tagged':
          return t('tierCondition.tagged.text', {
            tags: condition.tags.map(tagName).join(t('common.listSeparator')),
          });
      }
    },
    [t, locale, tagName],
  );
}

function ConditionList({ conditions, line }: { conditions: TierCondition[]; line: number }) {
  const t = useT();
  const text = useConditionText();
  if (conditions.length === 0)
    return <Typography.Text type="secondary">{t('tierRules.noConditions')}</Typography.Text>;
  const lines = conditions.map((c) => text(c, line));
  return (
    <ul className="lx-reasons">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** A rule set in words: the minimum-living line and, per tier, the conditions (any one suffices). */
export function TierRulesView({ rules, ruleSet }: { rules: TierRules; ruleSet?: TierRuleSet }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'line',
          label: t('tierRules.minimumLivingLine'),
          children: t('tierRules.perPersonYear', { amount: formatNumber(rules.minimumLivingLine, locale) }),
        },
        {
          key: 'priority',
          label: <TierTag tier="priority" />,
          children: <ConditionList conditions={rules.priority} line={rules.minimumLivingLine} />,
        },
        {
          key: 'watch',
          label: <TierTag tier="watch" />,
          children: <ConditionList conditions={rules.watch} line={rules.minimumLivingLine} />,
        },
        { key: 'stable', label: <TierTag tier="stable" />, children: t('tierRules.stableRule') },
        ...(ruleSet
          ? [
              { key: 'from', label: t('tierRules.effectiveFrom'), children: ruleSet.effectiveFrom },
              { key: 'note', label: t('tierRules.note'), children: ruleSet.note || '—' },
            ]
          : []),
      ]}
    />
  );
}
