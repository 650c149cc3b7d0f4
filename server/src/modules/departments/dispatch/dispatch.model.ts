import {
  activeDispatchStatuses,
  type Dispatch,
  type DispatchAction,
  type DispatchQueueItem,
  type DispatchSettings,
  defaultDispatchSettings,
  hasPermission,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { RequestContext } from '../../../platform/request-context';
import { readSetting } from '../../../platform/settings/settings.repository';
import type { DispatchRow, findDispatch } from './dispatch.repository';

/** A dispatch as the repository reads it, with its unit's name and what a queue shows of the appeal. */
export type DispatchRecord = NonNullable<Awaited<ReturnType<typeof findDispatch>>>;

/** The district's dispatch settings, or the defaults before anyone edited them. */
export async function dispatchSettings(db: Db): Promise<DispatchSettings> {
  return (await readSetting<DispatchSettings>(db, 'dispatch')) ?? defaultDispatchSettings;
}

const isActive = (row: Pick<DispatchRow, 'status'>) => activeDispatchStatuses.includes(row.status);

/** Whether the caller is the staff of the unit the dispatch was given to. */
export function isUnitStaff(
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  row: Pick<DispatchRow, 'unit_id'>,
) {
  return (
    ctx.scope.reach === 'unit' &&
    ctx.scope.unitId === row.unit_id &&
    hasPermission(ctx.caller.role, 'dispatch.work')
  );
}

/** Whether the caller sits where the dispatch was made and may decide on it. */
export function isDispatcher(
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  row: Pick<DispatchRow, 'dispatcher_area_code'>,
) {
  return (
    ctx.scope.reach === 'area' &&
    ctx.scope.areaCode === row.dispatcher_area_code &&
    hasPermission(ctx.caller.role, 'appeals.dispatch')
  );
}

/** Whether the unit may still return the dispatch (退单): once, within the window, before its work is done. */
export function mayReturn(row: DispatchRow, now: Date): boolean {
  return isActive(row) && Boolean(row.may_return) && now.toISOString() < row.returnable_until;
}

/** What the caller may do with the dispatch now; the service checks the same rules on every action. */
export function dispatchActionsFor(
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  row: DispatchRecord,
  now: Date,
): DispatchAction[] {
  const actions: DispatchAction[] = [];
  if (isUnitStaff(ctx, row)) {
    if (row.status === 'pending') actions.push('accept');
    if (mayReturn(row, now)) actions.push('return');
    if (row.role === 'co' && isActive(row)) actions.push('part');
    if (row.role === 'lead' && row.status === 'accepted') actions.push('note', 'defer', 'resolve');
  }
  if (isDispatcher(ctx, row) && row.status === 'returned' && row.decision === null) {
    actions.push('redispatch', 'overrule');
  }
  return actions;
}

export function toDispatch(
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  row: DispatchRecord,
  now: Date,
): Dispatch {
  return {
    id: row.id,
    appealId: row.appeal_id,
    unit: { id: row.unit_id, name: row.unit_name },
    role: row.role,
    status: row.status,
    decisive: Boolean(row.decisive),
    dispatchedAt: row.dispatched_at,
    dispatchedBy: row.dispatched_by,
    returnableUntil: row.returnable_until,
    dueAt: row.due_at,
    overdue: isActive(row) && row.due_at < now.toISOString(),
    supervisedAt: row.supervised_at,
    acceptedAt: row.accepted_at,
    returnedAt: row.returned_at,
    returnReason: row.return_reason,
    decision: row.decision,
    decisionNote: row.decision_note,
    part: row.part,
    partAt: row.part_at,
    replacesId: row.replaces_id,
    actions: dispatchActionsFor(ctx, row, now),
    version: row.version,
  };
}

export function toQueueItem(
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  row: DispatchRecord,
  now: Date,
): DispatchQueueItem {
  return {
    ...toDispatch(ctx, row, now),
    appeal: {
      trackingCode: row.tracking_code,
      title: row.title,
      categoryCode: row.category_code,
      urgency: row.urgency,
      status: row.appeal_status,
      villageName: row.village_name,
    },
  };
}
