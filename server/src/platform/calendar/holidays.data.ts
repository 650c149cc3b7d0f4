import type { CalendarDay } from '@lianxin/common';

// The holiday schedules shipped with the release, loaded into the database on start for each year
// it does not have yet (an admin's edit is never overwritten). A new year's schedule is published
// by the State Council each autumn (国务院办公厅关于 YYYY 年部分节假日安排的通知); the district
// admin enters it on the calendar page, and the next release ships it here.

export interface ShippedYear {
  year: number;
  /** Worked out from the statutory holidays only; to be confirmed against the State Council's notice. */
  provisional: boolean;
  /** Where the dates come from. */
  source: string;
  days: CalendarDay[];
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Days off from `from` to `to`, both included. */
function off(name: string, from: string, to = from): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = nextDate(date)) days.push({ date, kind: 'holiday', name });
  return days;
}

/** Saturdays or Sundays worked to make up for a holiday (调休上班). */
function worked(name: string, ...dates: string[]): CalendarDay[] {
  return dates.map((date) => ({ date, kind: 'workday' as const, name }));
}

export const SHIPPED_YEARS: readonly ShippedYear[] = [
  {
    // Kept so that time limits running from the end of 2025 into 2026 count the right days.
    year: 2025,
    provisional: false,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    days: [
      ...off('元旦', '2025-01-01'),
      ...worked('春节', '2025-01-26', '2025-02-08'),
      ...off('春节', '2025-01-28', '2025-02-04'),
      ...off('清明节', '2025-04-04', '2025-04-06'),
      ...worked('劳动节', '2025-04-27'),
      ...off('劳动节', '2025-05-01', '2025-05-05'),
      ...off('端午节', '2025-05-31', '2025-06-02'),
      ...worked('国庆节、中秋节', '2025-09-28', '2025-10-11'),
      ...off('国庆节、中秋节', '2025-10-01', '2025-10-08'),
    ],
  },
  {
    year: 2026,
    provisional: false,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    days: [
      ...off('元旦', '2026-01-01', '2026-01-03'),
      ...worked('元旦', '2026-01-04'),
      ...worked('春节', '2026-02-14', '2026-02-28'),
      ...off('春节', '2026-02-15', '2026-02-23'),
      ...off('清明节', '2026-04-04', '2026-04-06'),
      ...off('劳动节', '2026-05-01', '2026-05-05'),
      ...worked('劳动节', '2026-05-09'),
      ...off('端午节', '2026-06-19', '2026-06-21'),
      ...worked('国庆节', '2026-09-20', '2026-10-10'),
      ...off('中秋节', '2026-09-25', '2026-09-27'),
      ...off('国庆节', '2026-10-01', '2026-10-07'),
    ],
  },
  {
    // The State Council's notice for 2027 was not at hand when this release was made: these are
    // the statutory holidays of the 全国年节及纪念日放假办法 (2024 revision, in force 2025: 元旦 1
    // day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on their 2027 dates,
    // without the make-up days and extra days off the notice will add.
    year: 2027,
    provisional: true,
    source: '全国年节及纪念日放假办法（法定节假日，待国务院办公厅通知确认）',
    days: [
      ...off('元旦', '2027-01-01'),
      ...off('春节', '2027-02-05', '2027-02-08'), // 除夕 5 February, 正月初一 6 February
      ...off('清明节', '2027-04-05'),
      ...off('劳动节', '2027-05-01', '2027-05-02'),
      ...off('端午节', '2027-06-09'),
      ...off('中秋节', '2027-09-15'),
      ...off('国庆节', '2027-10-01', '2027-10-03'),
    ],
  },
];
