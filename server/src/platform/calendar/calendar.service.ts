import {
  type CalendarDay,
  type CalendarWarning,
  type CalendarYear,
  type CalendarYearsListResponse,
  type CalendarYearsPutBody,
  chinaDayStart,
  chinaYear,
  type HolidayCalendar,
  holidayCalendar,
  missingYears,
  workingDaysBetween,
} from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import { recordAudit } from '../audit/audit.service';
import { AppError } from '../errors';
import type { RequestContext } from '../request-context';
import {
  calendarStamp,
  claimYear,
  findYear,
  listYears,
  loadedYears,
  readDays,
  replaceYear,
} from './calendar.repository';
import { SHIPPED_YEARS, type ShippedYear } from './holidays.data';

// Years a computation can plausibly ask about; anything else is a bad input, not a missing schedule.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** The calendar of the loaded years from `fromYear` to `toYear` (a year not loaded counts by weekdays). */
export async function loadHolidayCalendar(
  db: Db,
  fromYear: number,
  toYear: number,
  options: { onMissingYear?: (year: number) => void } = {},
): Promise<HolidayCalendar> {
  const [days, years] = await Promise.all([
    readDays(db, fromYear, toYear),
    loadedYears(db, fromYear, toYear),
  ]);
  return holidayCalendar(days, years, options);
}

interface CacheEntry {
  calendar: HolidayCalendar;
  stamp: string;
  checkedAt: number;
}

// One calendar per database, read once and kept: every deadline of every domain reads it. An edit
// on this instance drops it at once; an edit on another instance (several servers on one
// PostgreSQL) is seen within RECHECK_MS, when a cheap stamp of the years table is compared.
const RECHECK_MS = 30_000;
const cache = new WeakMap<object, CacheEntry>();
const missingAsked = new WeakMap<object, Set<number>>();

function askedOf(db: object): Set<number> {
  let asked = missingAsked.get(db);
  if (!asked) {
    asked = new Set();
    missingAsked.set(db, asked);
  }
  return asked;
}

/**
 * The working calendar every domain computes with (cached; see above). A computation that needs a
 * year the calendar does not have counts it by weekdays and the year is remembered, so the
 * calendar page warns the district admin that deadlines in it may be off. Pass the application's
 * database (`ctx.db`), not a transaction: the cache is kept per database object.
 */
export async function workingCalendar(
  db: Kysely<DB>,
  options: { maxAgeMs?: number } = {},
): Promise<HolidayCalendar> {
  const now = Date.now();
  const cached = cache.get(db);
  if (cached && now - cached.checkedAt < (options.maxAgeMs ?? RECHECK_MS)) return cached.calendar;
  const stamp = await calendarStamp(db);
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.calendar;
  }
  const asked = askedOf(db);
  const calendar = await loadHolidayCalendar(db, FIRST_YEAR, LAST_YEAR, {
    onMissingYear: (year) => {
      if (year >= FIRST_YEAR && year <= LAST_YEAR) asked.add(year);
    },
  });
  cache.set(db, { calendar, stamp, checkedAt: now });
  return calendar;
}

/** The working calendar of an application or request context. */
export function calendarOf(ctx: { db: Kysely<DB> }): Promise<HolidayCalendar> {
  return workingCalendar(ctx.db);
}

/** Drops the cached calendar of a database, after an edit. */
export function forgetCalendar(db: object): void {
  cache.delete(db);
}

/**
 * The loaded years and what the admin must see to: this year or next year missing or provisional,
 * and any other year a deadline needed that is not loaded.
 */
export async function yearsOverview(db: Kysely<DB>, now: Date): Promise<CalendarYearsListResponse> {
  const items = await listYears(db);
  const byYear = new Map(items.map((i) => [i.year, i]));
  const thisYear = chinaYear(now);
  const watched = new Set([thisYear, thisYear + 1, ...askedOf(db)]);
  const warnings: CalendarWarning[] = [];
  for (const year of [...watched].sort((a, b) => a - b)) {
    const item = byYear.get(year);
    if (!item) warnings.push({ year, problem: 'missing' });
    else if (item.provisional && year <= thisYear + 1) warnings.push({ year, problem: 'provisional' });
  }
  return { items, warnings };
}

/** A year's special days; a year not loaded answers with no days. */
export async function yearOf(db: Db, year: number): Promise<CalendarYear> {
  const found = await findYear(db, year);
  if (!found) {
    return {
      year,
      loaded: false,
      source: null,
      provisional: false,
      updatedAt: null,
      updatedBy: null,
      days: [],
    };
  }
  return { ...found, loaded: true, days: await readDays(db, year, year) };
}

const byDate = (days: readonly CalendarDay[]) => [...days].sort((a, b) => (a.date < b.date ? -1 : 1));

/**
 * Replaces a year's holidays and make-up working days with what the admin entered (from the State
 * Council's notice): the year becomes `edited`, never overwritten by a shipped schedule again.
 */
export async function saveYear(
  db: Db,
  ctx: Pick<RequestContext, 'caller' | 'actor' | 'clock'>,
  year: number,
  body: CalendarYearsPutBody,
): Promise<void> {
  const outside = body.days
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => !d.date.startsWith(`${year}-`))
    .map(({ i }) => ({ path: `body.days.${i}.date`, message: 'calendar.outsideYear' }));
  if (outside.length > 0) throw new AppError('VALIDATION_FAILED', {}, outside);
  const before = await yearOf(db, year);
  const days = byDate(body.days);
  const provisional = body.provisional ?? false;
  await replaceYear(db, {
    year,
    source: 'edited',
    provisional,
    updatedBy: ctx.caller.id,
    updatedAt: ctx.clock.now().toISOString(),
    days,
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'calendar.update',
    objectType: 'calendar_year',
    objectId: String(year),
    before: before.loaded ? { provisional: before.provisional, days: before.days } : null,
    after: { provisional, days },
  });
}

function sameDays(a: readonly CalendarDay[], b: readonly CalendarDay[]): boolean {
  return JSON.stringify(byDate(a)) === JSON.stringify(byDate(b));
}

/**
 * Loads the shipped schedule of every year the database does not have. A year already there is
 * left alone, with one exception: a provisional year still as shipped is replaced when this
 * release ships the confirmed schedule. Run in one transaction at start.
 */
export async function ensureShippedYears(
  db: Db,
  now: Date,
  shipped: readonly ShippedYear[] = SHIPPED_YEARS,
): Promise<number[]> {
  const loaded: number[] = [];
  const updatedAt = now.toISOString();
  for (const year of shipped) {
    const write = {
      year: year.year,
      source: 'shipped' as const,
      provisional: year.provisional,
      updatedBy: null,
      updatedAt,
    };
    if (await claimYear(db, write)) {
      await replaceYear(db, { ...write, days: byDate(year.days) });
      loaded.push(year.year);
      continue;
    }
    const existing = await findYear(db, year.year);
    if (existing?.source !== 'shipped' || !existing.provisional || year.provisional) continue;
    if (sameDays(await readDays(db, year.year, year.year), year.days)) continue;
    await replaceYear(db, { ...write, days: byDate(year.days) });
    loaded.push(year.year);
  }
  return loaded;
}

/** Working days after `from` up to and including `to` (China dates), and the years missing for it. */
export async function countWorkingDays(db: Kysely<DB>, from: string, to: string) {
  const calendar = await workingCalendar(db);
  return {
    from,
    to,
    workingDays: workingDaysBetween(calendar, chinaDayStart(from), chinaDayStart(to)),
    missingYears: missingYears(calendar, from, to),
  };
}
