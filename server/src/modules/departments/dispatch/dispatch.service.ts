import {
  addWorkingDays,
  chinaDate,
  type Dispatch,
  type DispatchCreateBody,
  type DispatchListQuery,
  type DispatchOverruleBody,
  type DispatchQueueItem,
  type DispatchRedispatchBody,
  type DispatchRole,
  openAppealStatuses,
  type Unit,
} from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealDispatchesTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { workingCalendar } from '../../../platform/calendar';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../../platform/notifications/notifications.service';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import {
  appealSettings,
  appendToTimeline,
  deadlines,
  findCategory,
  loadAppeal,
  touchAppeal,
} from '../../appeals';
import { insertAppealUnit } from '../units/units.repository';
import { getUnit } from '../units/units.service';
import {
  type DispatchRecord,
  dispatchSettings,
  isDispatcher,
  toDispatch,
  toQueueItem,
} from './dispatch.model';
import {
  currentLead,
  dispatchesOfAppeal,
  findDispatch,
  insertDispatches,
  listDispatches,
  updateDispatch,
} from './dispatch.repository';

type Ctx = RequestContext;
type Appeal = Awaited<ReturnType<typeof loadAppeal>>;

export const roleName: Record<DispatchRole, string> = { lead: '主办', co: '协办' };

export async function listDispatchQueue(
  db: Db,
  ctx: Ctx,
  query: DispatchListQuery,
): Promise<DispatchQueueItem[]> {
  const now = ctx.clock.now();
  const rows = await listDispatches(db, ctx.scope, query, now.toISOString());
  return rows.map((row) => toQueueItem(ctx, row, now));
}

export async function loadDispatch(db: Db, ctx: Ctx, id: string): Promise<DispatchRecord> {
  const row = await findDispatch(db, ctx.scope, id);
  if (!row) throw notFound();
  return row;
}

export async function getDispatch(db: Db, ctx: Ctx, id: string): Promise<DispatchQueueItem> {
  return toQueueItem(ctx, await loadDispatch(db, ctx, id), ctx.clock.now());
}

/** A unit the caller may dispatch this appeal to: an active department; for a town, one answering for the category. */
async function dispatchableUnit(db: Db, ctx: AreaContext, appeal: Appeal, unitId: string): Promise<Unit> {
  const unit = await getUnit(db, ctx.scope, unitId);
  const forCategory = ctx.scope.kind === 'district' || unit.categories.includes(appeal.category_code);
  if (!unit.active || unit.kind !== 'department' || !forCategory)
    throw new AppError('DISPATCH_UNIT_INVALID', { unit: unit.name });
  return unit;
}

/** When a unit's part falls due, when to warn of it, and until when it may be returned. */
async function timesFor(db: Db, appeal: Appeal, role: DispatchRole, now: Date) {
  const [settings, dispatch, calendar, category] = await Promise.all([
    appealSettings(db),
    dispatchSettings(db),
    workingCalendar(db),
    findCategory(db, appeal.category_code),
  ]);
  const leadDue = category
    ? deadlines(now, settings, category, appeal.urgency, calendar).resolution_due_at
    : appeal.resolution_due_at;
  const coDue = addWorkingDays(calendar, now, dispatch.coPartWorkingDays).toISOString();
  const due = role === 'lead' || leadDue < coDue ? leadDue : coDue;
  const warn = new Date(
    now.getTime() + (Date.parse(due) - now.getTime()) * settings.warnAtShare,
  ).toISOString();
  return {
    due_at: due,
    warn_at: warn,
    returnable_until: addWorkingDays(calendar, now, dispatch.returnWindowWorkingDays).toISOString(),
  };
}

