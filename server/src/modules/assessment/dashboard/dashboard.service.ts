import {
  type AreaIndicators,
  chinaDate,
  chinaDayStart,
  type Dashboard,
  type DashboardQuery,
  ratio,
  shiftMonth,
} from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import {
  type AreaQuery,
  type Counted,
  countByArea,
  type IndicatorRegistration,
  type IndicatorRegistry,
  indicatorValue,
  onceMemo,
} from '../../../platform/registries/indicators';
import { withTransaction } from '../../../platform/request-context';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { childAreas, findArea } from '../../areas';
import {
  appealCounts,
  countedAppeals,
  countedCategories,
  type Grain,
  householdsByChild,
  recountNotedChanges,
} from './dashboard.repository';

/** How long a computed dashboard is served again; a change made through this instance clears it at once. */
const CACHE_MS = 60_000;

/** Digits of an area code that name the children a dashboard breaks an area into. */
function childDigits(kind: 'district' | 'town' | 'village' | 'group'): number {
  if (kind === 'district') return 9;
  if (kind === 'town') return 12;
  return kind === 'village' ? 12 : 15;
}

/** The figures of an area that are not indicators: appeals received, the funnel, households per tier. */
interface Counts {
  received: number;
  toDistrict: number;
  toTown: number;
  households: number;
  stable: number;
  watch: number;
  priority: number;
}

const zero = (): Counts => ({
  received: 0,
  toDistrict: 0,
  toTown: 0,
  households: 0,
  stable: 0,
  watch: 0,
  priority: 0,
});

