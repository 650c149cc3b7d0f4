import {
  chinaDate,
  type Dispatch,
  type DispatchAppealActionBody,
  type DispatchPartBody,
  type DispatchReturnBody,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError } from '../../../platform/errors';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { RequestContext } from '../../../platform/request-context';
import { actOnAppealForUnit, appendToTimeline } from '../../appeals';
import { type DispatchRecord, isUnitStaff, mayReturn } from './dispatch.model';
import { withdrawOpenParts } from './dispatch.repository';
import { audit, loadDispatch, reload, write } from './dispatch.service';

// A unit's own work on what was dispatched to it: accept, return once, give its part, and as the
// lead, work the appeal to its resolution.

type Ctx = RequestContext;

/** Loads a dispatch for one of its unit's actions: only that unit's staff, at the version they read. */
async function forUnit(db: Db, ctx: Ctx, id: string, version: number): Promise<DispatchRecord> {
  const row = await loadDispatch(db, ctx, id);
  if (!isUnitStaff(ctx, row)) throw new AppError('FORBIDDEN');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  return row;
}

export async function acceptDispatch(db: Db, ctx: Ctx, id: string, version: number): Promise<Dispatch> {
  const row = await forUnit(db, ctx, id, version);
  if (row.status !== 'pending') throw new AppError('DISPATCH_STATE_INVALID', { status: row.status });
  const nowIso = ctx.clock.now().toISOString();
  await write(db, row, { status: 'accepted', accepted_at: nowIso });
  await appendToTimeline(db, ctx, row.appeal_id, {
    kind: 'dispatch_accepted',
    note: `${row.unit_name}已签收`,
    public: row.role === 'lead',
  });
  await audit(db, ctx, row, 'accept', { status: 'accepted' });
  return reload(db, ctx, id);
}

/** Returns a dispatch (退单) with a reason: once, within the window; the dispatcher decides. */
export async function returnDispatch(
  db: Db,
  ctx: Ctx,
  id: string,
  body: DispatchReturnBody,
): Promise<Dispatch> {
  const row = await forUnit(db, ctx, id, body.version);
  const now = ctx.clock.now();
  if (!mayReturn(row, now))
    throw new AppError('DISPATCH_RETURN_CLOSED', { until: chinaDate(new Date(row.returnable_until)) });
  await write(db, row, {
    status: 'returned',
    returned_at: now.toISOString(),
    return_reason: body.reason,
    may_return: false,
  });
  await appendToTimeline(db, ctx, row.appeal_id, {
    kind: 'dispatch_returned',
    note: `${row.unit_name}退单：${body.reason}`,
  });
  await enqueueNotifications(db, ctx.clock, [
    {
      kind: 'dispatch.returned',
      areaCode: row.dispatcher_area_code,
      recipient: `派单人 ${row.dispatcher_area_code}`,
      message: `${row.unit_name}退回派单 ${row.tracking_code}「${row.title}」：${body.reason}，请改派或裁定`,
      appealId: row.appeal_id,
    },
  ]);
  await audit(db, ctx, row, 'return', { status: 'returned', reason: body.reason });
  return reload(db, ctx, id);
}

/** A co-unit's part for the lead: its opinion or what it did. */
export async function givePart(db: Db, ctx: Ctx, id: string, body: DispatchPartBody): Promise<Dispatch> {
  const row = await forUnit(db, ctx, id, body.version);
  if (row.role !== 'co' || (row.status !== 'pending' && row.status !== 'accepted'))
    throw new AppError('DISPATCH_STATE_INVALID', { status: row.status });
  const nowIso = ctx.clock.now().toISOString();
  await write(db, row, {
    status: 'done',
    accepted_at: row.accepted_at ?? nowIso,
    part: body.part,
    part_at: nowIso,
    part_by: ctx.actor.id,
  });
  await appendToTimeline(db, ctx, row.appeal_id, {
    kind: 'dispatch_part',
    note: `${row.unit_name}：${body.part}`,
  });
  await audit(db, ctx, row, 'part', { status: 'done' });
  return reload(db, ctx, id);
}

/** The lead unit's note, deferral or resolution on the appeal; resolving ends its part and the co-units'. */
export async function actAsLead(
  db: Db,
  ctx: Ctx,
  id: string,
  body: DispatchAppealActionBody,
): Promise<Dispatch> {
  const row = await loadDispatch(db, ctx, id);
  if (!isUnitStaff(ctx, row)) throw new AppError('FORBIDDEN');
  if (row.role !== 'lead' || row.status !== 'accepted')
    throw new AppError('DISPATCH_STATE_INVALID', { status: row.status });
  // Each action with its own body, as the appeals module takes it.
  if (body.action === 'note') {
    const { action, ...note } = body;
    await actOnAppealForUnit(db, ctx, row.appeal_id, action, note);
  } else if (body.action === 'defer') {
    const { action, ...deferral } = body;
    await actOnAppealForUnit(db, ctx, row.appeal_id, action, deferral);
  } else {
    const { action, ...resolution } = body;
    await actOnAppealForUnit(db, ctx, row.appeal_id, action, resolution);
  }
  if (body.action === 'resolve') {
    await write(db, row, { status: 'done' });
    await withdrawOpenParts(db, row.appeal_id);
  }
  return reload(db, ctx, id);
}
