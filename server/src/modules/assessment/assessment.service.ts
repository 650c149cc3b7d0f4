import {
  type Assessment,
  type AssessmentConfig,
  type AssessmentScore,
  type CadreIndicator,
  type Cohort,
  cadreIndicators,
  chinaDayStart,
  cohorts,
  defaultAssessmentConfig,
  defaultAssistanceSettings,
} from '@lianxin/common';
import { sql } from 'kysely';
import type { Db } from '../../db/dialect';
import type { Actor } from '../../platform/audit/audit.service';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { type AreaScope, inScope } from '../../platform/scope';
import { assistanceSettings, quotaGroupOf } from '../assistance/pairings.service';

/** Which cohort a cadre is assessed in; accounts outside every cohort are not assessed. */
function cohortOf(role: string, rank: string | null, hasContactPoint: boolean): Cohort | null {
  if (role === 'village_cadre') return 'village_cadres';
  if (role === 'town_staff') return 'town_staff';
  if (role === 'town_head') return 'town_heads';
  if ((role === 'district_admin' || role === 'district_staff') && (rank === 'leader' || hasContactPoint))
    return 'leaders';
  return null;
}

/** Weights that name known indicators and add up to 100 in every cohort. */
export function checkConfig(config: AssessmentConfig): void {
  for (const cohort of cohorts) {
    const weights = config[cohort].weights;
    for (const indicator of Object.keys(weights)) {
      if (!cadreIndicators.includes(indicator as CadreIndicator)) {
        throw new AppError('ASSESSMENT_INDICATOR_UNKNOWN', { indicator });
      }
    }
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    if (sum !== 100) throw new AppError('ASSESSMENT_WEIGHTS_INVALID', { cohort, sum });
  }
}

async function yearRow(db: Db, year: number) {
  return db.selectFrom('assessment_years').selectAll().where('year', '=', year).executeTakeFirst();
}

function editable(row: Awaited<ReturnType<typeof yearRow>>, year: number): void {
  if (row?.status === 'finalized') throw new AppError('ASSESSMENT_FINALIZED', { year });
}

export async function saveConfig(db: Db, clock: Clock, actor: Actor, year: number, config: AssessmentConfig) {
  const row = await yearRow(db, year);
  editable(row, year);
  checkConfig(config);
  const now = clock.now().toISOString();
  await db
    .insertInto('assessment_years')
    .values({ year, config: JSON.stringify(config), status: 'draft', updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ config: JSON.stringify(config), updated_at: now }))
    .execute();
  await recordAudit(db, clock, actor, {
    action: 'assessment.config',
    objectType: 'assessment',
    objectId: String(year),
    after: config,
  });
}

type Counts = Map<string, { numerator: number; denominator: number }>;

async function grouped(
  query: Promise<{ cadre: string | null; numerator: number | string; denominator: number | string }[]>,
): Promise<Counts> {
  const rows = await query;
  return new Map(
    rows
      .filter((r) => r.cadre !== null)
      .map((r) => [
        r.cadre as string,
        { numerator: Number(r.numerator), denominator: Number(r.denominator) },
      ]),
  );
}

const sum = (condition: ReturnType<typeof sql<boolean>>) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/**
 * Computes every cadre's score for a year: each indicator a rate over the records it counts,
 * weighted by the cohort's configuration, ranked within the cohort. Indicators without data are
 * left out of the score (and shown as no data), not counted as zero.
 */
