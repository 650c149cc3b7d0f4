import { evaluateTier, type Tier } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import {
  insertTierHistory,
  readTierState,
  ruleSetInForce,
  tierInputRows,
  writeTier,
} from './tiering.repository';

export type TierCause = 'created' | 'indicators' | 'tags' | 'members' | 'rules' | 'import';

/**
 * Recomputes one household's tier under the rule set in force and records a history entry when
 * the tier changes. An approved manual override is left in place: it survives recomputes.
 */
export async function retierHousehold(
  db: Db,
  clock: Clock,
  householdId: string,
  cause: TierCause,
  actorId: string | null,
): Promise<Tier | null> {
  const household = await readTierState(db, householdId);
  if (household.tier_source === 'override') return household.tier;
  const now = clock.now();
  const ruleSet = await ruleSetInForce(db, now.toISOString().slice(0, 10));
  const input = await tierInputRows(db, householdId);
  const { tier, reasons } = evaluateTier(
    {
      indicators: input.indicators
        ? {
            year: input.indicators.year,
            totalIncome: Number(input.indicators.total_income),
            debt: Number(input.indicators.debt),
            hardships: JSON.parse(input.indicators.hardships) as string[],
          }
        : null,
      activeMembers: input.activeMembers,
      tags: input.tags,
    },
    ruleSet.rules,
  );
  const stamp = now.toISOString();
  await writeTier(db, householdId, {
    tier,
    ruleVersion: ruleSet.version,
    reasons: JSON.stringify(reasons),
    at: stamp,
  });
  if (household.tier !== tier) {
    await insertTierHistory(db, {
      id: newId(),
      household_id: householdId,
      at: stamp,
      from_tier: household.tier,
      to_tier: tier,
      rule_version: ruleSet.version,
      reasons: JSON.stringify(reasons),
      cause,
      actor_id: actorId,
    });
  }
  return tier;
}
