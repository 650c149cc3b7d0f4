import type { Cohort } from '@lianxin/common';
import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AssessmentScoresTable, AssessmentYearsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

export type AssessmentYearRow = Selectable<AssessmentYearsTable>;
export type NewScore = Insertable<AssessmentScoresTable>;

/** Rows written by one statement when a year's scores are replaced. */
const SCORES_PER_STATEMENT = 500;

/** The year's record (configuration, status, when computed and finalized), if there is one. */
export function findYear(db: Db, year: number): Promise<AssessmentYearRow | undefined> {
  return db.selectFrom('assessment_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Saves a year's configuration (a year saved for the first time starts as a draft). */
export async function saveYearConfig(db: Db, year: number, config: string, now: string): Promise<void> {
  await db
    .insertInto('assessment_years')
    .values({ year, config, status: 'draft', updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ config, updated_at: now }))
    .execute();
}

/** Notes that the year's scores were computed now (a year never saved starts with `config`). */
export async function markComputed(db: Db, year: number, config: string, now: string): Promise<void> {
  await db
    .insertInto('assessment_years')
    .values({ year, config, status: 'draft', computed_at: now, updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ computed_at: now, updated_at: now }))
    .execute();
}

/**
 * Locks a draft year: false when it was no longer a draft (finalized meanwhile), so that two
 * finalizations cannot both succeed.
 */
export async function lockYear(db: Db, year: number, by: string | null, now: string): Promise<boolean> {
  const result = await db
    .updateTable('assessment_years')
    .set({ status: 'finalized', finalized_at: now, finalized_by: by, updated_at: now })
    .where('year', '=', year)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The accounts that may be assessed: enabled ones, with whether they lead a contact point. */
export async function enabledAccounts(
  db: Db,
): Promise<
  { id: string; role: string; rank: string | null; areaCode: string; leadsContactPoint: boolean }[]
> {
  const [users, contactPoints] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'role', 'rank', 'area_code'])
      .where('disabled_at', 'is', null)
      .execute(),
    db.selectFrom('contact_points').select('leader_id').distinct().execute(),
  ]);
  const leaders = new Set(contactPoints.map((c) => c.leader_id));
  return users.map((u) => ({
    id: u.id,
    role: u.role,
    rank: u.rank,
    areaCode: u.area_code,
    leadsContactPoint: leaders.has(u.id),
  }));
}

/** Reviewers' comments on a year's scores, by cadre. */
export async function scoreComments(db: Db, year: number): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('assessment_scores')
    .select(['cadre_id', 'comment'])
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((c) => [c.cadre_id, c.comment]));
}

/** Replaces every score of a year with these. */
export async function replaceScores(db: Db, year: number, rows: NewScore[]): Promise<void> {
  await db.deleteFrom('assessment_scores').where('year', '=', year).execute();
  for (let i = 0; i < rows.length; i += SCORES_PER_STATEMENT)
    await db
      .insertInto('assessment_scores')
      .values(rows.slice(i, i + SCORES_PER_STATEMENT))
      .execute();
}

function scoreRows(db: Db, year: number) {
  return db
    .selectFrom('assessment_scores')
    .innerJoin('users', 'users.id', 'assessment_scores.cadre_id')
    .innerJoin('areas', 'areas.code', 'assessment_scores.area_code')
    .selectAll('assessment_scores')
    .select(['users.name as cadre_name', 'areas.name as area_name'])
    .where('assessment_scores.year', '=', year);
}

/** A score with the names of its cadre and area. */
export type ScoreRow = Awaited<ReturnType<ReturnType<typeof scoreRows>['execute']>>[number];

/** A year's scores of cadres in the caller's area: by cohort, ranked first, by rank. */
export function scoresInScope(db: Db, scope: AreaScope, year: number, cohort?: Cohort): Promise<ScoreRow[]> {
  return scoreRows(db, year)
    .where((eb) => inScope(eb, 'assessment_scores.area_code', scope))
    .$if(cohort !== undefined, (qb) => qb.where('assessment_scores.cohort', '=', cohort ?? 'village_cadres'))
    .orderBy('assessment_scores.cohort')
    .orderBy(sql`case when assessment_scores.rank is null then 1 else 0 end`)
    .orderBy('assessment_scores.rank')
    .execute();
}

/** One cadre's score for a year (unscoped: a cadre reads their own). */
export function scoreOf(db: Db, year: number, cadreId: string): Promise<ScoreRow | undefined> {
  return scoreRows(db, year).where('assessment_scores.cadre_id', '=', cadreId).executeTakeFirst();
}

/** Sets the reviewer's comment on a score in the caller's area; false when there is no such score. */
export async function setScoreComment(
  db: Db,
  scope: AreaScope,
  year: number,
  cadreId: string,
  comment: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('assessment_scores')
    .set({ comment })
    .where('year', '=', year)
    .where('cadre_id', '=', cadreId)
    .where((eb) => inScope(eb, 'area_code', scope))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
