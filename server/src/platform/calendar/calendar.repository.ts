import type { CalendarDay, CalendarYearSource } from '@lianxin/common';
import type { Db } from '../../db/dialect';

export interface CalendarYearRow {
  year: number;
  source: CalendarYearSource;
  provisional: boolean;
  updatedAt: string;
  updatedBy: string | null;
  holidays: number;
  workdays: number;
}

/** Every loaded year with its counts of days off and make-up days, and who last changed it. */
export async function listYears(db: Db): Promise<CalendarYearRow[]> {
  const rows = await db
    .selectFrom('calendar_years as y')
    .leftJoin('users as u', 'u.id', 'y.updated_by')
    .leftJoin('calendar_days as d', 'd.year', 'y.year')
    .select((eb) => [
      'y.year',
      'y.source',
      'y.provisional',
      'y.updated_at',
      'u.name as updated_by_name',
      eb.fn.count<string>('d.date').filterWhere('d.kind', '=', 'holiday').as('holidays'),
      eb.fn.count<string>('d.date').filterWhere('d.kind', '=', 'workday').as('workdays'),
    ])
    .groupBy(['y.year', 'y.source', 'y.provisional', 'y.updated_at', 'u.name'])
    .orderBy('y.year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    source: r.source as CalendarYearSource,
    provisional: Boolean(r.provisional),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name,
    holidays: Number(r.holidays),
    workdays: Number(r.workdays),
  }));
}

export async function findYear(
  db: Db,
  year: number,
): Promise<Omit<CalendarYearRow, 'holidays' | 'workdays'> | undefined> {
  const row = await db
    .selectFrom('calendar_years as y')
    .leftJoin('users as u', 'u.id', 'y.updated_by')
    .select(['y.year', 'y.source', 'y.provisional', 'y.updated_at', 'u.name as updated_by_name'])
    .where('y.year', '=', year)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    year: row.year,
    source: row.source as CalendarYearSource,
    provisional: Boolean(row.provisional),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
  };
}

/** The special days of the years from `fromYear` to `toYear`, in date order. */
export async function readDays(db: Db, fromYear: number, toYear: number): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarDay['kind'], name: r.name }));
}

/** The loaded years from `fromYear` to `toYear`. */
export async function loadedYears(db: Db, fromYear: number, toYear: number): Promise<number[]> {
  const rows = await db
    .selectFrom('calendar_years')
    .select('year')
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .orderBy('year')
    .execute();
  return rows.map((r) => r.year);
}

/**
 * A stamp that changes whenever any year is written: another instance's edit is seen by comparing
 * it, without reading every day again.
 */
export async function calendarStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('calendar_years')
    .select((eb) => [eb.fn.countAll<string>().as('years'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return `${row.years}/${row.latest ?? ''}`;
}

export interface YearWrite {
  year: number;
  source: CalendarYearSource;
  provisional: boolean;
  updatedBy: string | null;
  updatedAt: string;
  days: readonly CalendarDay[];
}

/** Writes a year and replaces its days. */
export async function replaceYear(db: Db, write: YearWrite): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({
      year: write.year,
      source: write.source,
      provisional: write.provisional,
      updated_by: write.updatedBy,
      updated_at: write.updatedAt,
    })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        source: write.source,
        provisional: write.provisional,
        updated_by: write.updatedBy,
        updated_at: write.updatedAt,
      }),
    )
    .execute();
  await db.deleteFrom('calendar_days').where('year', '=', write.year).execute();
  if (write.days.length > 0) {
    await db
      .insertInto('calendar_days')
      .values(write.days.map((d) => ({ date: d.date, year: write.year, kind: d.kind, name: d.name })))
      .execute();
  }
}

/**
 * Claims a year for the shipped schedule when nobody has loaded it: true when this call made the
 * row (and must write the days). Two instances starting together cannot both claim it.
 */
export async function claimYear(db: Db, write: Omit<YearWrite, 'days'>): Promise<boolean> {
  const made = await db
    .insertInto('calendar_years')
    .values({
      year: write.year,
      source: write.source,
      provisional: write.provisional,
      updated_by: write.updatedBy,
      updated_at: write.updatedAt,
    })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('year')
    .executeTakeFirst();
  return made !== undefined;
}
