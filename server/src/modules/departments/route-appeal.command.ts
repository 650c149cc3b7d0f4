import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import type { AreaContext } from '../../platform/request-context';
import { appendToTimeline, loadAppeal } from '../appeals';
import { insertAppealUnit } from './units/units.repository';
import { getUnit } from './units/units.service';

/**
 * Routes an appeal in the caller's area to a handling unit, whose staff then see it: the least
 * the other domains need of dispatch (派单), which builds lead and co-units, returns and
 * supervision on it. Routing twice to the same unit changes nothing.
 */
export async function routeAppealToUnit(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor' | 'scope'>,
  unitId: string,
  appealId: string,
): Promise<void> {
  const unit = await getUnit(trx, ctx.scope, unitId);
  if (!unit.active) throw new AppError('UNIT_UNKNOWN');
  const appeal = await loadAppeal(trx, ctx, appealId);
  const routed = await insertAppealUnit(trx, {
    appeal_id: appeal.id,
    unit_id: unit.id,
    routed_at: ctx.clock.now().toISOString(),
    routed_by: ctx.actor.id,
  });
  if (!routed) return;
  await appendToTimeline(trx, ctx, appeal.id, { kind: 'routed', note: unit.name });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'appeal.route_unit',
    objectType: 'appeal',
    objectId: appeal.id,
    areaCode: appeal.village_code,
    after: { unitId: unit.id, unit: unit.name },
  });
}
