import {
  builtinTags,
  defaultTierRules,
  type OverrideStatus,
  type Tier,
  type TierRules,
} from '@lianxin/common';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type ReferenceExpression,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { Db } from '../../db/dialect';
import type { TierHistoryTable, TierOverridesTable, TierRuleSetsTable, TierRunsTable } from '../../db/schema';
import { chunks } from '../../platform/collections';
import { type AreaScope, inScope } from '../../platform/scope';

export interface RuleSet {
  version: number;
  effectiveFrom: string;
  rules: TierRules;
}

/** Builtin tags and rule set 1 exist in every database; inserting them twice is a no-op. */
export async function ensureRegistryDefaults(db: Db, now: string): Promise<void> {
  await db
    .insertInto('tag_definitions')
    .values(
      builtinTags.map((t) => ({
        code: t.code,
        name: t.name,
        applies_to: t.appliesTo,
        builtin: true,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('tier_rule_sets')
    .values({
      version: 1,
      effective_from: '2000-01-01',
      rules: JSON.stringify(defaultTierRules),
      note: '默认规则',
      created_by: null,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The rule set in force on `date`: the newest version whose effective date has come. */
export async function ruleSetInForce(db: Db, date: string): Promise<RuleSet> {
  const row = await db
    .selectFrom('tier_rule_sets')
    .select(['version', 'effective_from', 'rules'])
    .where('effective_from', '<=', date)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    version: row.version,
    effectiveFrom: row.effective_from,
    rules: JSON.parse(row.rules) as TierRules,
  };
}

/** Rows per statement in bulk reads and writes: well under both engines' parameter limits. */
const CHUNK = 500;

export interface TierStateRow {
  id: string;
  tier: Tier | null;
  tier_source: 'rules' | 'override' | null;
  tier_rule_version: number | null;
  tier_reasons: string | null;
  member_count: number;
  per_capita_income: number | null;
  hardship_count: number | null;
}

const stateColumns = [
  'id',
  'tier',
  'tier_source',
  'tier_rule_version',
  'tier_reasons',
  'member_count',
  'per_capita_income',
  'hardship_count',
] as const;

/** The next page of active households by id, for district-wide recomputes. */
export async function activeHouseholdsAfter(db: Db, afterId: string | null, limit: number) {
  return db
    .selectFrom('households')
    .select(stateColumns)
    .where('status', '=', 'active')
    .$if(afterId !== null, (qb) => qb.where('id', '>', afterId ?? ''))
    .orderBy('id')
    .limit(limit)
    .execute() satisfies Promise<TierStateRow[]>;
}

export async function householdStates(db: Db, ids: readonly string[]): Promise<TierStateRow[]> {
  const out: TierStateRow[] = [];
  for (const part of chunks(ids, CHUNK)) {
    out.push(...(await db.selectFrom('households').select(stateColumns).where('id', 'in', part).execute()));
  }
  return out;
}

export interface BulkTierInputs {
  /** The latest year's indicators per household. */
  indicators: Map<string, { year: number; total_income: number; debt: number; hardships: string }>;
  /** Household tags and the tags of active members, per household. */
  tags: Map<string, string[]>;
}

/** Which households to read: a list of ids, or every id in a range (a district-wide pass). */
export type HouseholdSet = { ids: readonly string[] } | { from: string; to: string };

/** An IN list for a few hundred ids; an index range scan for a range. */
function inSet<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  set: HouseholdSet,
): Expression<SqlBool> {
  return 'ids' in set ? eb(column, 'in', [...set.ids]) : eb.between(column, set.from, set.to);
}

function parts(set: HouseholdSet): HouseholdSet[] {
  return 'ids' in set ? chunks(set.ids, CHUNK).map((ids) => ({ ids })) : [set];
}

/** Everything the tiering rules read, for many households in a few statements. */
export async function tierInputsFor(db: Db, set: HouseholdSet): Promise<BulkTierInputs> {
  const indicators: BulkTierInputs['indicators'] = new Map();
  const tags: BulkTierInputs['tags'] = new Map();
  const addTag = (householdId: string, tag: string) => {
    const list = tags.get(householdId);
    if (list) list.push(tag);
    else tags.set(householdId, [tag]);
  };
  for (const part of parts(set)) {
    const [indicatorRows, householdTags, memberTags] = await Promise.all([
      db
        .selectFrom('household_indicators')
        .select(['household_id', 'year', 'total_income', 'debt', 'hardships'])
        .where((eb) => inSet(eb, 'household_indicators.household_id', part))
        .orderBy('household_id')
        .orderBy('year', 'desc')
        .execute(),
      db
        .selectFrom('household_tags')
        .select(['household_id', 'tag_code'])
        .where((eb) => inSet(eb, 'household_tags.household_id', part))
        .execute(),
      db
        .selectFrom('resident_tags')
        .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
        .select(['residents.household_id', 'resident_tags.tag_code'])
        .where((eb) => inSet(eb, 'residents.household_id', part))
        .where('residents.status', '=', 'active')
        .execute(),
    ]);
    for (const row of indicatorRows) {
      if (!indicators.has(row.household_id)) {
        indicators.set(row.household_id, {
          year: row.year,
          total_income: Number(row.total_income),
          debt: Number(row.debt),
          hardships: row.hardships,
        });
      }
    }
    for (const row of householdTags) addTag(row.household_id, row.tag_code);
    for (const row of memberTags) addTag(row.household_id, row.tag_code);
  }
  return { indicators, tags };
}

export interface TierWrite {
  id: string;
  /** Null for a household whose tier an override fixes: only its figures are updated. */
  tier: Tier | null;
  reasons: string | null;
  perCapita: number | null;
  hardships: number | null;
}

/**
 * Stores many computed tiers with the figures the list filters on, a few hundred rows per
 * statement. Households under an override keep their tier.
 */
export async function writeTiers(db: Db, rows: readonly TierWrite[], ruleVersion: number, at: string) {
  for (const part of chunks(rows, CHUNK)) {
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${r.id}, ${r.tier}, ${r.reasons}, cast(${r.perCapita} as bigint), cast(${r.hardships} as integer))`,
      ),
    );
    await sql`with v(id, tier, reasons, per_capita, hardships) as (values ${values})
      update households
      set tier = coalesce(v.tier, households.tier),
          tier_reasons = coalesce(v.reasons, households.tier_reasons),
          tier_source = case when v.tier is null then households.tier_source else 'rules' end,
          tier_rule_version = case when v.tier is null then households.tier_rule_version else ${ruleVersion} end,
          tier_updated_at = case when v.tier is null then households.tier_updated_at else ${at} end,
          per_capita_income = v.per_capita, hardship_count = v.hardships
      from v where households.id = v.id`.execute(db);
  }
}

export async function insertTierHistoryRows(db: Db, rows: readonly Insertable<TierHistoryTable>[]) {
  for (const part of chunks(rows, 200)) await db.insertInto('tier_history').values(part).execute();
}

export async function listRuleSets(db: Db) {
  return db.selectFrom('tier_rule_sets').selectAll().orderBy('version', 'desc').execute();
}

export async function insertRuleSet(db: Db, row: Insertable<TierRuleSetsTable>): Promise<void> {
  await db.insertInto('tier_rule_sets').values(row).execute();
}

export async function nextRuleVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('tier_rule_sets')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertOverride(db: Db, row: Insertable<TierOverridesTable>): Promise<void> {
  await db.insertInto('tier_overrides').values(row).execute();
}

export async function updateOverride(
  db: Db,
  id: string,
  fromStatus: OverrideStatus,
  changes: Updateable<TierOverridesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('tier_overrides')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function hasOverride(db: Db, householdId: string, status: OverrideStatus): Promise<boolean> {
  const row = await db
    .selectFrom('tier_overrides')
    .select('id')
    .where('household_id', '=', householdId)
    .where('status', '=', status)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listOverrides(
  db: Db,
  scope: AreaScope,
  filter: { id?: string; status?: OverrideStatus; householdId?: string },
  limit: number,
) {
  return db
    .selectFrom('tier_overrides as o')
    .innerJoin('households', 'households.id', 'o.household_id')
    .innerJoin('areas', 'areas.code', 'households.area_code')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .leftJoin('users as proposer', 'proposer.id', 'o.proposed_by')
    .leftJoin('users as decider', 'decider.id', 'o.decided_by')
    .selectAll('o')
    .select([
      'households.number as household_number',
      'households.area_code',
      'households.tier as current_tier',
      'areas.name as area_name',
      'head.name as head_name',
      'proposer.name as proposer_name',
      'decider.name as decider_name',
    ])
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .$if(filter.id !== undefined, (qb) => qb.where('o.id', '=', filter.id ?? ''))
    .$if(filter.status !== undefined, (qb) => qb.where('o.status', '=', filter.status ?? 'pending'))
    .$if(filter.householdId !== undefined, (qb) => qb.where('o.household_id', '=', filter.householdId ?? ''))
    .orderBy('o.proposed_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
}

export async function setOverrideTier(
  db: Db,
  householdId: string,
  tier: { tier: Tier; reasons: string; at: string },
): Promise<void> {
  await db
    .updateTable('households')
    .set({ tier: tier.tier, tier_source: 'override', tier_reasons: tier.reasons, tier_updated_at: tier.at })
    .where('id', '=', householdId)
    .execute();
}

/** Hands the household back to the rules; the caller re-tiers it. */
export async function releaseOverrideTier(db: Db, householdId: string): Promise<void> {
  await db.updateTable('households').set({ tier_source: 'rules' }).where('id', '=', householdId).execute();
}

export async function insertTierRun(db: Db, row: Insertable<TierRunsTable>): Promise<void> {
  await db.insertInto('tier_runs').values(row).execute();
}

/** The rule version of the latest district-wide re-tier: every active household was evaluated under it. */
export async function latestRunVersion(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('tier_runs')
    .select((eb) => eb.fn.max('rule_version').as('v'))
    .executeTakeFirst();
  return row?.v === null || row?.v === undefined ? null : Number(row.v);
}

/** How many overrides of households in the caller's area have a given status (the bell's pending count). */
export async function countOverrides(db: Db, scope: AreaScope, status: OverrideStatus): Promise<number> {
  const row = await db
    .selectFrom('tier_overrides as o')
    .innerJoin('households', 'households.id', 'o.household_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.status', '=', status)
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