export async function computeAssessment(db: Db, clock: Clock, actor: Actor, year: number): Promise<number> {
  const row = await yearRow(db, year);
  editable(row, year);
  const config: AssessmentConfig = row
    ? (JSON.parse(row.config) as AssessmentConfig)
    : defaultAssessmentConfig;
  const settings = await assistanceSettings(db);
  const from = chinaDayStart(`${year}-01-01`).toISOString();
  const to = chinaDayStart(`${year + 1}-01-01`).toISOString();
  const inYear = <T extends string>(column: T) =>
    sql<boolean>`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
  const appealsOf = (
    numerator: ReturnType<typeof sql<boolean>>,
    denominator: ReturnType<typeof sql<boolean>>,
  ) =>
    db
      .selectFrom('appeals')
      .where('handler_id', 'is not', null)
      .where('status', '!=', 'merged')
      .where(inYear('received_at'))
      .select(['handler_id as cadre', sum(numerator).as('numerator'), sum(denominator).as('denominator')])
      .groupBy('handler_id')
      .execute();
  const [cadres, resolution, satisfaction, onTime, visited, ratings, paired, contactPoints] =
    await Promise.all([
      db
        .selectFrom('users')
        .select(['id', 'role', 'rank', 'area_code'])
        .where('disabled_at', 'is', null)
        .execute(),
      grouped(appealsOf(sql<boolean>`resolved_at is not null`, sql<boolean>`1 = 1`)),
      grouped(
        appealsOf(
          sql<boolean>`rating in ('satisfied', 'basically_satisfied')`,
          sql<boolean>`rating is not null`,
        ),
      ),
      grouped(
        appealsOf(
          sql<boolean>`resolved_at is not null and resolved_at <= resolution_due_at`,
          sql<boolean>`resolved_at is not null`,
        ),
      ),
      grouped(
        db
          .selectFrom('pairings')
          .where('status', '=', 'active')
          .select([
            'cadre_id as cadre',
            sum(
              sql<boolean>`exists (select 1 from visits v where v.household_id = pairings.household_id and v.date >= ${`${year}-01-01`} and v.date <= ${`${year}-12-31`})`,
            ).as('numerator'),
            sql<number>`count(*)`.as('denominator'),
          ])
          .groupBy('cadre_id')
          .execute(),
      ),
      grouped(
        db
          .selectFrom('helper_ratings')
          .where(inYear('created_at'))
          .select([
            'cadre_id as cadre',
            sum(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('numerator'),
            sql<number>`count(*)`.as('denominator'),
          ])
          .groupBy('cadre_id')
          .execute(),
      ),
      db
        .selectFrom('pairings')
        .where('status', '=', 'active')
        .select(['cadre_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('cadre_id')
        .execute(),
      db.selectFrom('contact_points').select('leader_id').distinct().execute(),
    ]);
  const pairedBy = new Map(paired.map((p) => [p.cadre_id, Number(p.n)]));
  const overrides = new Map(
    (await db.selectFrom('cadre_quotas').select(['user_id', 'min']).execute()).map((q) => [q.user_id, q.min]),
  );
  const leaders = new Set(contactPoints.map((c) => c.leader_id));
  const rate = (counts: Counts, id: string) => {
    const c = counts.get(id);
    return c && c.denominator > 0 ? c.numerator / c.denominator : null;
  };
  const scored: {
    cadreId: string;
    cohort: Cohort;
    areaCode: string;
    breakdown: AssessmentScore['breakdown'];
    score: number | null;
  }[] = [];
  for (const cadre of cadres) {
    const cohort = cohortOf(cadre.role, cadre.rank, leaders.has(cadre.id));
    if (!cohort) continue;
    const group = quotaGroupOf(cadre.role, cadre.rank);
    const minimum =
      overrides.get(cadre.id) ??
      (group ? settings.quotas[group].min : defaultAssistanceSettings.quotas.village_cadre.min);
    const values: Record<CadreIndicator, number | null> = {
      appealResolution: rate(resolution, cadre.id),
      appealSatisfaction: rate(satisfaction, cadre.id),
      appealOnTime: rate(onTime, cadre.id),
      pairedVisited: rate(visited, cadre.id),
      helperSatisfaction: rate(ratings, cadre.id),
      quotaFill: minimum > 0 ? Math.min(1, (pairedBy.get(cadre.id) ?? 0) / minimum) : null,
    };
    const breakdown = Object.entries(config[cohort].weights).map(([indicator, weight]) => {
      const value = values[indicator as CadreIndicator] ?? null;
      return {
        indicator,
        weight,
        value,
        points: value === null ? 0 : Math.round(value * weight * 100) / 100,
      };
    });
    const weighed = breakdown.filter((b) => b.value !== null);
    const weightWithData = weighed.reduce((a, b) => a + b.weight, 0);
    const score =
      weightWithData === 0
        ? null
        : Math.round((weighed.reduce((a, b) => a + b.points, 0) / weightWithData) * 100 * 100) / 100;
    scored.push({ cadreId: cadre.id, cohort, areaCode: cadre.area_code, breakdown, score });
  }
  // Ranks within each cohort, highest first; equal scores share a rank; no data is unranked.
  for (const cohort of cohorts) {
    const ranked = scored
      .filter((s) => s.cohort === cohort && s.score !== null)
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    let rank = 0;
    let previous: number | null = null;
    ranked.forEach((s, i) => {
      if (s.score !== previous) rank = i + 1;
      previous = s.score;
      Object.assign(s, { rank });
    });
  }
  const now = clock.now().toISOString();
  await db
    .insertInto('assessment_years')
    .values({ year, config: JSON.stringify(config), status: 'draft', computed_at: now, updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ computed_at: now, updated_at: now }))
    .execute();
  // Reviewer comments survive a recompute.
  const comments = new Map(
    (
      await db
        .selectFrom('assessment_scores')
        .select(['cadre_id', 'comment'])
        .where('year', '=', year)
        .execute()
    ).map((c) => [c.cadre_id, c.comment]),
  );
  await db.deleteFrom('assessment_scores').where('year', '=', year).execute();
  const rows = scored.map((s) => ({
    year,
    cadre_id: s.cadreId,
    cohort: s.cohort,
    area_code: s.areaCode,
    breakdown: JSON.stringify(s.breakdown),
    score: s.score,
    rank: (s as { rank?: number }).rank ?? null,
    comment: comments.get(s.cadreId) ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('assessment_scores')
      .values(rows.slice(i, i + 500))
      .execute();
  await recordAudit(db, clock, actor, {
    action: 'assessment.compute',
    objectType: 'assessment',
    objectId: String(year),
    after: { cadres: rows.length },
  });
  return rows.length;
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

function toScore(r: Awaited<ReturnType<ReturnType<typeof scoreRows>['execute']>>[number]): AssessmentScore {
  return {
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    cohort: r.cohort,
    areaCode: r.area_code,
    areaName: r.area_name,
    breakdown: JSON.parse(r.breakdown) as AssessmentScore['breakdown'],
    score: r.score === null ? null : Number(r.score),
    rank: r.rank,
    comment: r.comment,
  };
}

/** A year's assessment as the caller may see it: the scores of cadres in their area. */
export async function assessment(
  db: Db,
  scope: AreaScope,
  year: number,
  cohort?: Cohort,
): Promise<Assessment> {
  const row = await yearRow(db, year);
  const scores = await scoreRows(db, year)
    .where((eb) => inScope(eb, 'assessment_scores.area_code', scope))
    .$if(cohort !== undefined, (qb) => qb.where('assessment_scores.cohort', '=', cohort ?? 'village_cadres'))
    .orderBy('assessment_scores.cohort')
    .orderBy(sql`case when assessment_scores.rank is null then 1 else 0 end`)
    .orderBy('assessment_scores.rank')
    .execute();
  return {
    year,
    status: row?.status ?? 'draft',
    config: row ? (JSON.parse(row.config) as AssessmentConfig) : defaultAssessmentConfig,
    computedAt: row?.computed_at ?? null,
    finalizedAt: row?.finalized_at ?? null,
    scores: scores.map(toScore),
  };
}

/** The caller's own score and breakdown. */
export async function ownScore(db: Db, cadreId: string, year: number): Promise<AssessmentScore> {
  const row = await scoreRows(db, year).where('assessment_scores.cadre_id', '=', cadreId).executeTakeFirst();
  if (!row) throw notFound();
  return toScore(row);
}

export async function commentScore(
  db: Db,
  ctx: { clock: Clock; actor: Actor; scope: AreaScope },
  year: number,
  cadreId: string,
  comment: string,
): Promise<AssessmentScore> {
  editable(await yearRow(db, year), year);
  const result = await db
    .updateTable('assessment_scores')
    .set({ comment: comment || null })
    .where('year', '=', year)
    .where('cadre_id', '=', cadreId)
    .where((eb) => inScope(eb, 'area_code', ctx.scope))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'assessment.comment',
    objectType: 'user',
    objectId: cadreId,
    after: { year, comment },
  });
  return ownScore(db, cadreId, year);
}

/** Locks a computed year: from now on nothing about it changes. Audited. */
export async function finalizeAssessment(db: Db, clock: Clock, actor: Actor, year: number): Promise<void> {
  const row = await yearRow(db, year);
  editable(row, year);
  if (!row?.computed_at) throw new AppError('ASSESSMENT_NOT_COMPUTED', { year });
  const now = clock.now().toISOString();
  const result = await db
    .updateTable('assessment_years')
    .set({ status: 'finalized', finalized_at: now, finalized_by: actor.id, updated_at: now })
    .where('year', '=', year)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('ASSESSMENT_FINALIZED', { year });
  await recordAudit(db, clock, actor, {
    action: 'assessment.finalize',
    objectType: 'assessment',
    objectId: String(year),
  });
}
