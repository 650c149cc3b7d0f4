import { builtinTags, defaultTierRules, type TierRules } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { TierHistoryTable } from '../../db/schema';

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

export async function tierInputRows(db: Db, householdId: string) {
  const [indicators, householdTags, memberTags, members] = await Promise.all([
    db
      .selectFrom('household_indicators')
      .select(['year', 'total_income', 'debt', 'hardships'])
      .where('household_id', '=', householdId)
      .orderBy('year', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('household_tags').select('tag_code').where('household_id', '=', householdId).execute(),
    db
      .selectFrom('resident_tags')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select('resident_tags.tag_code')
      .where('residents.household_id', '=', householdId)
      .where('residents.status', '=', 'active')
      .execute(),
    db
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('household_id', '=', householdId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    indicators,
    tags: [...householdTags, ...memberTags].map((t) => t.tag_code),
    activeMembers: Number(members.n),
  };
}

export async function readTierState(db: Db, householdId: string) {
  return db
    .selectFrom('households')
    .select(['tier', 'tier_source'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
}

export async function writeTier(
  db: Db,
  householdId: string,
  tier: { tier: string; ruleVersion: number; reasons: string; at: string },
): Promise<void> {
  await db
    .updateTable('households')
    .set({
      tier: tier.tier as 'stable' | 'watch' | 'priority',
      tier_source: 'rules',
      tier_rule_version: tier.ruleVersion,
      tier_reasons: tier.reasons,
      tier_updated_at: tier.at,
    })
    .where('id', '=', householdId)
    .execute();
}

export async function insertTierHistory(db: Db, row: Insertable<TierHistoryTable>): Promise<void> {
  await db.insertInto('tier_history').values(row).execute();
}
