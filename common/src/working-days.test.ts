import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  type CalendarDay,
  defaultWorkingHours,
  holidayCalendar,
  isWorkingDay,
  isWorkingTime,
  missingYears,
  nextWorkingTime,
  WorkingHoursSchema,
  workingDaysBetween,
} from './working-days';

// A China-time instant written as the district reads it.
const at = (local: string) => new Date(`${local}+08:00`);

function run(from: string, to: string, kind: CalendarDay['kind'], name: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (
    let d = from;
    d <= to;
    d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  )
    days.push({ date: d, kind, name });
  return days;
}

// The State Council's schedule for 2026 (国办发明电〔2025〕7号), written out here so the test stands
// on its own and does not read the data it checks.
const days2026: CalendarDay[] = [
  ...run('2026-01-01', '2026-01-03', 'holiday', '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦' },
  { date: '2026-02-14', kind: 'workday', name: '春节' },
  ...run('2026-02-15', '2026-02-23', 'holiday', '春节'),
  { date: '2026-02-28', kind: 'workday', name: '春节' },
  ...run('2026-04-04', '2026-04-06', 'holiday', '清明节'),
  ...run('2026-05-01', '2026-05-05', 'holiday', '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节' },
  ...run('2026-06-19', '2026-06-21', 'holiday', '端午节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节' },
  ...run('2026-09-25', '2026-09-27', 'holiday', '中秋节'),
  ...run('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
  { date: '2026-10-10', kind: 'workday', name: '国庆节' },
];
const cal = holidayCalendar(days2026, [2026]);

describe('working days', () => {
  it('knows holidays, make-up Saturdays and Sundays, and ordinary weekends', () => {
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true); // Friday before the Spring Festival
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // make-up Saturday
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // Monday of the Spring Festival
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false); // its last day, a Monday
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // make-up Sunday before National Day
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    // 2026-02-13 16:30 UTC is already Saturday the 14th in China.
    expect(isWorkingDay(cal, new Date('2026-02-13T16:30:00Z'))).toBe(true);
    expect(isWorkingDay(cal, new Date('2026-02-14T16:30:00Z'))).toBe(false);
  });

  it('adds working days across the Spring Festival, not counting the day of the event', () => {
    // Thursday 12 Feb: Fri 13 (1), Sat 14 make-up (2), the festival 15–23, Tue 24 (3).
    expect(addWorkingDays(cal, at('2026-02-12T10:00:00'), 3)).toEqual(at('2026-02-25T00:00:00'));
    // The hour of the event does not matter: one minute before midnight counts the same.
    expect(addWorkingDays(cal, at('2026-02-12T23:59:00'), 1)).toEqual(at('2026-02-14T00:00:00'));
    expect(addWorkingDays(cal, at('2026-02-12T00:00:00'), 1)).toEqual(at('2026-02-14T00:00:00'));
    // An event on a holiday starts counting on the first working day after it.
    expect(addWorkingDays(cal, at('2026-02-18T09:00:00'), 1)).toEqual(at('2026-02-25T00:00:00'));
  });

  it('adds working days across National Day and its make-up days', () => {
    expect(addWorkingDays(cal, at('2026-09-30T15:00:00'), 1)).toEqual(at('2026-10-09T00:00:00'));
    // Thu 8, Fri 9, and Saturday 10 October is worked.
    expect(addWorkingDays(cal, at('2026-09-30T15:00:00'), 3)).toEqual(at('2026-10-11T00:00:00'));
    // Friday 18 September: Saturday 19 is off, Sunday 20 is worked.
    expect(addWorkingDays(cal, at('2026-09-18T11:00:00'), 1)).toEqual(at('2026-09-21T00:00:00'));
    // 15 working days from a 差评 on 22 September: 23–24, 28–30, 8–10 Oct, 12–16 Oct, 19–20 Oct.
    expect(addWorkingDays(cal, at('2026-09-22T10:00:00'), 15)).toEqual(at('2026-10-21T00:00:00'));
    expect(addWorkingDays(cal, at('2026-09-22T10:00:00'), 0)).toEqual(at('2026-09-22T10:00:00'));
    expect(() => addWorkingDays(cal, at('2026-09-22T10:00:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, at('2026-09-22T10:00:00'), 1.5)).toThrow(RangeError);
  });

  it('counts working days after one day up to and including another', () => {
    // 13, 14 (make-up), 24, 25, 26, 27, 28 (make-up).
    expect(workingDaysBetween(cal, at('2026-02-12T18:00:00'), at('2026-02-28T08:00:00'))).toBe(7);
    expect(workingDaysBetween(cal, at('2026-02-15T08:00:00'), at('2026-02-23T20:00:00'))).toBe(0);
    expect(workingDaysBetween(cal, at('2026-09-30T08:00:00'), at('2026-10-10T08:00:00'))).toBe(3);
    expect(workingDaysBetween(cal, at('2026-10-10T08:00:00'), at('2026-09-30T08:00:00'))).toBe(-3);
    expect(workingDaysBetween(cal, at('2026-10-10T08:00:00'), at('2026-10-10T20:00:00'))).toBe(0);
  });

  it('counts back to the days it adds', () => {
    const start = at('2026-01-30T16:00:00');
    for (const n of [1, 5, 10, 15, 20, 60, 180]) {
      const end = addWorkingDays(cal, start, n);
      expect(workingDaysBetween(cal, start, new Date(end.getTime() - 1)), `n = ${n}`).toBe(n);
      expect(workingDaysBetween(cal, start, end), `n = ${n}`).toBe(isWorkingDay(cal, end) ? n + 1 : n);
    }
  });

  it('counts a year it has not loaded by weekdays, and says so', () => {
    const missing: number[] = [];
    const partial = holidayCalendar(days2026, [2026], { onMissingYear: (y) => missing.push(y) });
    // 31 Dec 2026 is a Thursday; without 2027 New Year's Day is worked.
    expect(addWorkingDays(partial, at('2026-12-31T10:00:00'), 1)).toEqual(at('2027-01-02T00:00:00'));
    expect(missing).toContain(2027);
    expect(missingYears(partial, '2026-12-01', '2028-01-05')).toEqual([2027, 2028]);
    const both = holidayCalendar(
      [...days2026, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      [2026, 2027],
    );
    expect(addWorkingDays(both, at('2026-12-31T10:00:00'), 1)).toEqual(at('2027-01-05T00:00:00'));
    expect(missingYears(both, '2026-12-01', '2027-01-05')).toEqual([]);
  });
});

describe('working time', () => {
  const hours = defaultWorkingHours;

  it('includes a period’s start and excludes its end', () => {
    const on = (time: string) => isWorkingTime(cal, hours, at(`2026-02-14T${time}:00`)); // make-up Saturday
    expect(on('08:29')).toBe(false);
    expect(on('08:30')).toBe(true);
    expect(on('11:59')).toBe(true);
    expect(on('12:00')).toBe(false);
    expect(on('13:59')).toBe(false);
    expect(on('14:00')).toBe(true);
    expect(on('17:29')).toBe(true);
    expect(on('17:30')).toBe(false);
    expect(isWorkingTime(cal, hours, at('2026-02-16T10:00:00'))).toBe(false); // festival Monday
    expect(isWorkingTime(cal, hours, at('2026-03-07T10:00:00'))).toBe(false); // ordinary Saturday
  });

  it('finds when working time next begins', () => {
    expect(nextWorkingTime(cal, hours, at('2026-02-13T12:30:00'))).toEqual(at('2026-02-13T14:00:00'));
    expect(nextWorkingTime(cal, hours, at('2026-02-13T10:00:00'))).toEqual(at('2026-02-13T10:00:00'));
    expect(nextWorkingTime(cal, hours, at('2026-02-14T17:30:00'))).toEqual(at('2026-02-24T08:30:00'));
    expect(nextWorkingTime(cal, hours, at('2026-09-19T09:00:00'))).toEqual(at('2026-09-20T08:30:00'));
  });

  it('adds working hours across lunch, nights, the make-up Saturday and the festival', () => {
    expect(addWorkingHours(cal, hours, at('2026-02-13T11:00:00'), 2)).toEqual(at('2026-02-13T15:00:00'));
    expect(addWorkingHours(cal, hours, at('2026-02-13T12:30:00'), 1)).toEqual(at('2026-02-13T15:00:00'));
    // A limit that uses up the afternoon ends at 17:30, not at the next morning's start.
    expect(addWorkingHours(cal, hours, at('2026-02-13T14:00:00'), 3.5)).toEqual(at('2026-02-13T17:30:00'));
    // Friday 16:30: one hour that day, two on the make-up Saturday.
    expect(addWorkingHours(cal, hours, at('2026-02-13T16:30:00'), 3)).toEqual(at('2026-02-14T10:30:00'));
    // Saturday 16:00: 1.5 hours, then the festival, then 2.5 hours on Tuesday the 24th.
    expect(addWorkingHours(cal, hours, at('2026-02-14T16:00:00'), 4)).toEqual(at('2026-02-24T11:00:00'));
    // Asked at night on a holiday: counting starts with the next working morning.
    expect(addWorkingHours(cal, hours, at('2026-10-03T22:00:00'), 0.5)).toEqual(at('2026-10-08T09:00:00'));
    expect(addWorkingHours(cal, hours, at('2026-10-03T22:00:00'), 0)).toEqual(at('2026-10-03T22:00:00'));
  });

  it('accepts working hours in order and refuses overlapping or reversed ones', () => {
    expect(WorkingHoursSchema.safeParse(defaultWorkingHours).success).toBe(true);
    const bad = [
      {
        periods: [
          { start: '14:00', end: '17:30' },
          { start: '08:30', end: '12:00' },
        ],
      },
      {
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      },
      { periods: [{ start: '12:00', end: '08:30' }] },
      { periods: [{ start: '8:30', end: '12:00' }] },
      { periods: [] },
    ];
    for (const hours of bad)
      expect(WorkingHoursSchema.safeParse(hours).success, JSON.stringify(hours)).toBe(false);
  });
});
