import {
  addWorkingDays,
  chinaDate,
  chinaDayAfter,
  type HolidayCalendar,
  type NoticePeriodUnit,
  type NoticeStatus,
} from '@lianxin/common';

// A notice's period, by the working-day calendar's day rule (common/src/working-days.ts): the day
// the period starts is not counted, and a period of N days ends at 24:00 China time of the N-th
// day after it — a calendar day or a working day as the notice says. Published on Monday 7
// December for 7 calendar days, it is open until Monday 14 December 24:00.

/** When a period of `days` starting at `start` ends: the first instant it is over. */
export function periodEnd(
  calendar: HolidayCalendar,
  start: Date,
  days: number,
  unit: NoticePeriodUnit,
): Date {
  if (unit === 'working_days') return addWorkingDays(calendar, start, days);
  const first = Date.parse(`${chinaDate(start)}T00:00:00Z`);
  const last = new Date(first + days * 86_400_000).toISOString().slice(0, 10);
  return chinaDayAfter(last);
}

/** Whether comments and objections are taken at `now`: published, and `starts_at ≤ now < ends_at`. */
export function isPeriodOpen(
  notice: { status: NoticeStatus; starts_at: string | null; ends_at: string | null },
  now: Date,
): boolean {
  if (notice.status !== 'published' || notice.starts_at === null || notice.ends_at === null) return false;
  const at = now.getTime();
  return Date.parse(notice.starts_at) <= at && at < Date.parse(notice.ends_at);
}

/** Whether the period is over at `now` (a notice can be closed only then). */
export function isPeriodOver(notice: { ends_at: string | null }, now: Date): boolean {
  return notice.ends_at !== null && now.getTime() >= Date.parse(notice.ends_at);
}
