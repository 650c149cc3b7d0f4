import { type ContactPoint, chinaDate } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { codeInScope, scopeOf } from '../../../platform/scope';
import { findArea } from '../../areas';
import { findCadre } from '../cadres.repository';
import {
  type ContactPointRow,
  contactPointRow,
  insertContactPoint,
  latestContactPoints,
  setContactPointEnd,
} from './contact-points.repository';

function toContactPoint(r: ContactPointRow): ContactPoint {
  return {
    id: r.id,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    startDate: r.start_date,
    endDate: r.end_date,
  };
}

export async function listContactPoints(db: Db, ctx: AreaContext): Promise<ContactPoint[]> {
  return (await latestContactPoints(db, ctx.scope, 500)).map(toContactPoint);
}

/** A leader (a district or town account) answers for a village for a period. */
export async function createContactPoint(
  db: Db,
  ctx: AreaContext,
  body: { leaderId: string; villageCode: string; startDate: string; endDate: string | null },
): Promise<ContactPoint> {
  const village = await findArea(db, ctx.scope, body.villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode });
  const leader = await findCadre(db, body.leaderId);
  const leads =
    leader !== undefined &&
    leader.disabled_at === null &&
    (leader.area_kind === 'district' || leader.area_kind === 'town') &&
    codeInScope(village.code, scopeOf({ code: leader.area_code, kind: leader.area_kind }));
  if (!leads) throw new AppError('PAIRING_OUTSIDE_AREA');
  const id = newId();
  await insertContactPoint(db, {
    id,
    leader_id: body.leaderId,
    village_code: village.code,
    start_date: body.startDate,
    end_date: body.endDate,
    created_by: ctx.caller.id,
    created_at: ctx.clock.now().toISOString(),
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'contact_point.create',
    objectType: 'area',
    objectId: village.code,
    areaCode: village.code,
    after: body,
  });
  const created = await contactPointRow(db, ctx.scope, id);
  if (!created) throw new Error('contact point not stored');
  return toContactPoint(created);
}

/** Ends a contact point on a day not before it began; an ended one stays as it ended. */
export async function endContactPoint(db: Db, ctx: AreaContext, id: string, endDate: string) {
  const point = await contactPointRow(db, ctx.scope, id);
  if (!point) throw notFound();
  if (endDate < point.start_date) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.endDate', message: 'period' }]);
  }
  if (point.end_date !== null && point.end_date <= chinaDate(ctx.clock.now()))
    throw new AppError('PAIRING_STATE_INVALID');
  if (!(await setContactPointEnd(db, id, endDate))) throw notFound();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'contact_point.end',
    objectType: 'contact_point',
    objectId: id,
    after: { endDate },
  });
}
