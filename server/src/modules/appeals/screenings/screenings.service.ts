import type { Screening, ScreeningBody } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { findArea } from '../../areas';
import { createAppeal } from '../intake/intake.service';
import { insertMediation } from '../mediation/mediation.repository';
import {
  appealsOfScreenings,
  insertScreening,
  markFromScreening,
  screeningRows,
} from './screenings.repository';

/**
 * A screening sweep (大排查) of a village: every dispute found becomes an appeal on the village's
 * books, with a mediation opened where the parties are named. All or nothing.
 */
export async function recordScreening(db: Db, ctx: AreaContext, body: ScreeningBody): Promise<Screening> {
  const village = await findArea(db, ctx.scope, body.villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode });
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await insertScreening(db, {
    id,
    village_code: village.code,
    date: body.date,
    note: body.note,
    disputes_found: body.disputes.length,
    created_by: ctx.caller.id,
    created_at: now,
  });
  const appealIds: string[] = [];
  for (const dispute of body.disputes) {
    const created = await createAppeal(
      db,
      ctx,
      {
        channel: 'screening',
        categoryCode: dispute.categoryCode,
        urgency: dispute.urgency,
        villageCode: village.code,
        address: '',
        latitude: null,
        longitude: null,
        title: dispute.title,
        description: dispute.description,
        reporterKind: 'anonymous',
        reporterResidentId: null,
        householdId: null,
        reporterName: null,
        reporterPhone: null,
      },
      { createdBy: ctx.caller.id, ipHash: null },
    );
    await markFromScreening(db, created.id, id);
    appealIds.push(created.id);
    if (dispute.parties.length >= 2) {
      await insertMediation(db, {
        id: newId(),
        appealId: created.id,
        parties: dispute.parties,
        mediatorIds: [ctx.caller.id],
        by: ctx.caller.id,
        now,
      });
    }
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'screening.create',
    objectType: 'screening',
    objectId: id,
    areaCode: village.code,
    after: { disputes: body.disputes.length },
  });
  return {
    id,
    villageCode: village.code,
    villageName: village.name,
    date: body.date,
    note: body.note,
    disputesFound: body.disputes.length,
    appealIds,
    createdBy: ctx.caller.name,
  };
}

export async function listScreenings(db: Db, ctx: AreaContext, limit: number): Promise<Screening[]> {
  const rows = await screeningRows(db, ctx.scope, limit);
  const appeals = await appealsOfScreenings(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    villageCode: r.village_code,
    villageName: r.village_name,
    date: r.date,
    note: r.note,
    disputesFound: r.disputes_found,
    appealIds: appeals.filter((a) => a.screening_id === r.id).map((a) => a.id),
    createdBy: r.creator,
  }));
}
