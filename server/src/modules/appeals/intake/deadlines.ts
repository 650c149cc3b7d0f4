import { type AppealSettings, type AppealUrgency, defaultAppealSettings } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
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

/** Deadlines counted from `from` at a level: respond, resolve, and when to warn of each. */
export function deadlines(
  from: Date,
  settings: AppealSettings,
  category: CategoryRow,
  urgency: AppealUrgency,
) {
  const resolve = resolutionHours(settings, category, urgency);
  return {
    response_due_at: at(from, settings.responseHours),
    resolution_due_at: at(from, resolve),
    response_warn_at: at(from, settings.responseHours * settings.warnAtShare),
    resolution_warn_at: at(from, resolve * settings.warnAtShare),
  };
}
