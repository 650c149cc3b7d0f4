import {
  type AssistanceSettings,
  type DashboardQuery,
  defaultAssistanceSettings,
  ratio,
  tiers,
  type Work,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError } from '../../../platform/errors';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { findArea } from '../../areas';
import { assistanceSettings, quotaGroupOf } from '../../assistance';
import {
  type CadreCounts,
  cadreCounts,
  noCounts,
  pairableCadres,
  quotaMinimums,
  visitCoverageByTier,
} from './work.repository';

/** Above this many cadres, every cadre's records are counted and the area's picked out. */
const MANY_CADRES = 500;

/** A cadre's minimum quota: set for them by hand, or their group's. */
export function minimumQuota(
  cadre: { id: string; role: string; rank: string | null },
  settings: AssistanceSettings,
  overrides: Map<string, number>,
): number {
  const group = quotaGroupOf(cadre.role, cadre.rank);
  return (
    overrides.get(cadre.id) ??
    (group ? settings.quotas[group].min : defaultAssistanceSettings.quotas.village_cadre.min)
  );
}

/** The rates a cadre is judged on, from their counts: each with what it counts; none is 0 % for want of data. */
export function cadreRates(c: CadreCounts, minimum: number) {
  return {
    resolutionRate: ratio(c.resolved, c.handled),
    satisfactionRate: ratio(c.satisfied, c.rated),
    onTimeRate: ratio(c.onTime, c.resolved),
    // Above the quota counts as filled.
    quotaFill: ratio(Math.min(c.paired, minimum), minimum),
    pairedVisited: ratio(c.pairedVisited, c.paired),
    helperSatisfaction: ratio(c.helperSatisfied, c.helperRated),
  };
}

/**
 * The work of an area's cadres in a period, one row per cadre who may be paired with households,
 * and how many of the area's households were visited as often as their tier asks.
 */
export async function work(db: Db, ctx: { scope: AreaScope }, query: DashboardQuery): Promise<Work> {
  if (query.from > query.to)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'querystring.to', message: 'period' }]);
  const area = await findArea(db, ctx.scope, query.areaCode ?? ctx.scope.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: query.areaCode ?? '' });
  const scope = scopeOf(area);
  const [cadres, settings, overrides] = await Promise.all([
    pairableCadres(db, scope),
    assistanceSettings(db),
    quotaMinimums(db),
  ]);
  const [counts, coverage] = await Promise.all([
    // Many cadres (a district's): one pass over every cadre's records beats thousands of ids.
    cadreCounts(db, query, cadres.length > MANY_CADRES ? null : cadres.map((c) => c.id)),
    visitCoverageByTier(db, scope, query.to, settings.visitEveryDays),
  ]);
  return {
    area: { code: area.code, name: area.name },
    from: query.from,
    to: query.to,
    cadres: cadres.map((cadre) => {
      const c = counts.get(cadre.id) ?? noCounts();
      const minimum = minimumQuota(cadre, settings, overrides);
      return {
        cadreId: cadre.id,
        name: cadre.name,
        role: cadre.role,
        areaCode: cadre.area_code,
        areaName: cadre.area_name,
        handled: c.handled,
        paired: c.paired,
        quotaMin: minimum,
        visits: c.visits,
        villageDays: c.villageDays,
        ...cadreRates(c, minimum),
      };
    }),
    visitCoverage: tiers.map((tier) => {
      const row = coverage.find((r) => r.tier === tier);
      return {
        tier,
        everyDays: settings.visitEveryDays[tier],
        coverage: ratio(row?.visited ?? 0, row?.households ?? 0),
      };
    }),
  };
}
