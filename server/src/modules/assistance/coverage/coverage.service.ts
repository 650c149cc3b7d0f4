import type { AreaKind, AssistanceSettings, MustVisitCoverage, mustVisitGroups } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError } from '../../../platform/errors';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { findArea } from '../../areas';
import { assistanceSettings } from '../settings/settings.service';
import { childAreasOf, householdNames, mustVisitRows } from './coverage.repository';

// Coverage of the two standing duties: 五必访 (must-visit households) and 五必去 (must-go villages).
// Both are derived from the registry and the visits at the time of asking; nothing is stored.

export type MustVisitGroup = (typeof mustVisitGroups)[number];

export interface CoveragePeriod {
  areaCode?: string | undefined;
  /** Only visits this cadre took part in count. */
  cadreId?: string | undefined;
  /** Calendar dates, both included. */
  from: string;
  to: string;
}

export interface CoverageArea {
  scope: AreaScope;
  name: string;
}

/** The area a report covers: the caller's own, or the one asked for if it lies inside it. */
export async function coverageArea(db: Db, scope: AreaScope, areaCode: string | undefined) {
  const area = await findArea(db, scope, areaCode ?? scope.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: areaCode ?? scope.areaCode });
  return { scope: scopeOf(area), name: area.name };
}

// ---- 五必访 --------------------------------------------------------------------------------

/** A must-visit household, the groups it is in and whether it was visited in the period. */
export interface MustVisitFact {
  id: string;
  areaCode: string;
  villageCode: string;
  number: string;
  groups: MustVisitGroup[];
  visited: boolean;
}

/**
 * Every must-visit household in `scope` with its groups and whether a visit (by the cadre, when
 * one is named) reached it within the period. Veteran party members are those who joined at
 * least `veteranPartyYears` before the period's year.
 */
export async function mustVisitFacts(
  db: Db,
  scope: AreaScope,
  period: CoveragePeriod,
  settings: Pick<AssistanceSettings, 'veteranPartyYears'>,
): Promise<MustVisitFact[]> {
  const joinedBy = Number(period.to.slice(0, 4)) - settings.veteranPartyYears;
  const rows = await mustVisitRows(db, scope, period, joinedBy);
  const facts: MustVisitFact[] = [];
  for (const r of rows) {
    const groups: MustVisitGroup[] = [];
    if (Number(r.poor)) groups.push('poor');
    if (Number(r.wubao)) groups.push('wubao');
    if (Number(r.veteran)) groups.push('veteran_party');
    if (Number(r.deputies)) groups.push('deputies');
    if (Number(r.cadres)) groups.push('cadres');
    // A member picked for a public role no rule names (none today) makes no must-visit.
    if (groups.length === 0) continue;
    facts.push({
      id: r.id,
      areaCode: r.area_code,
      villageCode: r.village_code,
      number: r.number,
      groups,
      visited: Number(r.visited) === 1,
    });
  }
  return facts;
}

/** The child of `kind` a household of a village (and maybe a group) counts under. */
function childOf(kind: AreaKind, fact: Pick<MustVisitFact, 'areaCode' | 'villageCode'>): string {
  if (kind === 'district') return `${fact.villageCode.slice(0, 9)}000`;
  if (kind === 'town') return fact.villageCode;
  return fact.areaCode;
}

/** The rows of a report by area: one per child area of the scope, or the area itself for a group. */
async function childAreas(db: Db, area: CoverageArea): Promise<{ code: string; name: string }[]> {
  if (area.scope.kind === 'group') return [{ code: area.scope.areaCode, name: area.name }];
  return childAreasOf(db, area.scope.areaCode);
}

export const rate = (visited: number, total: number) => (total === 0 ? null : visited / total);

/** Households in `facts` not visited, in registry order (area, then number). */
export function unvisited(facts: MustVisitFact[]): MustVisitFact[] {
  return facts
    .filter((f) => !f.visited)
    .sort((a, b) =>
      a.areaCode === b.areaCode
        ? a.number < b.number
          ? -1
          : a.number > b.number
            ? 1
            : 0
        : a.areaCode < b.areaCode
          ? -1
          : 1,
    );
}

/** Head names and village names of some households, for the list of those not visited. */
export async function missingDetails(db: Db, facts: MustVisitFact[]): Promise<MustVisitCoverage['missing']> {
  if (facts.length === 0) return [];
  const rows = await householdNames(
    db,
    facts.map((f) => f.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return facts.map((f) => ({
    householdId: f.id,
    number: f.number,
    headName: byId.get(f.id)?.head_name ?? null,
    villageName: byId.get(f.id)?.village_name ?? '',
    groups: f.groups,
  }));
}

/** The figures of a must-visit report from its facts; `missing` is left to the caller. */
export async function summarizeMustVisit(
  db: Db,
  area: CoverageArea,
  facts: MustVisitFact[],
): Promise<Omit<MustVisitCoverage, 'missing'>> {
  const groupTotals = new Map<MustVisitGroup, { total: number; visited: number }>(
    (['poor', 'wubao', 'veteran_party', 'deputies', 'cadres'] as const).map((g) => [
      g,
      { total: 0, visited: 0 },
    ]),
  );
  const areaTotals = new Map<string, { total: number; visited: number }>();
  let visited = 0;
  for (const fact of facts) {
    if (fact.visited) visited++;
    for (const group of fact.groups) {
      const g = groupTotals.get(group);
      if (g) {
        g.total++;
        if (fact.visited) g.visited++;
      }
    }
    const child = childOf(area.scope.kind, fact);
    const a = areaTotals.get(child) ?? { total: 0, visited: 0 };
    a.total++;
    if (fact.visited) a.visited++;
    areaTotals.set(child, a);
  }
  const children = await childAreas(db, area);
  const known = new Set(children.map((c) => c.code));
  // Households held by a village directly, outside its groups, get a row of their own.
  if (areaTotals.has(area.scope.areaCode) && !known.has(area.scope.areaCode)) {
    children.push({ code: area.scope.areaCode, name: area.name });
  }
  return {
    total: facts.length,
    visited,
    rate: rate(visited, facts.length),
    byGroup: [...groupTotals].map(([group, g]) => ({ group, total: g.total, visited: g.visited })),
    byArea: children.map((c) => {
      const a = areaTotals.get(c.code) ?? { total: 0, visited: 0 };
      return {
        areaCode: c.code,
        areaName: c.name,
        total: a.total,
        visited: a.visited,
        rate: rate(a.visited, a.total),
      };
    }),
  };
}

/** 五必访: how many of the must-visit households in the area were visited in the period. */
export async function mustVisitCoverage(
  db: Db,
  callerScope: AreaScope,
  period: CoveragePeriod,
): Promise<MustVisitCoverage> {
  const area = await coverageArea(db, callerScope, period.areaCode);
  const settings = await assistanceSettings(db);
  const facts = await mustVisitFacts(db, area.scope, period, settings);
  const summary = await summarizeMustVisit(db, area, facts);
  return { ...summary, missing: await missingDetails(db, unvisited(facts).slice(0, 500)) };
}
