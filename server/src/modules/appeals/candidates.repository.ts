import { type AppealCandidate, hasPermission, type Role, roles } from '@lianxin/common';
import type { Db } from '../../db/dialect';

const handlingRoles = roles.filter((role) => hasPermission(role, 'appeals.handle'));

/** Active accounts bound to one of these units whose role works on appeals: handlers and mediators. */
export async function appealCandidates(db: Db, units: string[]): Promise<AppealCandidate[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'area_code'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', handlingRoles)
    .where('area_code', 'in', units)
    .orderBy('area_code', 'desc')
    .orderBy('name')
    .limit(300)
    .execute();
  // The column holds one of `roles`; only handling ones are selected.
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role, areaCode: r.area_code }));
}

/** An active account of this unit whose role works on appeals: who may be made an appeal's handler. */
export async function findCandidate(
  db: Db,
  unit: string,
  userId: string,
): Promise<{ name: string } | undefined> {
  return db
    .selectFrom('users')
    .select('name')
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', handlingRoles)
    .where('area_code', '=', unit)
    .executeTakeFirst();
}
