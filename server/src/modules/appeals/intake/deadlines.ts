import {
  type AppealSettings,
  type AppealUrgency,
  addWorkingDays,
  defaultAppealSettings,
  type HolidayCalendar,
} from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import { workingCalendar } from '../../../platform/calendar';
import { readSetting } from '../../../platform/settings/settings.repository';
import type { CategoryRow } from '../categories/categories.repository';

const HOUR = 3_600_000;

/** The district's deadlines and callback rules, or the defaults before anyone edited them. */
export async function appealSettings(db: Db): Promise<AppealSettings> {
  return (await readSetting<AppealSettings>(db, 'appeals')) ?? defaultAppealSettings;
}

function resolutionHours(settings: AppealSettings, category: CategoryRow, urgency: AppealUrgency): number {
  // A category's own period applies to ordinary matters; urgent ones keep the urgent deadline.
  if (category.resolution_days !== null && urgency !== 'urgent') return category.resolution_days * 24;
  return settings.resolutionHours[urgency];
}

function at(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * HOUR).toISOString();
}

/** Whether a category's deadline is counted on the working-day calendar. */
export function countsWorkingDays(category: Pick<CategoryRow, 'deadline_unit' | 'resolution_days'>): boolean {
  return category.deadline_unit === 'working_days' && category.resolution_days !== null;
}

/**
 * Deadlines counted from `from` at a level: respond, resolve, and when to warn of each. A category
 * counting working days ends at the close (24:00) of its N-th working day after `from`'s day, by
 * the district's calendar (`calendar`, needed only then); every other deadline is in hours.
 */
export function deadlines(
  from: Date,
  settings: AppealSettings,
  category: CategoryRow,
  urgency: AppealUrgency,
  calendar: HolidayCalendar | null = null,
) {
  const resolveHours =
    countsWorkingDays(category) && calendar !== null && urgency !== 'urgent'
      ? (addWorkingDays(calendar, from, category.resolution_days ?? 0).getTime() - from.getTime()) / HOUR
      : resolutionHours(settings, category, urgency);
  return {
    response_due_at: at(from, settings.responseHours),
    resolution_due_at: at(from, resolveHours),
    response_warn_at: at(from, settings.responseHours * settings.warnAtShare),
    resolution_warn_at: at(from, resolveHours * settings.warnAtShare),
  };
}

/** The working-day calendar when a category needs it, else null (no read). */
export async function calendarFor(
  db: Kysely<DB>,
  category: Pick<CategoryRow, 'deadline_unit' | 'resolution_days'>,
): Promise<HolidayCalendar | null> {
  return countsWorkingDays(category) ? workingCalendar(db) : null;
}
