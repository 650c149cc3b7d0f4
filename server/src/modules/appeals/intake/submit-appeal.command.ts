import type { AppealCreateBody, AppealSourceKind } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { RequestContext } from '../../../platform/request-context';
import { type Scope, seatOf } from '../../../platform/scope';
import { findAppealBySource } from '../appeals.repository';
import { prepareAppeal, storeAppeals } from './intake.service';

export interface AppealSource {
  kind: AppealSourceKind;
  /** The record it came from, in the module that raised it (an objection's id, a request's id…). */
  id: string;
}

/**
 * The one way another module turns something into an appeal: an objection to a notice, a 代办
 * request that reveals a problem, a CPPCC member's 社情民意 report, an early warning. It is taken
 * in like any appeal (its category's level and deadlines, the timeline, the notice to the unit
 * that must accept it), carries its source, and is made once per source: asking again answers
 * with the appeal already made. Runs in the caller's transaction, so the source's own record of
 * the appeal commits with it.
 */
export async function submitAppeal(
  trx: Db,
  ctx: Pick<RequestContext, 'clock' | 'secrets' | 'actor'> & { scope: Scope },
  input: {
    appeal: AppealCreateBody;
    source: AppealSource;
    createdBy: string | null;
    /** The report names no village: filed in the queue of the area `appeal.villageCode` names. */
    unplaced?: boolean;
    /** A deadline the source sets (a 12345 work order's): the appeal's are never later than it. */
    dueBy?: string | null;
  },
): Promise<{ id: string; trackingCode: string; created: boolean }> {
  const existing = await findAppealBySource(trx, input.source.kind, input.source.id);
  if (existing) return { id: existing.id, trackingCode: existing.tracking_code, created: false };
  // Whatever the caller's reach, the appeal is filed in a village of the area they sit in.
  const areaCtx = { ...ctx, scope: seatOf(ctx.scope) };
  const prepared = await prepareAppeal(trx, areaCtx, input.appeal, {
    createdBy: input.createdBy,
    ipHash: null,
    unplaced: input.unplaced === true,
  });
  if ('existing' in prepared) return { ...prepared.existing, created: false };
  prepared.row.source_kind = input.source.kind;
  prepared.row.source_id = input.source.id;
  if (input.dueBy) bringForward(prepared.row, input.dueBy);
  await storeAppeals(trx, ctx.clock, [prepared]);
  return { id: prepared.row.id, trackingCode: prepared.row.tracking_code, created: true };
}

type Deadlines = Record<'received_at' | 'response_due_at' | 'resolution_due_at', string> &
  Partial<Record<'response_warn_at' | 'resolution_warn_at', string | null>>;

/**
 * Brings the deadlines forward to a source's own, when it is earlier (never before the appeal was
 * received); each warning keeps its share of the shortened time.
 */
function bringForward(row: Deadlines, dueBy: string): void {
  const from = Date.parse(row.received_at);
  const due = Math.max(from, Date.parse(dueBy));
  const cap = (current: string, warn: string | null | undefined): [string, string] | null => {
    const until = Date.parse(current);
    if (due >= until) return null;
    const share = warn && until > from ? (Date.parse(warn) - from) / (until - from) : 1;
    return [new Date(due).toISOString(), new Date(from + (due - from) * share).toISOString()];
  };
  const resolution = cap(row.resolution_due_at, row.resolution_warn_at);
  if (resolution) [row.resolution_due_at, row.resolution_warn_at] = resolution;
  const response = cap(row.response_due_at, row.response_warn_at);
  if (response) [row.response_due_at, row.response_warn_at] = response;
}
