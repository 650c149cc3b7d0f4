import {
  chinaDate,
  chinaDayStart,
  evaluateTier,
  perCapitaIncome,
  type Tier,
  type TierInput,
  type TierRuleSet,
  type TierRules,
  type TierRulesCreateBody,
  type TierRulesPreview,
  tiers,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { type Actor, recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { JobWorker } from '../../platform/jobs/jobs.worker';
import {
  activeHouseholdsAfter,
  type BulkTierInputs,
  type HouseholdSet,
  householdStates,
  insertRuleSet,
  insertTierHistoryRows,
  insertTierRun,
  listRuleSets,
  nextRuleVersion,
  ruleSetInForce,
  type TierStateRow,
  type TierWrite,
  tierInputsFor,
  writeTiers,
} from './tiering.repository';

export type TierCause = 'created' | 'indicators' | 'tags' | 'members' | 'rules' | 'import' | 'override';

export const RETIER_ALL_JOB = 'tiering.retier-all';

function toTierInput(
  indicators: { year: number; total_income: number; debt: number; hardships: string } | undefined,
  activeMembers: number,
  tags: readonly string[],
): TierInput {
  return {
    indicators: indicators
      ? {
          year: indicators.year,
          totalIncome: Number(indicators.total_income),
          debt: Number(indicators.debt),
          hardships: JSON.parse(indicators.hardships) as string[],
        }
      : null,
    activeMembers,
    tags,
  };
}

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
): Promise<void> {
  await retierHouseholds(db, clock, [householdId], cause, actorId);
}

function evaluateBatch(states: readonly TierStateRow[], inputs: BulkTierInputs, rules: TierRules) {
  return states.map((state) => {
    const input = toTierInput(
      inputs.indicators.get(state.id),
      state.member_count,
      inputs.tags.get(state.id) ?? [],
    );
    return {
      state,
      ...evaluateTier(input, rules),
      perCapita: input.indicators ? perCapitaIncome(input.indicators.totalIncome, input.activeMembers) : null,
      hardships: input.indicators ? new Set(input.indicators.hardships).size : null,
    };
  });
}

/**
 * Tiers a batch of households in bulk; writes only what changed. Overridden households keep
 * their tier. `set` says how to read their inputs: their ids, or the id range they span.
 */
async function retierBatch(
  db: Db,
  states: readonly TierStateRow[],
  set: HouseholdSet,
  ruleSet: { version: number; rules: TierRules },
  stamp: string,
  cause: TierCause,
  actorId: string | null,
): Promise<number> {
  const inputs = await tierInputsFor(db, set);
  const writes: TierWrite[] = [];
  const history = [];
  for (const { state, tier, reasons, perCapita, hardships } of evaluateBatch(states, inputs, ruleSet.rules)) {
    const overridden = state.tier_source === 'override';
    const text = JSON.stringify(reasons);
    const figuresSame = state.per_capita_income === perCapita && state.hardship_count === hardships;
    // A household whose tier and reasons stay as they were is not rewritten: a district-wide
    // pass records its rule version once, in tier_runs.
    const tierSame = overridden || (state.tier === tier && state.tier_reasons === text);
    if (figuresSame && tierSame) continue;
    writes.push({
      id: state.id,
      tier: overridden ? null : tier,
      reasons: overridden ? null : text,
      perCapita,
      hardships,
    });
    if (!overridden && state.tier !== tier) {
      history.push({
        id: newId(),
        household_id: state.id,
        at: stamp,
        from_tier: state.tier,
        to_tier: tier,
        rule_version: ruleSet.version,
        reasons: text,
        cause,
        actor_id: actorId,
      });
    }
  }
  await writeTiers(db, writes, ruleSet.version, stamp);
  await insertTierHistoryRows(db, history);
  return history.length;
}

/** Re-tiers the given households (after an import) in a few statements per few hundred households. */
export async function retierHouseholds(
  db: Db,
  clock: Clock,
  ids: readonly string[],
  cause: TierCause,
  actorId: string | null,
): Promise<number> {
  const now = clock.now();
  const ruleSet = await ruleSetInForce(db, chinaDate(now));
  let moved = 0;
  for (let i = 0; i < ids.length; i += 2_000) {
    const states = await householdStates(db, ids.slice(i, i + 2_000));
    const batch = { ids: states.map((s) => s.id) };
    moved += await retierBatch(db, states, batch, ruleSet, now.toISOString(), cause, actorId);
  }
  return moved;
}

/** Re-tiers every active household of the district under the rule set in force. */
export async function retierAll(
  db: Db,
  clock: Clock,
  cause: TierCause,
  actorId: string | null,
): Promise<{ households: number; moved: number }> {
  const now = clock.now();
  const ruleSet = await ruleSetInForce(db, chinaDate(now));
  let households = 0;
  let moved = 0;
  let after: string | null = null;
  for (;;) {
    const states = await activeHouseholdsAfter(db, after, 5_000);
    if (states.length === 0) break;
    households += states.length;
    // Pages of a district-wide pass are contiguous in id order: their inputs are read as a range.
    const range = { from: states[0]?.id ?? '', to: states[states.length - 1]?.id ?? '' };
    moved += await retierBatch(db, states, range, ruleSet, now.toISOString(), cause, actorId);
    after = states[states.length - 1]?.id ?? null;
  }
  await insertTierRun(db, {
    id: newId(),
    rule_version: ruleSet.version,
    cause,
    households,
    moved,
    finished_at: clock.now().toISOString(),
  });
  return { households, moved };
}

/** What `rules` would do to today's active households, without writing anything. */
export async function previewRules(db: Db, rules: TierRules): Promise<TierRulesPreview> {
  const counts = { stable: 0, watch: 0, priority: 0 };
  const moves = new Map<string, { from: Tier | null; to: Tier; count: number }>();
  let households = 0;
  let overridden = 0;
  let after: string | null = null;
  for (;;) {
    const states = await activeHouseholdsAfter(db, after, 5_000);
    if (states.length === 0) break;
    after = states[states.length - 1]?.id ?? null;
    households += states.length;
    const open = states.filter((s) => s.tier_source !== 'override');
    overridden += states.length - open.length;
    for (const s of states) if (s.tier_source === 'override' && s.tier) counts[s.tier]++;
    const inputs = await tierInputsFor(db, {
      from: states[0]?.id ?? '',
      to: states[states.length - 1]?.id ?? '',
    });
    for (const { state, tier } of evaluateBatch(open, inputs, rules)) {
      counts[tier]++;
      if (state.tier === tier) continue;
      const key = `${state.tier}>${tier}`;
      const move = moves.get(key) ?? { from: state.tier, to: tier, count: 0 };
      move.count++;
      moves.set(key, move);
    }
  }
  const order = (t: Tier | null) => (t === null ? -1 : tiers.indexOf(t));
  return {
    households,
    overridden,
    counts,
    moves: [...moves.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to)),
  };
}

