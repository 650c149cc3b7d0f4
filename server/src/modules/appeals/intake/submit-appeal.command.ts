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
  input: { appeal: AppealCreateBody; source: AppealSource; createdBy: string | null },
): Promise<{ id: string; trackingCode: string; created: boolean }> {
  const existing = await findAppealBySource(trx, input.source.kind, input.source.id);
  if (existing) return { id: existing.id, trackingCode: existing.tracking_code, created: false };
  // Whatever the caller's reach, the appeal is filed in a village of the area they sit in.
  const areaCtx = { ...ctx, scope: seatOf(ctx.scope) };
  const prepared = await prepareAppeal(trx, areaCtx, input.appeal, {
    createdBy: input.createdBy,
    ipHash: null,
  });
  if ('existing' in prepared) return { ...prepared.existing, created: false };
  prepared.row.source_kind = input.source.kind;
  prepared.row.source_id = input.source.id;
  await storeAppeals(trx, ctx.clock, [prepared]);
  return { id: prepared.row.id, trackingCode: prepared.row.tracking_code, created: true };
}
