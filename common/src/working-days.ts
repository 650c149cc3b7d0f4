import { z } from 'zod';
import { chinaDate, chinaDayAfter, chinaDayStart } from './calendar';

// The working-day calendar (工作日历): China's public holidays and make-up working days (调休) as
// data per year, and the arithmetic every domain's time limit uses (department deadlines, 代办 time
// limits, 差评 follow-ups, proposal deadlines, notice periods, programme decisions).
//
// The day rule, stated once and followed by every function below:
// - All dates are China dates (UTC+8, `chinaDate`); an instant belongs to the China day it falls in.
// - The day an event happens is not counted: a period in days starts on the next day (民法典
//   art. 201; administrative practice counts 工作日 the same way).
// - "N working days from t" ends at the end (24:00 China time, i.e. the start of the next day) of
//   the N-th working day after t's day.
// - A working day is a Monday to Friday that is not a holiday, or a Saturday or Sunday the State
//   Council made a working day (调休上班).
// - A year the calendar has not loaded is counted by weekdays only (Saturday and Sunday off), and
//   reported through the calendar's `onMissingYear` hook (the server logs it and the admin's
//   calendar page warns that next year's schedule is missing): a deadline is never refused for want
//   of data, but nobody is left unaware that it may be a few days off.

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export const CalendarDate = z
  .string()
  .regex(isoDatePattern)
  .refine((d) => {
    const parsed = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(d);
  }, 'date');

/**
 * A day that is not what its weekday says: `holiday` is a day off (a weekday, or a weekend day
 * inside a public holiday's run), `workday` a Saturday or Sunday worked to make up for one (调休).
 */
