import { hasPermission } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Caller } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import type { AreaContext } from '../../platform/request-context';
import { codeInScope } from '../../platform/scope';
import { IdNumberElsewhere } from './id-number-lookups.service';
import { findIdNumberOwner, findResident } from './residents.repository';

// A household's members as persons: who may see their full ID numbers, and whose a number is.

/** Full ID numbers and phones are for roles that need them; everyone else sees them masked. */
export function canSeeFull(caller: Caller): boolean {
  return hasPermission(caller.role, 'idnumber.reveal');
}

/**
 * Refuses an ID number registered to anyone but `exceptResidentId`. Inside the caller's area the
 * answer names where to roles that may know; outside it, it names nothing (`IdNumberElsewhere`,
 * noted and audited by `answeringLookups` once the write is rolled back).
 */
export async function assertIdNumberFree(
  db: Db,
  ctx: Pick<AreaContext, 'caller' | 'scope'>,
  hash: string,
  exceptResidentId?: string,
): Promise<void> {
  const owner = await findIdNumberOwner(db, hash);
  if (!owner || owner.id === exceptResidentId) return;
  if (!codeInScope(owner.area_code, ctx.scope)) throw new IdNumberElsewhere(hash);
  // Only roles that may see full numbers learn where the number is registered.
  const where = canSeeFull(ctx.caller) ? `（${owner.area_name} ${owner.number} 户，${owner.name}）` : '';
  throw new AppError('ID_NUMBER_TAKEN', { where });
}

/** Shows one resident's full ID number to a role allowed to see it; every reveal is audited. */
export async function revealIdNumber(db: Db, ctx: AreaContext, residentId: string): Promise<string | null> {
  const resident = await findResident(db, ctx.scope, residentId);
  if (!resident) throw notFound();
  if (!canSeeFull(ctx.caller)) throw new AppError('FORBIDDEN');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'resident.reveal_id',
    objectType: 'resident',
    objectId: residentId,
    areaCode: resident.area_code,
  });
  return resident.id_number_cipher ? ctx.secrets.decrypt(resident.id_number_cipher) : null;
}