/** The figures of one area: its counts, and every registered indicator's value keyed by its key. */
function indicators(
  areaCode: string,
  areaName: string,
  c: Counts,
  registered: readonly IndicatorRegistration[],
  counted: Map<string, Counted> | undefined,
): AreaIndicators {
  const values = Object.fromEntries(
    registered.map((i) => [i.key, indicatorValue(i.kind, counted?.get(i.key))]),
  );
  const rate = (key: string) => values[key] ?? ratio(0, 0);
  return {
    areaCode,
    areaName,
    received: c.received,
    responseRate: rate('responseRate'),
    resolutionRate: rate('resolutionRate'),
    satisfactionRate: rate('satisfactionRate'),
    onTimeRate: rate('onTimeRate'),
    villageShare: rate('villageShare'),
    townShare: rate('townShare'),
    districtShare: rate('districtShare'),
    pairingFill: rate('pairingFill'),
    visitedPaired: rate('visitedPaired'),
    leftPriority: rate('leftPriority').numerator,
    households: c.households,
    tiers: { stable: c.stable, watch: c.watch, priority: c.priority },
    indicators: values,
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

const DAY = 86_400_000;

/** The instant the day after a China calendar day begins. */
function dayAfter(date: string): Date {
  return new Date(chinaDayStart(date).getTime() + DAY);
}

type Area = { code: string; name: string; kind: 'district' | 'town' | 'village' | 'group' };

/** The whole China calendar months inside the days [from, to], as [first, last] YYYY-MM, or null. */
export function wholeMonths(from: string, to: string): [string, string] | null {
  const first = from.endsWith('-01') ? from.slice(0, 7) : shiftMonth(from.slice(0, 7), 1);
  const last = chinaDate(dayAfter(to)).endsWith('-01') ? to.slice(0, 7) : shiftMonth(to.slice(0, 7), -1);
  return first <= last ? [first, last] : null;
}

/**
 * Appeal counts per child area and month, and received per category, for the days [from, to].
 * A town's or the district's whole months come from the monthly counts and the days around
 * them from the daily ones; a village's from its appeals (a few hundred a year).
 */
async function appealsFor(
  db: Db,
  area: Area,
  scope: AreaScope,
  digits: number,
  query: { from: string; to: string },
) {
  if (area.kind !== 'district' && area.kind !== 'town') {
    const rows = await appealCounts(
      db,
      scope,
      digits,
      chinaDayStart(query.from).toISOString(),
      dayAfter(query.to).toISOString(),
    );
    return { rows, categories: rows.map((r) => ({ category: r.category, received: r.received })) };
  }
  const months = wholeMonths(query.from, query.to);
  const parts: [Grain, string, string][] = [];
  if (!months) parts.push(['daily', query.from, query.to]);
  else {
    parts.push(['monthly', months[0], months[1]]);
    const firstDay = `${months[0]}-01`;
    const dayAfterLast = `${shiftMonth(months[1], 1)}-01`;
    if (query.from < firstDay)
      parts.push(['daily', query.from, chinaDate(new Date(chinaDayStart(firstDay).getTime() - DAY))]);
    if (dayAfterLast <= query.to) parts.push(['daily', dayAfterLast, query.to]);
  }
  const counted = await Promise.all(
    parts.map(([grain, first, last]) =>
      Promise.all([
        countedAppeals(db, grain, scope, digits, first, last),
        countedCategories(db, grain, scope, first, last),
      ]),
    ),
  );
  return {
    rows: counted.flatMap(([rows]) => rows),
    categories: counted.flatMap(([, categories]) => categories),
  };
}

/** The appeal counts of an area's computation, read once for the dashboard and every appeal indicator. */
export function appealRows(q: AreaQuery) {
  return q.once('assessment.appeals', () =>
    appealsFor(q.db, q.area, q.scope, q.digits, { from: q.from, to: q.to }),
  );
}

/** The household counts of an area's computation, read once. */
export function householdRows(q: AreaQuery) {
  return q.once('assessment.households', () => householdsByChild(q.db, q.scope, q.digits));
}

/** The indicators counted per area: those of the dashboard and of the bulletin. */
function areaIndicators(registry: IndicatorRegistry): IndicatorRegistration[] {
  return registry.list().filter((i) => i.byArea !== undefined);
}

async function compute(
  db: Db,
  area: Area,
  query: { from: string; to: string },
  clock: Clock,
  registry: IndicatorRegistry,
): Promise<Dashboard> {
  const scope: AreaScope = scopeOf(area);
  const digits = childDigits(area.kind);
  const children =
    area.kind === 'district' || area.kind === 'town'
      ? await childAreas(db, scope, area.code)
      : [{ code: area.code, name: area.name }];
  const q: AreaQuery = {
    db,
    area,
    scope,
    digits,
    children: children.map((c) => c.code),
    from: query.from,
    to: query.to,
    clock,
    once: onceMemo(),
  };
  const registered = areaIndicators(registry);
  const [appeals, households, counted] = await Promise.all([
    appealRows(q),
    householdRows(q),
    countByArea(registered, q),
  ]);
  const months = new Map<string, Dashboard['monthly'][number]>();
  const categories = new Map<string, number>();
  for (const a of appeals.rows) {
    const m = months.get(a.month) ?? { month: a.month, received: 0, resolved: 0, rated: 0, satisfied: 0 };
    m.received += a.received;
    m.resolved += a.resolved;
    m.rated += a.rated;
    m.satisfied += a.satisfied;
    months.set(a.month, m);
  }
  for (const c of appeals.categories)
    categories.set(c.category, (categories.get(c.category) ?? 0) + c.received);
  const byChild = new Map(children.map((c) => [c.code.slice(0, digits), zero()]));
  const add = (key: string, values: Partial<Counts>) => {
    // Rows held directly by the area itself (not under a child) count in the totals only.
    const counts = byChild.get(key) ?? zero();
    for (const [k, v] of Object.entries(values)) counts[k as keyof Counts] += v as number;
    byChild.set(key, counts);
  };
  for (const { child, received, toDistrict, toTown } of appeals.rows)
    add(child, { received, toDistrict, toTown });
  for (const { child, priorityPaired: _, ...values } of households) add(child, values);
  const totals = zero();
  for (const counts of byChild.values()) {
    for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += counts[k];
  }
  return {
    area,
    from: query.from,
    to: query.to,
    totals: indicators(area.code, area.name, totals, registered, counted.totals),
    children: children.map((c) => {
      const key = c.code.slice(0, digits);
      return indicators(c.code, c.name, byChild.get(key) ?? zero(), registered, counted.byChild.get(key));
    }),
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
  db: Kysely<DB>,
  ctx: { scope: AreaScope; clock: Clock },
  query: DashboardQuery,
  cache: DashboardCache,
  registry: IndicatorRegistry,
): Promise<Dashboard> {
  if (query.from > query.to)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'querystring.to', message: 'period' }]);
  const area = await findArea(db, ctx.scope, query.areaCode ?? ctx.scope.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: query.areaCode ?? '' });
  const key = `${area.code}|${query.from}|${query.to}`;
  const now = ctx.clock.now().getTime();
  const cached = cache.get(key, now);
  if (cached) return cached;
  await refreshDashboardCounts(db);
  const computed = await compute(
    db,
    { code: area.code, name: area.name, kind: area.kind },
    query,
    ctx.clock,
    registry,
  );
  cache.set(key, now, computed);
  return computed;
}

/**
 * Brings the dashboards' counts up to date with every write committed so far: recounts the
 * (village, month) and area keys the triggers noted, then drops those notes, a pass per transaction.
 */
async function refreshDashboardCounts(db: Kysely<DB>): Promise<void> {
  let more = true;
  while (more) more = await withTransaction({ db }, recountNotedChanges);
}

/** Keeps the dashboards' counts recounted every few minutes, so the notes of writes stay few between reads. */
export function registerDashboardJobs(jobs: JobWorker): void {
  jobs
    .handleLong('dashboard.recount', async ({ db }) => {
      await refreshDashboardCounts(db);
    })
    .every('dashboard.recount', 5 * 60_000);
}
