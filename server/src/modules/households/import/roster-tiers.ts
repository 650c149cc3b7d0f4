import { evaluateTier, perCapitaIncome, type TierInput } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { HouseholdsTable, TierHistoryTable } from '../../../db/schema';
import { newId } from '../../../platform/ids';
import type { RuleSet } from '../../tiering';

/** The tier columns of a new household's row. */
export type TierColumns = Pick<
  Insertable<HouseholdsTable>,
  | 'tier'
  | 'tier_source'
  | 'tier_rule_version'
  | 'tier_reasons'
  | 'tier_updated_at'
  | 'per_capita_income'
  | 'hardship_count'
>;

/**
 * A new household's tier under the rule set in force, from what the roster gives it, with the
 * history entry that records it: what re-tiering the household after inserting it would write
 * (and the import test checks that re-tiering then changes nothing). A roster brings tens of
 * thousands of new households; writing them tiered saves an update of each.
 */
export function newHouseholdTier(
  householdId: string,
  input: TierInput,
  ruleSet: RuleSet,
  at: string,
  actorId: string | null,
): { columns: TierColumns; history: Insertable<TierHistoryTable> } {
  const { tier, reasons } = evaluateTier(input, ruleSet.rules);
  const text = JSON.stringify(reasons);
  const indicators = input.indicators;
  return {
    columns: {
      tier,
      tier_source: 'rules',
      tier_rule_version: ruleSet.version,
      tier_reasons: text,
      tier_updated_at: at,
      per_capita_income: indicators ? perCapitaIncome(indicators.totalIncome, input.activeMembers) : null,
      hardship_count: indicators ? new Set(indicators.hardships).size : null,
    },
    history: {
      id: newId(),
      household_id: householdId,
      at,
      from_tier: null,
      to_tier: tier,
      rule_version: ruleSet.version,
      reasons: text,
      cause: 'import',
      actor_id: actorId,
    },
  };
}
