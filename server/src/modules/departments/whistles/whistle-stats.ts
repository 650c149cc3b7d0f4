import type { WhistleUnitStats } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { unitResponses } from './whistles.repository';

const MINUTE = 60_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? middle : Math.round(((sorted[mid - 1] ?? middle) + middle) / 2);
}

/**
 * Each department's whistle record over the whistles blown in [from, to): how many named it, how
 * many it reported on, how many late (reported after the deadline, or still unreported past it at
 * `now`), and the median minutes to report — for the departments' statistics and assessment.
 */
export async function whistleResponseStats(
  db: Db,
  period: { from: Date; to: Date; now: Date; unitIds?: readonly string[] },
): Promise<WhistleUnitStats[]> {
  const rows = await unitResponses(
    db,
    period.from.toISOString(),
    period.to.toISOString(),
    period.unitIds ?? null,
  );
  const byUnit = new Map<string, { named: number; late: number; minutes: number[] }>();
  for (const row of rows) {
    const stats = byUnit.get(row.unit_id) ?? { named: 0, late: 0, minutes: [] };
    stats.named += 1;
    const overdue = row.reported_at === null && Date.parse(row.due_at) < period.now.getTime();
    if (row.late || overdue) stats.late += 1;
    if (row.reported_at !== null) {
      stats.minutes.push(Math.round((Date.parse(row.reported_at) - Date.parse(row.raised_at)) / MINUTE));
    }
    byUnit.set(row.unit_id, stats);
  }
  return [...byUnit.entries()]
    .map(([unitId, s]) => ({
      unitId,
      named: s.named,
      reported: s.minutes.length,
      late: s.late,
      medianResponseMinutes: median(s.minutes),
    }))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
}