export const CalendarDay = z.object({
  date: CalendarDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** The holiday it belongs to, e.g. 春节. */
  name: z.string().trim().min(1).max(40),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Minutes after midnight of an HH:MM time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** How a period in days is counted: calendar days, or working days by this calendar. */
export const periodUnits = ['calendar_days', 'working_days'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/** A unit's working hours on a working day: periods in order, none overlapping. */
export const WorkingHoursSchema = z
  .object({
    periods: z
      .array(z.object({ start: clockTime, end: clockTime }))
      .min(1)
      .max(4),
  })
  .refine(
    (h) =>
      h.periods.every(
        (p, i) =>
          minutesOf(p.start) < minutesOf(p.end) &&
          (i === 0 || minutesOf(h.periods[i - 1]?.end ?? '00:00') <= minutesOf(p.start)),
      ),
    { message: 'workingHours.order', path: ['periods'] },
  );
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

/**
 * The district's default office hours, 08:30–12:00 and 14:00–17:30 (the hours the district sets
 * for its offices); a unit whose hours differ — a summer schedule, a service station open at
 * weekends — keeps its own `WorkingHours`.
 */
export const defaultWorkingHours: WorkingHours = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
};

/** The loaded years' special days, and which years are loaded. */
export interface HolidayCalendar {
  readonly days: ReadonlyMap<string, CalendarDay>;
  readonly years: ReadonlySet<number>;
  /** Called when a computation touches a year that is not loaded (counted by weekdays only). */
  readonly onMissingYear?: (year: number) => void;
}

/** Builds a calendar from the days of the loaded years (a year may be loaded with no special day). */
export function holidayCalendar(
  days: readonly CalendarDay[],
  years: Iterable<number>,
  options: { onMissingYear?: (year: number) => void } = {},
): HolidayCalendar {
  return {
    days: new Map(days.map((d) => [d.date, d])),
    years: new Set(years),
    ...(options.onMissingYear ? { onMissingYear: options.onMissingYear } : {}),
  };
}

/** The years a computation between two dates touches that the calendar has not loaded. */
export function missingYears(cal: HolidayCalendar, from: string, to: string): number[] {
  const missing: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!cal.years.has(y)) missing.push(y);
  return missing;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

function nextDate(date: string, by = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

// Counting over many days works on day numbers (days since 1970-01-01), not date strings: a
// deadline of 15 working days is computed for every overdue candidate of a bulletin.
function epochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar's special days by day number, working or not; made once per calendar. */
const specialDays = new WeakMap<HolidayCalendar, Map<number, boolean>>();
function specialDaysOf(cal: HolidayCalendar): Map<number, boolean> {
  let specials = specialDays.get(cal);
  if (!specials) {
    specials = new Map([...cal.days.values()].map((d) => [epochDay(d.date), d.kind === 'workday']));
    specialDays.set(cal, specials);
  }
  return specials;
}

function isWorkingEpochDay(specials: Map<number, boolean>, day: number): boolean {
  const special = specials.get(day);
  if (special !== undefined) return special;
  // 1970-01-01 was a Thursday.
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}

function nextWorkingEpochDay(cal: HolidayCalendar, day: number): number {
  const specials = specialDaysOf(cal);
  for (let next = day + 1, i = 0; i < MAX_DAYS_SCANNED; i++, next++) {
    if (isWorkingEpochDay(specials, next)) return next;
  }
  throw new RangeError(`no working day within ${MAX_DAYS_SCANNED} days after ${dateOfEpochDay(day)}`);
}

/** Tells the calendar of each year between two day numbers that it has not loaded. */
function reportMissingYears(cal: HolidayCalendar, first: number, last: number): void {
  if (!cal.onMissingYear || last < first) return;
  const from = Number(dateOfEpochDay(first).slice(0, 4));
  const to = Number(dateOfEpochDay(last).slice(0, 4));
  for (let year = from; year <= to; year++) if (!cal.years.has(year)) cal.onMissingYear(year);
}

/** Whether a China date (YYYY-MM-DD, or the China day of an instant) is a working day. */
export function isWorkingDay(cal: HolidayCalendar, date: string | Date): boolean {
  const day = typeof date === 'string' ? date : chinaDate(date);
  const year = Number(day.slice(0, 4));
  if (!cal.years.has(year)) cal.onMissingYear?.(year);
  const special = cal.days.get(day);
  if (special) return special.kind === 'workday';
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

// A calendar whose every day is a holiday would never end a count: no real schedule comes close.
const MAX_DAYS_SCANNED = 3_660;

/** The first working day after `date` (a China date). */
export function nextWorkingDay(cal: HolidayCalendar, date: string): string {
  let day = nextDate(date);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = nextDate(day)) if (isWorkingDay(cal, day)) return day;
  throw new RangeError(`no working day within ${MAX_DAYS_SCANNED} days after ${date}`);
}

/**
 * The end of a period of `n` working days starting after the China day of `from`: 24:00 China time
 * of the n-th working day after that day (the day of `from` itself is not counted, whatever the
 * hour). `n = 0` answers `from`.
 */
export function addWorkingDays(cal: HolidayCalendar, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, not ${n}`);
  if (n === 0) return from;
  const start = epochDay(chinaDate(from));
  let day = start;
  for (let i = 0; i < n; i++) day = nextWorkingEpochDay(cal, day);
  reportMissingYears(cal, start + 1, day);
  return chinaDayAfter(dateOfEpochDay(day));
}

/**
 * The working days after the China day of `from` up to and including the China day of `to` (the
 * count `addWorkingDays` makes: `workingDaysBetween(from, addWorkingDays(from, n) - 1 ms) = n`).
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(cal: HolidayCalendar, from: Date, to: Date): number {
  const start = chinaDate(from);
  const end = chinaDate(to);
  if (end < start) return -workingDaysBetween(cal, to, from);
  const first = epochDay(start) + 1;
  const last = epochDay(end);
  const specials = specialDaysOf(cal);
  let count = 0;
  for (let day = first; day <= last; day++) if (isWorkingEpochDay(specials, day)) count++;
  reportMissingYears(cal, first, last);
  return count;
}

/**
 * Whether an instant is inside working hours on a working day. A period includes its start and
 * excludes its end: with 08:30–12:00, 08:30 is working time and 12:00 is not.
 */
export function isWorkingTime(cal: HolidayCalendar, hours: WorkingHours, at: Date): boolean {
  if (!isWorkingDay(cal, at)) return false;
  const ms = (((at.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return hours.periods.some((p) => ms >= minutesOf(p.start) * 60_000 && ms < minutesOf(p.end) * 60_000);
}

/** A working period as instants: [start, end). */
interface Span {
  start: Date;
  end: Date;
}

function spansOf(date: string, hours: WorkingHours): Span[] {
  const dayStart = chinaDayStart(date).getTime();
  return hours.periods.map((p) => ({
    start: new Date(dayStart + minutesOf(p.start) * 60_000),
    end: new Date(dayStart + minutesOf(p.end) * 60_000),
  }));
}

/** The working period that contains `at`, or else the next one to begin after it. */
function spanFrom(cal: HolidayCalendar, hours: WorkingHours, at: Date): Span {
  let day = chinaDate(at);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = nextDate(day)) {
    if (!isWorkingDay(cal, day)) continue;
    const span = spansOf(day, hours).find((s) => at < s.end);
    if (span) return span;
  }
  throw new RangeError(`no working time within ${MAX_DAYS_SCANNED} days after ${at.toISOString()}`);
}

/** `at` when it is working time, or else the moment working time next begins. */
export function nextWorkingTime(cal: HolidayCalendar, hours: WorkingHours, at: Date): Date {
  const span = spanFrom(cal, hours, at);
  return span.start > at ? span.start : at;
}

/**
 * The instant when `n` hours of working time (fractions allowed) have passed after `from`: the
 * clock runs only inside the working periods of working days. A limit that uses up a period
 * exactly ends at that period's end (17:30), not at the next one's start.
 */
export function addWorkingHours(cal: HolidayCalendar, hours: WorkingHours, from: Date, n: number): Date {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`working hours must be ≥ 0, not ${n}`);
  let remaining = Math.round(n * 3_600_000);
  let at = from;
  if (remaining === 0) return from;
  for (;;) {
    const span = spanFrom(cal, hours, at);
    const start = Math.max(span.start.getTime(), at.getTime());
    const available = span.end.getTime() - start;
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
    at = span.end;
  }
}
