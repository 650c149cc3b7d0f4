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
import { withTransaction } from '../../../platform/request-context';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { childAreas, findArea } from '../../areas';
import {
  appealCounts,
  countedAppeals,
  countedCategories,
  type Grain,
  householdsByChild,
  leftPriorityByChild,
  pairedVisitedByChild,
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

async function compute(
  db: Db,
  area: Area,
  query: { from: string; to: string },
  clock: Clock,
): Promise<Dashboard> {
  const scope: AreaScope = scopeOf(area);
  const digits = childDigits(area.kind);
  const fromTs = chinaDayStart(query.from).toISOString();
  const toTs = dayAfter(query.to).toISOString();
  const children =
    area.kind === 'district' || area.kind === 'town'
      ? await childAreas(db, scope, area.code)
      : [{ code: area.code, name: area.name }];
  const [appeals, households, paired, left] = await Promise.all([
    appealsFor(db, area, scope, digits, query),
    householdsByChild(db, scope, digits),
    pairedVisitedByChild(
      db,
      scope,
      digits,
      query.from,
      query.to,
      children.map((c) => c.code),
    ),
    leftPriorityByChild(db, scope, digits, fromTs, toTs),
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
  for (const { child, month: _, ...values } of appeals.rows) add(child, values);
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
  db: Kysely<DB>,
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
  await refreshDashboardCounts(db);
  const computed = await compute(db, { code: area.code, name: area.name, kind: area.kind }, query, ctx.clock);
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
