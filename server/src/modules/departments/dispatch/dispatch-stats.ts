import {
  activeDispatchStatuses,
  chinaDayStart,
  type DepartmentDispatchStats,
  type DispatchStatsQuery,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { RequestContext } from '../../../platform/request-context';
import { whistleResponseStats } from '../whistles/whistle-stats';
import { dispatchesForStats } from './dispatch.repository';

type Row = Awaited<ReturnType<typeof dispatchesForStats>>[number];
const DAY = 86_400_000;
const ratio = (n: number, of: number) => (of === 0 ? null : n / of);
const satisfiedRatings: readonly (string | null)[] = ['satisfied', 'basically_satisfied'];

/** When the unit finished its part: the lead when the appeal was resolved, a co-unit when it gave its part. */
function finishedAt(row: Row): string | null {
  if (row.status !== 'done') return null;
  return row.role === 'lead' ? row.resolved_at : row.part_at;
}

function tally(rows: Row[], nowIso: string) {
  const s = {
    dispatched: 0,
    responded: 0,
    returned: 0,
    leads: 0,
    resolved: 0,
    resolvedOnTime: 0,
    overdue: 0,
    supervised: 0,
    rated: 0,
    satisfied: 0,
  };
  for (const row of rows) {
    s.dispatched += 1;
    const answered = row.accepted_at ?? row.returned_at ?? row.part_at;
    if (answered !== null && answered <= row.returnable_until) s.responded += 1;
    if (row.returned_at !== null) s.returned += 1;
    if (row.supervised_at !== null) s.supervised += 1;
    const finished = finishedAt(row);
    const active = activeDispatchStatuses.includes(row.status);
    if ((active && row.due_at < nowIso) || (finished !== null && finished > row.due_at)) s.overdue += 1;
    if (row.role === 'lead' && row.status !== 'redispatched') {
      s.leads += 1;
      if (row.status === 'done') {
        s.resolved += 1;
        if (finished !== null && finished <= row.due_at) s.resolvedOnTime += 1;
      }
    }
    // The resident's rating counts for the lead, and for a co-unit whose part was decisive.
    const counts =
      (row.role === 'lead' && row.status === 'done') ||
      (row.role === 'co' && row.decisive && row.status === 'done');
    if (counts && row.rating !== null) {
      s.rated += 1;
      if (satisfiedRatings.includes(row.rating)) s.satisfied += 1;
    }
  }
  return s;
}

/**
 * Each department's figures over the dispatches made in the period (China days, both included),
 * best first: satisfaction, then resolution, then response. A department's own staff see their row.
 */
export async function departmentStats(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock'>,
  query: DispatchStatsQuery,
): Promise<DepartmentDispatchStats[]> {
  const from = chinaDayStart(query.from);
  const to = new Date(chinaDayStart(query.to).getTime() + DAY);
  const now = ctx.clock.now();
  const rows = await dispatchesForStats(db, ctx.scope, from.toISOString(), to.toISOString());
  const byUnit = new Map<string, Row[]>();
  for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row]);
  const whistles = new Map(
    (await whistleResponseStats(db, { from, to, now, unitIds: [...byUnit.keys()] })).map((w) => [
      w.unitId,
      w,
    ]),
  );
  const items = [...byUnit.entries()].map(([unitId, unitRows]): DepartmentDispatchStats => {
    const s = tally(unitRows, now.toISOString());
    const w = whistles.get(unitId);
    return {
      unit: { id: unitId, name: unitRows[0]?.unit_name ?? '' },
      ...s,
      responseRate: ratio(s.responded, s.dispatched),
      resolutionRate: ratio(s.resolved, s.leads),
      onTimeRate: ratio(s.resolvedOnTime, s.resolved),
      satisfactionRate: ratio(s.satisfied, s.rated),
      whistles: {
        named: w?.named ?? 0,
        reported: w?.reported ?? 0,
        late: w?.late ?? 0,
        medianResponseMinutes: w?.medianResponseMinutes ?? null,
      },
    };
  });
  const key = (r: number | null) => r ?? -1;
  return items.sort(
    (a, b) =>
      key(b.satisfactionRate) - key(a.satisfactionRate) ||
      key(b.resolutionRate) - key(a.resolutionRate) ||
      key(b.responseRate) - key(a.responseRate) ||
      a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
  );
}