function newDispatchNotice(
  appeal: Appeal,
  unit: Pick<Unit, 'name' | 'area'>,
  role: DispatchRole,
  due: string,
  note: string | undefined,
) {
  return {
    kind: 'dispatch.new' as const,
    areaCode: unit.area.code,
    recipient: unit.name,
    message: `新派单 ${appeal.tracking_code}「${appeal.title}」由贵单位${roleName[role]}，请于 ${chinaDate(new Date(due))} 前${role === 'lead' ? '办结' : '反馈协办意见'}${note ? `。${note}` : ''}`,
    appealId: appeal.id,
  };
}

async function newRow(
  db: Db,
  ctx: AreaContext,
  appeal: Appeal,
  unit: Unit,
  role: DispatchRole,
  decisive: boolean,
  replacesId: string | null,
): Promise<Insertable<AppealDispatchesTable>> {
  const now = ctx.clock.now();
  await insertAppealUnit(db, {
    appeal_id: appeal.id,
    unit_id: unit.id,
    routed_at: now.toISOString(),
    routed_by: ctx.actor.id,
  });
  return {
    id: newId(),
    appeal_id: appeal.id,
    unit_id: unit.id,
    role,
    status: 'pending',
    decisive: role === 'co' && decisive,
    dispatcher_area_code: ctx.scope.areaCode,
    dispatched_at: now.toISOString(),
    dispatched_by: ctx.actor.id,
    may_return: true,
    ...(await timesFor(db, appeal, role, now)),
    replaces_id: replacesId,
    version: 1,
  };
}

/**
 * Dispatches an appeal the caller's level holds to a lead department and co-departments: each
 * sees it, is told, and may return it once within the window; the resident's page names the lead.
 */
export async function dispatchAppeal(
  db: Db,
  ctx: AreaContext,
  body: DispatchCreateBody,
): Promise<Dispatch[]> {
  const appeal = await loadAppeal(db, ctx, body.appealId);
  if (appeal.holder_area_code !== ctx.scope.areaCode) throw new AppError('APPEAL_NOT_HELD');
  if (!openAppealStatuses.includes(appeal.status))
    throw new AppError('APPEAL_STATE_INVALID', { status: appeal.status });
  const now = ctx.clock.now();
  await touchAppeal(db, appeal.id, body.version, now.toISOString());
  const lead = await currentLead(db, appeal.id);
  if (lead) {
    const unit = await getUnit(db, ctx.scope, lead.unit_id);
    throw new AppError('DISPATCH_LEAD_EXISTS', { unit: unit.name });
  }
  const leadUnit = await dispatchableUnit(db, ctx, appeal, body.leadUnitId);
  const coUnits = [];
  for (const co of body.coUnits)
    coUnits.push({ unit: await dispatchableUnit(db, ctx, appeal, co.unitId), co });
  const rows = [await newRow(db, ctx, appeal, leadUnit, 'lead', false, null)];
  for (const { unit, co } of coUnits) rows.push(await newRow(db, ctx, appeal, unit, 'co', co.decisive, null));
  await insertDispatches(db, rows);
  // The resident reads who handles it; the co-units and the dispatcher's note are for the units.
  await appendToTimeline(db, ctx, appeal.id, {
    kind: 'dispatched',
    note: `由${leadUnit.name}办理`,
    public: true,
  });
  const units = [leadUnit, ...coUnits.map((c) => c.unit)];
  await enqueueNotifications(
    db,
    ctx.clock,
    rows.map((row, i) =>
      newDispatchNotice(appeal, units[i] as Unit, row.role, String(row.due_at), body.note),
    ),
  );
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'appeal.dispatch',
    objectType: 'appeal',
    objectId: appeal.id,
    areaCode: appeal.village_code,
    after: {
      lead: leadUnit.id,
      co: coUnits.map((c) => ({ unit: c.unit.id, decisive: c.co.decisive })),
      note: body.note ?? null,
    },
  });
  const stored = await dispatchesOfAppeal(db, appeal.id);
  return stored.filter((row) => rows.some((r) => r.id === row.id)).map((row) => toDispatch(ctx, row, now));
}

