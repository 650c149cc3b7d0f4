import { type AreaIndicators, chinaDayStart, type Dashboard, type DashboardQuery } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { type AreaScope, scopeOf } from '../../platform/scope';
import { findArea } from '../areas/areas.repository';
import {
  appealCounts,
  householdsByChild,
  leftPriorityByChild,
  pairedVisitedByChild,
} from './dashboard.repository';

const DAY = 86_400_000;
/** How long a computed dashboard is served again; a change made through this instance clears it at once. */
const CACHE_MS = 60_000;

function ratio(numerator: number, denominator: number) {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Digits of an area code that name the children a dashboard breaks an area into. */
function childDigits(kind: 'district' | 'town' | 'village' | 'group'): number {
  if (kind === 'district') return 9;
  if (kind === 'town') return 12;
  return kind === 'village' ? 12 : 15;
}

interface Counts {
  received: number;
  responded: number;
  resolved: number;
  onTime: number;
  rated: number;
  satisfied: number;
  atVillage: number;
  atTown: number;
  toDistrict: number;
  toTown: number;
  households: number;
  stable: number;
  watch: number;
  priority: number;
  priorityPaired: number;
  paired: number;
  visited: number;
  leftPriority: number;
}

const zero = (): Counts => ({
  received: 0,
  responded: 0,
  resolved: 0,
  onTime: 0,
  rated: 0,
  satisfied: 0,
  atVillage: 0,
  atTown: 0,
  toDistrict: 0,
  toTown: 0,
  households: 0,
  stable: 0,
  watch: 0,
  priority: 0,
  priorityPaired: 0,
  paired: 0,
  visited: 0,
  leftPriority: 0,
});

function indicators(areaCode: string, areaName: string, c: Counts): AreaIndicators {
  return {
    areaCode,
    areaName,
    received: c.received,
    responseRate: ratio(c.responded, c.received),
    resolutionRate: ratio(c.resolved, c.received),
    satisfactionRate: ratio(c.satisfied, c.rated),
    onTimeRate: ratio(c.onTime, c.resolved),
    villageShare: ratio(c.atVillage, c.resolved),
    townShare: ratio(c.atTown, c.resolved),
    districtShare: ratio(c.toDistrict, c.received),
    pairingFill: ratio(c.priorityPaired, c.priority),
    visitedPaired: ratio(c.visited, c.paired),
    leftPriority: c.leftPriority,
    households: c.households,
    tiers: { stable: c.stable, watch: c.watch, priority: c.priority },
  };
}

/**
 * Computed dashboards, served again for a minute unless this instance has answered a write since
 * (another instance's writes show within the minute).
 */
export class DashboardCache {
  readonly #entries = new Map<string, { at: number; writes: number; dashboard: Dashboard }>();

  constructor(private readonly writes: { count: number }) {}

  get(key: string, now: number): Dashboard | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.writes !== this.writes.count || now - entry.at >= CACHE_MS || now < entry.at)
      return undefined;
    return entry.dashboard;
  }

  set(key: string, now: number, dashboard: Dashboard): void {
    if (this.#entries.size > 500) this.#entries.clear();
    this.#entries.set(key, { at: now, writes: this.writes.count, dashboard });
  }
}

async function compute(
  db: Db,
  area: { code: string; name: string; kind: 'district' | 'town' | 'village' | 'group' },
  query: { from: string; to: string },
  clock: Clock,
): Promise<Dashboard> {
  const scope: AreaScope = scopeOf(area);
  const digits = childDigits(area.kind);
  const fromTs = chinaDayStart(query.from).toISOString();
  const toTs = new Date(chinaDayStart(query.to).getTime() + DAY).toISOString();
  const children =
    area.kind === 'district' || area.kind === 'town'
      ? await db
          .selectFrom('areas')
          .select(['code', 'name'])
          .where('parent_code', '=', area.code)
          .orderBy('code')
          .execute()
      : [{ code: area.code, name: area.name }];
  const [appeals, households, paired, left] = await Promise.all([
    appealCounts(db, scope, digits, fromTs, toTs),
    householdsByChild(db, scope, digits),
    pairedVisitedByChild(db, scope, digits, query.from, query.to),
    leftPriorityByChild(db, scope, digits, fromTs, toTs),
  ]);
  const months = new Map<string, Dashboard['monthly'][number]>();
  const categories = new Map<string, number>();
  for (const a of appeals) {
    const m = months.get(a.month) ?? { month: a.month, received: 0, resolved: 0, rated: 0, satisfied: 0 };
    m.received += a.received;
    m.resolved += a.resolved;
    m.rated += a.rated;
    m.satisfied += a.satisfied;
    months.set(a.month, m);
    categories.set(a.category, (categories.get(a.category) ?? 0) + a.received);
  }
  const byChild = new Map(children.map((c) => [c.code.slice(0, digits), zero()]));
  const add = (key: string, values: Partial<Counts>) => {
    // Rows held directly by the area itself (not under a child) count in the totals only.
    const counts = byChild.get(key) ?? zero();
    for (const [k, v] of Object.entries(values)) counts[k as keyof Counts] += v as number;
    byChild.set(key, counts);
  };
  for (const { child, month: _, category: __, ...values } of appeals) add(child, values);
  for (const { child, ...values } of households) add(child, values);
  for (const { child, ...values } of paired) add(child, values);
  for (const { child, count } of left) add(child, { leftPriority: count });
  const totals = zero();
  for (const counts of byChild.values()) {
    for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += counts[k];
  }
  return {
    area,
    from: query.from,
    to: query.to,
    totals: indicators(area.code, area.name, totals),
    children: children.map((c) => indicators(c.code, c.name, byChild.get(c.code.slice(0, digits)) ?? zero())),
    monthly: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    categories: [...categories]
      .map(([code, received]) => ({ code, received }))
      .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code)),
    funnel: { received: totals.received, reachedTown: totals.toTown, reachedDistrict: totals.toDistrict },
    computedAt: clock.now().toISOString(),
  };
}

/** The dashboard of the caller's area, or of an area inside it, for a period. */
export async function dashboard(
  db: Db,
  ctx: { scope: AreaScope; clock: Clock },
  query: DashboardQuery,
  cache: DashboardCache,
): Promise<Dashboard> {
  if (query.from > query.to)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'querystring.to', message: 'period' }]);
  const area = await findArea(db, ctx.scope, query.areaCode ?? ctx.scope.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: query.areaCode ?? '' });
  const key = `${area.code}|${query.from}|${query.to}`;
  const now = ctx.clock.now().getTime();
  const cached = cache.get(key, now);
  if (cached) return cached;
  const computed = await compute(db, { code: area.code, name: area.name, kind: area.kind }, query, ctx.clock);
  cache.set(key, now, computed);
  return computed;
}
