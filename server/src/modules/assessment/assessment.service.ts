import {
  type Assessment,
  type AssessmentConfig,
  type AssessmentScore,
  type Cohort,
  cohorts,
  defaultAssessmentConfig,
  ratio,
  withDefaultCohorts,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Actor } from '../../platform/audit/audit.service';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { type IndicatorRegistry, onceMemo } from '../../platform/registries/indicators';
import type { AreaScope } from '../../platform/scope';
import {
  type AssessmentYearRow,
  enabledAccounts,
  findYear,
  markComputed,
  replaceScores,
  type ScoreRow,
  saveYearConfig,
  scoreComments,
  scoreOf,
  scoresInScope,
  setScoreComment,
} from './assessment.repository';

/** Which cohort a cadre is assessed in; accounts outside every cohort are not assessed. */
function cohortOf(role: string, rank: string | null, hasContactPoint: boolean): Cohort | null {
  if (role === 'village_cadre') return 'village_cadres';
  if (role === 'town_staff') return 'town_staff';
  if (role === 'town_head') return 'town_heads';
  if ((role === 'district_admin' || role === 'district_staff') && (rank === 'leader' || hasContactPoint))
    return 'leaders';
  // A department is assessed through its head's account.
  if (role === 'department_head') return 'departments';
  return null;
}

/** Weights that name indicators registered for the cohort and add up to 100 in every cohort. */
export function checkConfig(config: AssessmentConfig, registry: IndicatorRegistry): void {
  for (const cohort of cohorts) {
    const weights = config[cohort].weights;
    for (const indicator of Object.keys(weights)) {
      if (!registry.weighable(indicator, cohort)) {
        throw new AppError('ASSESSMENT_INDICATOR_UNKNOWN', { indicator });
      }
    }
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    if (sum !== 100) throw new AppError('ASSESSMENT_WEIGHTS_INVALID', { cohort, sum });
  }
}

/** A finalized year never changes. */
export function editable(row: AssessmentYearRow | undefined, year: number): void {
  if (row?.status === 'finalized') throw new AppError('ASSESSMENT_FINALIZED', { year });
}

export async function saveConfig(
  db: Db,
  ctx: { clock: Clock; actor: Actor; indicators: IndicatorRegistry },
  year: number,
  config: AssessmentConfig,
) {
  const { clock, actor } = ctx;
  editable(await findYear(db, year), year);
  checkConfig(config, ctx.indicators);
  await saveYearConfig(db, year, JSON.stringify(config), clock.now().toISOString());
  await recordAudit(db, clock, actor, {
    action: 'assessment.config',
    objectType: 'assessment',
    objectId: String(year),
    after: config,
  });
}

/**
 * Computes every cadre's score for a year: each indicator a rate over the records it counts,
 * weighted by the cohort's configuration, ranked within the cohort. Indicators without data are
 * left out of the score (and shown as no data), not counted as zero.
 */
export async function computeAssessment(
  db: Db,
  ctx: { clock: Clock; actor: Actor; indicators: IndicatorRegistry },
  year: number,
): Promise<number> {
  const { clock, actor } = ctx;
  const row = await findYear(db, year);
  editable(row, year);
  const config: AssessmentConfig = row
    ? withDefaultCohorts(JSON.parse(row.config) as Partial<AssessmentConfig>)
    : defaultAssessmentConfig;
  const cadres = (await enabledAccounts(db)).flatMap((cadre) => {
    const cohort = cohortOf(cadre.role, cadre.rank, cadre.leadsContactPoint);
    return cohort ? [{ ...cadre, cohort }] : [];
  });
  // Only the indicators some cohort weighs are counted, each over every cadre at once.
  const weighted = new Set(cohorts.flatMap((cohort) => Object.keys(config[cohort].weights)));
  const query = { db, cadres, from: `${year}-01-01`, to: `${year}-12-31`, clock, once: onceMemo() };
  const counted = new Map(
    await Promise.all(
      ctx.indicators
        .list('assessment')
        .filter((i) => weighted.has(i.key))
        .map(async (i) => [i.key, (await i.byCadre?.(query)) ?? new Map()] as const),
    ),
  );
  const scored: {
    cadreId: string;
    cohort: Cohort;
    areaCode: string;
    breakdown: AssessmentScore['breakdown'];
    score: number | null;
  }[] = [];
  for (const cadre of cadres) {
    const { cohort } = cadre;
    const rateOf = (indicator: string) => {
      const c = counted.get(indicator)?.get(cadre.id);
      return c ? ratio(c.numerator, c.denominator).value : null;
    };
    const breakdown = Object.entries(config[cohort].weights).map(([indicator, weight]) => {
      const value = rateOf(indicator);
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
    scored.push({ cadreId: cadre.id, cohort, areaCode: cadre.areaCode, breakdown, score });
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
  await markComputed(db, year, JSON.stringify(config), clock.now().toISOString());
  // Reviewer comments survive a recompute.
  const comments = await scoreComments(db, year);
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
  await replaceScores(db, year, rows);
  await recordAudit(db, clock, actor, {
    action: 'assessment.compute',
    objectType: 'assessment',
    objectId: String(year),
    after: { cadres: rows.length },
  });
  return rows.length;
}

function toScore(r: ScoreRow): AssessmentScore {
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
  const row = await findYear(db, year);
  const scores = await scoresInScope(db, scope, year, cohort);
  return {
    year,
    status: row?.status ?? 'draft',
    config: row
      ? withDefaultCohorts(JSON.parse(row.config) as Partial<AssessmentConfig>)
      : defaultAssessmentConfig,
    computedAt: row?.computed_at ?? null,
    finalizedAt: row?.finalized_at ?? null,
    scores: scores.map(toScore),
  };
}

/** The caller's own score and breakdown. */
export async function ownScore(db: Db, cadreId: string, year: number): Promise<AssessmentScore> {
  const row = await scoreOf(db, year, cadreId);
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
  editable(await findYear(db, year), year);
  if (!(await setScoreComment(db, ctx.scope, year, cadreId, comment || null))) throw notFound();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'assessment.comment',
    objectType: 'user',
    objectId: cadreId,
    after: { year, comment },
  });
  return ownScore(db, cadreId, year);
}
