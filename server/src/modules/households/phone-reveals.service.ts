import type { PhoneRevealPurpose } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import type { AreaContext } from '../../platform/request-context';
import { findHousehold } from './households.repository';
import { findResident } from './residents.repository';
import { canSeeFull } from './residents.service';

/**
 * Shows one full phone number of the registry — a household's, or a member's — to a role that
 * may see full ID numbers (the same rule), and audits it, each time: a tap-to-call is a reveal
 * too (`purpose: 'call'`). Outside the caller's area the record does not exist (404).
 */
export async function revealRegistryPhone(
  db: Db,
  ctx: AreaContext,
  kind: 'household' | 'resident',
  id: string,
  purpose: PhoneRevealPurpose,
): Promise<string | null> {
  const record =
    kind === 'household' ? await findHousehold(db, ctx.scope, id) : await findResident(db, ctx.scope, id);
  if (!record) throw notFound();
  if (!canSeeFull(ctx.caller)) throw new AppError('FORBIDDEN');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: `${kind}.reveal_phone`,
    objectType: kind,
    objectId: id,
    areaCode: record.area_code,
    after: { purpose },
  });
  return record.phone;
}
