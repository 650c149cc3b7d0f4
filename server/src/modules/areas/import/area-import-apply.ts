import { areaKinds } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { AreaRow } from '../../../db/schema';
import { type Actor, recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import type { CheckedPlan } from './area-import-plan';
import { insertAreas, renameArea } from './area-imports.repository';

/**
 * Writes a checked plan that has no problems: new areas parents first, renames in place (the
 * code, and all that hangs on it, stays). Nothing is ever deleted. Audited: one entry for the
 * import, one per rename. Run it in the transaction the plan was checked in.
 */
export async function applyAreaPlan(
  db: Db,
  clock: Clock,
  actor: Actor,
  plan: CheckedPlan,
  fileName: string | null,
): Promise<void> {
  if (plan.problems.length > 0) throw new Error('an area plan with problems cannot be applied');
  const now = clock.now().toISOString();
  const depth = (kind: AreaRow['kind']) => areaKinds.indexOf(kind);
  const creates = plan.items
    .filter((i) => i.action === 'create')
    .sort((a, b) => depth(a.kind) - depth(b.kind) || a.code.localeCompare(b.code));
  await insertAreas(
    db,
    creates.map((i) => ({
      code: i.code,
      name: i.name,
      kind: i.kind,
      parent_code: i.parentCode,
      extremely_poor: false,
      remote: false,
      hard_to_advance: false,
      disaster_hit: false,
      disaster_from: null,
      disaster_to: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  const renames = plan.items.filter((i) => i.action === 'rename');
  for (const item of renames) {
    await renameArea(db, item.code, item.name, now);
    await recordAudit(db, clock, actor, {
      action: 'area.update',
      objectType: 'area',
      objectId: item.code,
      areaCode: item.code,
      before: { name: item.previousName },
      after: { name: item.name },
    });
  }
  if (creates.length === 0 && renames.length === 0) return;
  await recordAudit(db, clock, actor, {
    action: 'area.import',
    objectType: 'area',
    objectId: creates[0]?.code ?? renames[0]?.code,
    areaCode: creates[0]?.code ?? renames[0]?.code ?? null,
    after: { file: fileName, rows: plan.rows, created: creates.length, renamed: renames.length },
  });
}
