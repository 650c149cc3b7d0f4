import { chinaDayStart, type MustGoCoverage, type mustGoReasons } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { AreaScope } from '../../../platform/scope';
import { assistanceSettings } from '../settings/settings.service';
import { villagesWithAppeals, villagesWithFlags, villageVisits } from './coverage.repository';
import { type CoveragePeriod, coverageArea, rate } from './coverage.service';

type MustGoReason = (typeof mustGoReasons)[number];

/** The day after `date` a year earlier: the first day of the 12 months that end on `date`. */
function yearBefore(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 五必去: the villages in the area that are extremely poor, remote, hard to advance, hit by a
 * disaster during the period, or the source of many appeals in the 12 months up to its end; and
 * whether a village visit (one not to a household) reached each in the period.
 */
export async function mustGoCoverage(
  db: Db,
  callerScope: AreaScope,
  period: CoveragePeriod,
): Promise<MustGoCoverage> {
  const area = await coverageArea(db, callerScope, period.areaCode);
  const scope = area.scope;
  const settings = await assistanceSettings(db);
  const villages = await villagesWithFlags(db, scope);
  // Every appeal received in the 12 months up to the period's end counts, merged duplicates too:
  // each is a resident who came to ask.
  const manyPetitions = await villagesWithAppeals(
    db,
    scope,
    chinaDayStart(yearBefore(period.to)).toISOString(),
    new Date(chinaDayStart(period.to).getTime() + 86_400_000).toISOString(),
    settings.manyPetitionsThreshold,
  );

  // Village visits (no household): counted in the period, the latest one up to its end.
  const { cadreId } = period;
  const [inPeriod, ever] = await Promise.all([
    villageVisits(db, scope, { from: period.from, to: period.to, cadreId }),
    villageVisits(db, scope, { from: null, to: period.to, cadreId }),
  ]);
  const counts = new Map(inPeriod.map((v) => [v.village_code, Number(v.n)]));
  const last = new Map(ever.map((v) => [v.village_code, String(v.last)]));

  const out: MustGoCoverage['villages'] = [];
  for (const v of villages) {
    const reasons: MustGoReason[] = [];
    if (v.extremely_poor) reasons.push('extremely_poor');
    if (v.remote) reasons.push('remote');
    if (v.hard_to_advance) reasons.push('hard_to_advance');
    if (
      v.disaster_hit &&
      (v.disaster_from === null || v.disaster_from <= period.to) &&
      (v.disaster_to === null || v.disaster_to >= period.from)
    )
      reasons.push('disaster_hit');
    if (manyPetitions.has(v.code)) reasons.push('many_petitions');
    if (reasons.length === 0) continue;
    out.push({
      villageCode: v.code,
      villageName: v.name,
      townName: v.town_name,
      reasons,
      visits: counts.get(v.code) ?? 0,
      lastVisitDate: last.get(v.code) ?? null,
    });
  }
  const visited = out.filter((v) => v.visits > 0).length;
  return { total: out.length, visited, rate: rate(visited, out.length), villages: out };
}
