import {
  chinaDate,
  type DisclosureCategory,
  type DisclosureScheduleItem,
  type DisclosureSettings,
  disclosureDueAt,
  type FinanceCadence,
  nextPeriod,
  periodStart,
} from '@lianxin/common';

// A village's schedule laid out from the law's rhythm (村民委员会组织法 art. 30): general affairs
// each quarter, finances each month (or quarter), each period due by the settings' day of the
// month after it. Pure: the schedule, the late list, the to-do and the indicator all read it.

export interface VillageSchedule {
  cadence: FinanceCadence;
  /** The first China day the schedule counts from; null: every period. */
  startsOn: string | null;
}

export interface Published {
  id: string;
  category: DisclosureCategory;
  period: string;
  published_at: string;
}

/** The scheduled periods of a year that have begun by `now` (and end after the schedule's start). */
function periodsOf(year: number, shape: 'month' | 'quarter', schedule: VillageSchedule, now: Date): string[] {
  const today = chinaDate(now);
  const periods: string[] = [];
  let period = shape === 'month' ? `${year}-01` : `${year}-Q1`;
  while (period.startsWith(`${year}`) && periodStart(period) <= today) {
    const endsAfterStart = schedule.startsOn === null || periodStart(nextPeriod(period)) > schedule.startsOn;
    if (endsAfterStart) periods.push(period);
    period = nextPeriod(period);
  }
  return periods;
}

/**
 * Each scheduled period of `year` for a village, in order (general affairs, then finances): its
 * due instant and its state at `now`, against what the village published (the first disclosure of
 * a period counts).
 */
export function scheduleItems(
  year: number,
  schedule: VillageSchedule,
  settings: DisclosureSettings,
  published: readonly Published[],
  now: Date,
): DisclosureScheduleItem[] {
  const lines: { category: DisclosureCategory; period: string }[] = [
    ...periodsOf(year, 'quarter', schedule, now).map((period) => ({ category: 'general' as const, period })),
    ...periodsOf(year, schedule.cadence === 'monthly' ? 'month' : 'quarter', schedule, now).map((period) => ({
      category: 'finance' as const,
      period,
    })),
  ];
  return lines.map(({ category, period }): DisclosureScheduleItem => {
    const due = disclosureDueAt(period, settings);
    const first = published
      .filter((p) => p.category === category && p.period === period)
      .sort((a, b) => a.published_at.localeCompare(b.published_at))[0];
    const base = { category, period, dueAt: due.toISOString() };
    if (first) {
      const onTime = Date.parse(first.published_at) < due.getTime();
      return {
        ...base,
        state: onTime ? 'on_time' : 'published_late',
        disclosureId: first.id,
        publishedAt: first.published_at,
      };
    }
    const ended = chinaDate(now) >= periodStart(nextPeriod(period));
    const state = now.getTime() >= due.getTime() ? 'overdue' : ended ? 'due' : 'open';
    return { ...base, state, disclosureId: null, publishedAt: null };
  });
}

/** Whole days from a due instant to `now`. */
export function daysLate(dueAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / 86_400_000));
}