export async function ruleSets(db: Db, clock: Clock): Promise<TierRuleSet[]> {
  const today = chinaDate(clock.now());
  const rows = await listRuleSets(db);
  const inForce = rows.find((r) => r.effective_from <= today)?.version;
  return rows.map((r) => ({
    version: r.version,
    effectiveFrom: r.effective_from,
    rules: JSON.parse(r.rules) as TierRules,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    inForce: r.version === inForce,
  }));
}

/**
 * Saves a new rule-set version. The district is re-tiered by a durable job when its effective
 * date comes (at once when that is today), so no household keeps a stale tier.
 */
export async function createRuleSet(
  db: Db,
  clock: Clock,
  jobs: JobWorker,
  actor: Actor,
  body: TierRulesCreateBody,
): Promise<TierRuleSet> {
  const now = clock.now();
  const today = chinaDate(now);
  if (body.effectiveFrom < today) throw new AppError('RULES_EFFECTIVE_DATE_INVALID', { today });
  const version = await nextRuleVersion(db);
  await insertRuleSet(db, {
    version,
    effective_from: body.effectiveFrom,
    rules: JSON.stringify(body.rules),
    note: body.note || null,
    created_by: actor.name,
    created_at: now.toISOString(),
  });
  const runAt = chinaDayStart(body.effectiveFrom);
  await jobs.enqueueIn(db, {
    kind: RETIER_ALL_JOB,
    payload: { version },
    runAt: new Date(Math.max(runAt.getTime(), now.getTime())),
    dedupeKey: `${RETIER_ALL_JOB}:${body.effectiveFrom}`,
  });
  await recordAudit(db, clock, actor, {
    action: 'tier_rules.create',
    objectType: 'tier_rules',
    objectId: String(version),
    after: { effectiveFrom: body.effectiveFrom, rules: body.rules, note: body.note },
  });
  const saved = (await ruleSets(db, clock)).find((r) => r.version === version);
  if (!saved) throw new Error(`rule set ${version} vanished`);
  return saved;
}

export function registerTieringJobs(jobs: JobWorker): void {
  jobs.handle(RETIER_ALL_JOB, async ({ trx, clock }) => {
    await retierAll(trx, clock, 'rules', null);
  });
}
