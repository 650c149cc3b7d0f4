import { type HolidayCalendar, holidayCalendar, type NoticePeriodUnit } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { workingCalendar } from '../../platform/calendar';

const noHolidays = holidayCalendar([], []);

/** The calendar a period is counted on: the district's holidays for working days; none needed for calendar days. */
export async function noticeCalendar(db: Db, unit: NoticePeriodUnit): Promise<HolidayCalendar> {
  return unit === 'working_days' ? workingCalendar(db) : noHolidays;
}
