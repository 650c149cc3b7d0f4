import { assertNever, type HardshipFactor, hardshipFactors, TierReason } from '@lianxin/common';
import { Typography } from 'antd';
import { useCallback } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { formatNumber } from '../../shared/numbers';
import { hardshipLabel } from '../households/household-labels';
import { useTagNames } from '../households/households.api';

function isHardshipFactor(value: string): value is HardshipFactor {
  return (hardshipFactors as readonly string[]).includes(value);
}

/** Words one tiering reason: "人均收入 4,200 元，低于 9,000 元". */
export function useTierReasonText(): (reason: Record<string, unknown>) => string {
  const t = useT();
  const { locale } = useLocale();
  const tagName = useTagNames();
  return useCallback(
    (raw: Record<string, unknown>) => {
      // Reasons come as plain records: the kinds known here are worded, the others named.
      const parsed = TierReason.safeParse(raw);
      if (!parsed.success) return t('tierReason.unknown', { kind: String(raw.kind ?? '?') });
      const reason: TierReason = parsed.data;
      const yuan = (amount: number) => formatNumber(amount, locale);
      switch (reason.kind) {
        case 'perCapitaIncomeBelow':
          return t('tierReason.perCapitaIncomeBelow', {
            perCapita: yuan(reason.perCapita),
            limit: yuan(reason.limit),
          });
        case 'debtAboveIncome':
          return t('tierReason.debtAboveIncome', { debt: yuan(reason.debt), limit: yuan(reason.limit) });
        case 'hardshipsAtLeast':
          return t('tierReason.hardshipsAtLeast', {
            hardships: reason.hardships
              .map((h) => (isHardshipFactor(h) ? hardshipLabel(t, h) : h))
              .join(t('common.listSeparator')),
            n: reason.hardships.length,
            count: reason.count,
          });
        case 'tagged':
          return t('tierReason.tagged', { tags: reason.tags.map(tagName).join(t('common.listSeparator')) });
        case 'noConditionMet':
          return t('tierReason.noConditionMet');
        case 'noIndicators':
          return t('tierReason.noIndicators');
        case 'override':
          return reason.approvedBy
            ? t('tierReason.overrideApproved', { reason: reason.reason, approvedBy: reason.approvedBy })
            : t('tierReason.override', { reason: reason.reason });
        default:
          // A kind the engine gains does not compile until it is worded here.
          return assertNever(reason);
      }
    },
    [t, locale, tagName],
  );
}

/** The reasons of a tier, one per line. */
export function TierReasonList({ reasons }: { reasons: Record<string, unknown>[] }) {
  const t = useT();
  const text = useTierReasonText();
  if (reasons.length === 0) return <Typography.Text type="secondary">{t('tierReason.none')}</Typography.Text>;
  // A rule set yields each kind of reason at most once per tier, so the wording is a stable key.
  const lines = [...new Set(reasons.map(text))];
  return (
    <ul className="lx-reasons" data-testid="tier-reasons">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
