import type { AreaImportPlan, Locale } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Actor } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { applyAreaPlan } from './area-import-apply';
import { checkAreaFile, describePlan } from './area-import-plan';
import { findDistrictArea } from './area-imports.repository';

export interface AreaImportOptions {
  dryRun: boolean;
  fileName: string | null;
  locale: Locale;
}

/**
 * Checks an area file and, unless a dry run, writes it when no row has a problem. Run it in one
 * transaction, so that what is written is what was checked.
 */
export async function importAreas(
  db: Db,
  clock: Clock,
  actor: Actor,
  scope: AreaScope | null,
  content: Buffer,
  options: AreaImportOptions,
): Promise<AreaImportPlan> {
  const plan = await checkAreaFile(db, scope, content);
  const applied = !options.dryRun && plan.problems.length === 0;
  if (applied) await applyAreaPlan(db, clock, actor, plan, options.fileName);
  return describePlan(plan, options.locale, { dryRun: options.dryRun, applied });
}

/** The command line's reach: the district once there is one; before that, the first import sets it up. */
export async function operatorAreaScope(db: Db): Promise<AreaScope | null> {
  const district = await findDistrictArea(db);
  return district ? scopeOf(district) : null;
}
