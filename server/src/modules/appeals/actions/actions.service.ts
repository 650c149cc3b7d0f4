import { type Appeal, type AppealAction, type AppealActionBody, nextAppealStatus } from '@lianxin/common';
import type { Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealsTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { codeInScope } from '../../../platform/scope';
import { type AppealRow, insertEvents, updateAppeal } from '../appeals.repository';
import { announceStatusChange, event, loadAppeal } from '../lifecycle';
import { getAppeal } from '../queries/queries.service';
import { actionHandlers } from './handlers';
import { actionAllowed } from './rules';

/**
 * Takes one action on an appeal the caller's unit holds: checks the lifecycle, the version and
 * the rules of the action, then writes the change, its timeline entry, notices and audit together.
 */
export async function actOnAppeal<A extends AppealAction>(
  db: Db,
  ctx: AreaContext,
  id: string,
  action: A,
  body: AppealActionBody<A>,
): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  if (!codeInScope(row.holder_area_code, ctx.scope)) throw new AppError('APPEAL_NOT_HELD');
  await applyAction(db, ctx, row, action, body);
  return getAppeal(db, ctx, row.id);
}

/** The appeal actions a unit the appeal was dispatched to takes itself, as a level does. */
export type UnitAppealAction = 'note' | 'defer' | 'resolve';

/**
 * Takes one of a unit's own actions on an appeal dispatched to it (the lead department's note,
 * deferral or resolution): the caller (dispatch) has checked that the unit leads it; the
 * lifecycle, the version and the action's rules are checked here as for a level.
 */
export async function actOnAppealForUnit<A extends UnitAppealAction>(
  db: Db,
  ctx: RequestContext,
  id: string,
  action: A,
  body: AppealActionBody<A>,
): Promise<void> {
  await applyAction(db, ctx, await loadAppeal(db, ctx, id), action, body);
}

async function applyAction<A extends AppealAction>(
  db: Db,
  ctx: RequestContext,
  row: AppealRow,
  action: A,
  body: AppealActionBody<A>,
): Promise<void> {
  if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
  const next = nextAppealStatus(action, row.status);
  if (next === undefined || !actionAllowed(row, action, ctx.caller.role)) {
    if (action === 'escalate' && row.level === 'district') throw new AppError('APPEAL_LEVEL_TOP');
    if (action === 'send_down' && row.level === 'village') throw new AppError('APPEAL_LEVEL_BOTTOM');
    throw new AppError('APPEAL_STATE_INVALID', { status: row.status });
  }
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const handler = actionHandlers[action];
  const result = await handler({ db, ctx, row, body, now });
  const patch: Updateable<AppealsTable> = { status: next, ...result.patch, updated_at: nowIso };
  const updated = await updateAppeal(db, row.id, row.version, patch);
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await insertEvents(db, [
    event(row.id, nowIso, ctx.actor, {
      kind: action,
      from_status: row.status,
      to_status: patch.status ?? row.status,
      from_level: patch.level && patch.level !== row.level ? row.level : null,
      to_level: patch.level && patch.level !== row.level ? patch.level : null,
      note: result.note,
      public: result.public,
    }),
  ]);
  const level = patch.level ?? row.level;
  if (patch.status !== row.status || level !== row.level) {
    await announceStatusChange(db, ctx.clock, {
      appealId: row.id,
      villageCode: row.village_code,
      from: row.status,
      to: patch.status ?? row.status,
      level,
    });
  }
  await enqueueNotifications(db, ctx.clock, result.notices);
  await result.after?.(db);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: `appeal.${action}`,
    objectType: 'appeal',
    objectId: row.id,
    areaCode: row.village_code,
    before: { status: row.status, level: row.level, handler: row.handler_id },
    after: {
      status: patch.status,
      level: patch.level ?? row.level,
      handler: patch.handler_id ?? row.handler_id,
    },
  });
}
