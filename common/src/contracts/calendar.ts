import { z } from 'zod';
import { defineContract } from '../contract';
import { CalendarDate, CalendarDay } from '../working-days';

export const CALENDAR_YEAR_SOURCES = ['shipped', 'edited'] as const;
export type CalendarYearSource = (typeof CALENDAR_YEAR_SOURCES)[number];

export const CalendarYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2099) });

/** A loaded year at a glance. */
export const CalendarYearSummary = z.object({
  year: z.number().int(),
  /** Shipped with the release, or edited by the district admin since. */
  source: z.enum(CALENDAR_YEAR_SOURCES),
  /** Worked out from the statutory holidays, not yet checked against the State Council's notice. */
  provisional: z.boolean(),
  holidays: z.number().int(),
  workdays: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type CalendarYearSummary = z.infer<typeof CalendarYearSummary>;

/** What the admin must look at: this or next year missing, or only provisional. */
export const CalendarWarning = z.object({
  year: z.number().int(),
  problem: z.enum(['missing', 'provisional']),
});
export type CalendarWarning = z.infer<typeof CalendarWarning>;

export const CalendarYearsListResponse = z.object({
  items: z.array(CalendarYearSummary),
  warnings: z.array(CalendarWarning),
});
export type CalendarYearsListResponse = z.infer<typeof CalendarYearsListResponse>;

/** A year's special days; a year not loaded answers `loaded: false` with no days (counted by weekdays). */
export const CalendarYear = z.object({
  year: z.number().int(),
  loaded: z.boolean(),
  source: z.enum(CALENDAR_YEAR_SOURCES).nullable(),
  provisional: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * A year's holidays and make-up working days, replacing what it had. Each date once; a make-up
 * working day is a Saturday or Sunday (a weekday is a working day already). That every date is
 * inside the year is checked against the path's year.
 */
export const CalendarYearsPutBody = z.strictObject({
  days: z
    .array(CalendarDay)
    .max(120)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((day, i) => {
        if (seen.has(day.date))
          ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'calendar.duplicate' });
        seen.add(day.date);
        if (day.kind === 'workday' && !isWeekend(day.date))
          ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'calendar.workdayOnWeekday' });
      });
    }),
  /** Still to be checked against the State Council's notice. */
  provisional: z.boolean().default(false),
});
export type CalendarYearsPutBody = z.input<typeof CalendarYearsPutBody>;

/** Working days after `from` up to and including `to` (the day rule of `working-days.ts`). */
export const CalendarWorkingDaysQuery = z
  .strictObject({ from: CalendarDate, to: CalendarDate })
  .refine((q) => q.from <= q.to, { message: 'period', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3_660 * 86_400_000, {
    message: 'period',
    path: ['to'],
  });
export type CalendarWorkingDaysQuery = z.infer<typeof CalendarWorkingDaysQuery>;

export const CalendarWorkingDaysResponse = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.number().int(),
  /** Years of the period the calendar does not have: counted by weekdays only. */
  missingYears: z.array(z.number().int()),
});
export type CalendarWorkingDaysResponse = z.infer<typeof CalendarWorkingDaysResponse>;

/** `/calendar`: the working-day calendar (工作日历) — public holidays and make-up working days per year. */
export const calendarApi = {
  listYears: defineContract({
    method: 'GET',
    path: '/calendar/years',
    tag: 'calendar',
    summary: 'The loaded years, with a warning when this or next year is missing or provisional',
    response: CalendarYearsListResponse,
  }),
  getYear: defineContract({
    method: 'GET',
    path: '/calendar/years/:year',
    tag: 'calendar',
    params: CalendarYearParams,
    response: CalendarYear,
  }),
  putYear: defineContract({
    method: 'PUT',
    path: '/calendar/years/:year',
    tag: 'calendar',
    summary: "Replace a year's holidays and make-up working days (as the State Council's notice says)",
    params: CalendarYearParams,
    body: CalendarYearsPutBody,
    response: CalendarYear,
  }),
  workingDays: defineContract({
    method: 'GET',
    path: '/calendar/working-days',
    tag: 'calendar',
    summary: 'Working days after one date up to and including another',
    query: CalendarWorkingDaysQuery,
    response: CalendarWorkingDaysResponse,
  }),
};