export async function write(
  db: Db,
  row: DispatchRecord,
  patch: Parameters<typeof updateDispatch>[3],
): Promise<void> {
  if (!(await updateDispatch(db, row.id, row.version, patch))) throw new AppError('VERSION_CONFLICT');
}

export async function audit(db: Db, ctx: Ctx, row: DispatchRecord, action: string, after: unknown) {
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: `dispatch.${action}`,
    objectType: 'appeal',
    objectId: row.appeal_id,
    areaCode: row.village_code,
    before: { status: row.status, unit: row.unit_id },
    after,
  });
}

export const reload = async (db: Db, ctx: Ctx, id: string) =>
  toDispatch(ctx, await loadDispatch(db, ctx, id), ctx.clock.now());

/** Loads a returned dispatch for the dispatcher's decision. */
async function forDecision(db: Db, ctx: AreaContext, id: string, version: number): Promise<DispatchRecord> {
  const row = await loadDispatch(db, ctx, id);
  if (!isDispatcher(ctx, row)) throw new AppError('APPEAL_NOT_HELD');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  if (row.status !== 'returned' || row.decision !== null)
    throw new AppError('DISPATCH_STATE_INVALID', { status: row.status });
  return row;
}

/** Gives a returned dispatch to another unit, in the same role: the new unit may return it once too. */
export async function redispatch(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: DispatchRedispatchBody,
): Promise<Dispatch> {
  const row = await forDecision(db, ctx, id, body.version);
  const appeal = await loadAppeal(db, ctx, row.appeal_id);
  const unit = await dispatchableUnit(db, ctx, appeal, body.unitId);
  if (unit.id === row.unit_id) throw new AppError('DISPATCH_UNIT_INVALID', { unit: unit.name });
  const nowIso = ctx.clock.now().toISOString();
  await write(db, row, {
    status: 'redispatched',
    decision: 'redispatched',
    decision_note: body.note ?? null,
    decided_at: nowIso,
    decided_by: ctx.actor.id,
  });
  const next = await newRow(db, ctx, appeal, unit, row.role, Boolean(row.decisive), row.id);
  await insertDispatches(db, [next]);
  await appendToTimeline(db, ctx, row.appeal_id, {
    kind: 'redispatched',
    note: row.role === 'lead' ? `改由${unit.name}办理` : `改由${unit.name}协办`,
    public: row.role === 'lead',
  });
  await enqueueNotifications(db, ctx.clock, [
    newDispatchNotice(appeal, unit, row.role, String(next.due_at), body.note),
  ]);
  await audit(db, ctx, row, 'redispatch', { unit: unit.id, dispatch: next.id, note: body.note ?? null });
  return reload(db, ctx, String(next.id));
}

/** Refuses a return: the unit keeps the dispatch, accepted, and cannot return it again. */
export async function overrule(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: DispatchOverruleBody,
): Promise<Dispatch> {
  const row = await forDecision(db, ctx, id, body.version);
  const nowIso = ctx.clock.now().toISOString();
  await write(db, row, {
    status: 'accepted',
    accepted_at: row.accepted_at ?? nowIso,
    decision: 'overruled',
    decision_note: body.note,
    decided_at: nowIso,
    decided_by: ctx.actor.id,
  });
  await appendToTimeline(db, ctx, row.appeal_id, {
    kind: 'dispatch_overruled',
    note: `退单不予同意，仍由${row.unit_name}${roleName[row.role]}：${body.note}`,
  });
  const notice: OutgoingNotification = {
    kind: 'dispatch.new',
    areaCode: row.dispatcher_area_code,
    recipient: row.unit_name,
    message: `退单未获同意：${row.tracking_code}「${row.title}」仍由贵单位${roleName[row.role]}。${body.note}`,
    appealId: row.appeal_id,
  };
  await enqueueNotifications(db, ctx.clock, [notice]);
  await audit(db, ctx, row, 'overrule', { status: 'accepted', note: body.note });
  return reload(db, ctx, id);
}
