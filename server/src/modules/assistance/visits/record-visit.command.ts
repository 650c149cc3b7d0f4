import { chinaDate, hasPermission, type Visit, type VisitCreateBody } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import type { AreaContext } from '../../../platform/request-context';
import { createAppeal } from '../../appeals';
import { findArea } from '../../areas';
import { findHousehold, putIndicators } from '../../households';
import { recordMeasuresDone } from '../help-measures/help-measures.service';
import { linkVisitAppeal } from './visits.repository';
import { getVisit, storeVisit, visitStoredAs } from './visits.service';

/**
 * Records a visit (走访) with everything it brings, in the caller's transaction: the cadres on it,
 * the household's new figures (through the registry, which re-tiers the household), help given
 * on the spot, and matters handed to the appeals module as appeals. Any part refused leaves
 * nothing written. The client's UUID makes a retried or re-synced visit count once.
 */
export async function recordVisit(
  ctx: AreaContext,
  trx: Db,
  body: VisitCreateBody,
): Promise<{ visit: Visit; created: boolean }> {
  const earlier = await visitStoredAs(trx, ctx, body);
  if (earlier) return { visit: earlier, created: false };

  const household = body.householdId ? await findHousehold(trx, ctx.scope, body.householdId) : undefined;
  let villageCode: string;
  let areaCode: string;
  if (body.householdId) {
    if (!household) throw notFound();
    villageCode = household.village_code;
    areaCode = household.area_code;
  } else {
    const village = await findArea(trx, ctx.scope, body.villageCode ?? '');
    if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode ?? '' });
    villageCode = village.code;
    areaCode = village.code;
  }
  const registered = household ? chinaDate(new Date(household.created_at)) : null;
  const cadres = await storeVisit(trx, ctx, body, { villageCode, areaCode, registered });

  if (household) {
    if (body.indicators) {
      const { year, ...figures } = body.indicators;
      await putIndicators(trx, ctx, household.id, year, figures);
    }
    await recordMeasuresDone(
      trx,
      ctx,
      { id: body.id, householdId: household.id, areaCode, date: body.date },
      body.measuresDone,
    );
  }

  if (body.appeals.length > 0 && hasPermission(ctx.caller.role, 'appeals.create')) {
    const head = household?.head_resident_id ?? null;
    for (const appeal of body.appeals) {
      const created = await createAppeal(
        trx,
        ctx,
        {
          channel: 'visit',
          categoryCode: appeal.categoryCode,
          villageCode,
          address: '',
          latitude: body.latitude,
          longitude: body.longitude,
          title: appeal.title,
          description: appeal.description,
          reporterKind: head ? 'resident' : 'anonymous',
          reporterResidentId: head,
          householdId: body.householdId,
          reporterName: null,
          reporterPhone: null,
        },
        { createdBy: ctx.caller.id, ipHash: null },
      );
      await linkVisitAppeal(trx, body.id, created.id);
    }
  }

  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'visit.create',
    objectType: body.householdId ? 'household' : 'area',
    objectId: body.householdId ?? villageCode,
    areaCode,
    after: { visit: body.id, date: body.date, kind: body.kind, cadres },
  });
  return { visit: await getVisit(trx, ctx, body.id), created: true };
}
