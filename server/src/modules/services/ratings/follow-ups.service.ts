import type { RatedParty, RatingFollowUp, RatingFollowUpsPage, RatingFollowUpsQuery } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { RatingFollowUpsTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { RequestContext } from '../../../platform/request-context';
import type { Scope } from '../../../platform/scope';
import { type FollowUpRow, followUpInScope, listFollowUps, updateFollowUp } from './ratings.repository';
import { prefixOfCode } from './ratings.service';

// A 差评's follow-up: called back, answered to the resident (rectified or explained) within the set
// working days; the rated party may ask for a review (申诉复核), decided by the station head (the
// agent's 差评) or the district (the unit's), upheld (still to be answered) or overturned.

const waiting = new Set(['open', 'review_requested']);

function toFollowUp(row: FollowUpRow, now: string): RatingFollowUp {
  return {
    id: row.id,
    ratingId: row.rating_id,
    requestId: row.request_id,
    trackingCode: row.tracking_code,
    itemName: row.item_name,
    party: row.party,
    level: row.party === 'agent' ? row.agent_level : row.unit_level,
    comment: row.comment,
    ratedAt: row.rated_at,
    applicantName: row.applicant_name,
    phoneMasked: row.phone_masked,
    areaCode: row.area_code,
    areaName: row.area_name,
    stationId: row.station_id,
    stationName: row.station_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    agentId: row.agent_id,
    agentName: row.agent_name,
    status: row.status,
    dueAt: row.due_at,
    overdue: waiting.has(row.status) && row.due_at < now,
    calledBackAt: row.called_back_at,
    callbackNote: row.callback_note,
    outcome: row.outcome,
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredByName: row.answered_by_name,
    reviewReason: row.review_reason,
    reviewRequestedAt: row.review_requested_at,
    reviewRequestedByName: row.review_requested_by_name,
    reviewDecision: row.review_decision,
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at,
    reviewedByName: row.reviewed_by_name,
    createdAt: row.created_at,
    version: row.version,
  };
}

export async function followUpsInReach(
  db: Db,
  ctx: RequestContext,
  query: RatingFollowUpsQuery,
): Promise<RatingFollowUpsPage> {
  const now = ctx.clock.now().toISOString();
  const { areaCode, overdue, limit = 50, offset = 0, ...rest } = query;
  const page = await listFollowUps(
    db,
    ctx.scope,
    {
      ...rest,
      areaPrefix: areaCode ? prefixOfCode(areaCode) : undefined,
      overdueAt: overdue === 'true' ? now : undefined,
      limit,
      offset,
    },
    now,
  );
  return { items: page.items.map((r) => toFollowUp(r, now)), total: page.total, overdue: page.overdue };
}

async function load(db: Db, ctx: RequestContext, id: string): Promise<FollowUpRow> {
  const row = await followUpInScope(db, ctx.scope, id);
  if (!row) throw notFound();
  return row;
}

export async function followUp(db: Db, ctx: RequestContext, id: string): Promise<RatingFollowUp> {
  return toFollowUp(await load(db, ctx, id), ctx.clock.now().toISOString());
}

/** Who answers for a party: the station (or an area above it) for the agent, the unit (or an area) for the unit. */
function answersFor(scope: Scope, party: RatedParty): boolean {
  if (scope.reach === 'area') return true;
  if (scope.reach === 'station') return party === 'agent';
  if (scope.reach === 'unit') return party === 'unit';
  return false;
}

/**
 * Who asks for a review: the rated party — the agent's station (or the town or district over it,
 * for a station without a head) for the agent's 差评, the unit's staff for the unit's.
 */
function isRatedParty(scope: Scope, row: FollowUpRow): boolean {
  if (row.party === 'agent')
    return (scope.reach === 'station' && scope.stationId === row.station_id) || scope.reach === 'area';
  return scope.reach === 'unit' && scope.unitId === row.unit_id;
}

/** Who decides a review: the station head or an area over the station (agent), the district (unit). */
function decidesReview(scope: Scope, row: FollowUpRow): boolean {
  if (row.party === 'agent')
    return (scope.reach === 'station' && scope.stationId === row.station_id) || scope.reach === 'area';
  return scope.reach === 'area' && scope.kind === 'district';
}

async function write(
  trx: Db,
  ctx: RequestContext,
  row: FollowUpRow,
  version: number,
  set: Partial<Omit<RatingFollowUpsTable, 'id' | 'version'>>,
  action: string,
): Promise<RatingFollowUp> {
  if (!(await updateFollowUp(trx, row.id, version, set))) throw new AppError('VERSION_CONFLICT');
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action,
    objectType: 'rating_follow_up',
    objectId: row.id,
    areaCode: row.area_code,
    after: set,
  });
  return followUp(trx, ctx, row.id);
}

export async function recordCallback(
  trx: Db,
  ctx: RequestContext,
  id: string,
  body: { version: number; note: string },
): Promise<RatingFollowUp> {
  const row = await load(trx, ctx, id);
  if (!answersFor(ctx.scope, row.party)) throw new AppError('FORBIDDEN');
  if (!waiting.has(row.status)) throw new AppError('FOLLOW_UP_STATE_INVALID');
  const at = ctx.clock.now().toISOString();
  return write(
    trx,
    ctx,
    row,
    body.version,
    { called_back_at: at, callback_note: body.note },
    'rating_follow_up.callback',
  );
}

export async function answerFollowUp(
  trx: Db,
  ctx: RequestContext,
  id: string,
  body: { version: number; outcome: 'rectified' | 'explained'; answer: string },
): Promise<RatingFollowUp> {
  const row = await load(trx, ctx, id);
  if (!answersFor(ctx.scope, row.party)) throw new AppError('FORBIDDEN');
  if (row.status !== 'open') throw new AppError('FOLLOW_UP_STATE_INVALID');
  const at = ctx.clock.now().toISOString();
  const result = await write(
    trx,
    ctx,
    row,
    body.version,
    {
      status: 'answered',
      outcome: body.outcome,
      answer: body.answer,
      answered_at: at,
      answered_by: ctx.caller.id,
    },
    'rating_follow_up.answer',
  );
  // The answer goes to the resident who gave the 差评, by SMS.
  await enqueueNotifications(trx, ctx.clock, [
    {
      kind: 'service.follow_up_answer',
      areaCode: row.area_code,
      recipient: row.phone_masked,
      phoneEnc: row.phone_enc,
      message: `您对代办件 ${row.tracking_code}「${row.item_name}」的评价已${body.outcome === 'rectified' ? '整改' : '核实说明'}：${body.answer}`,
    },
  ]);
  return result;
}

export async function requestReview(
  trx: Db,
  ctx: RequestContext,
  id: string,
  body: { version: number; reason: string },
): Promise<RatingFollowUp> {
  const row = await load(trx, ctx, id);
  if (!isRatedParty(ctx.scope, row)) throw new AppError('FORBIDDEN');
  // Once only, and before the 差评 is answered.
  if (row.status !== 'open' || row.review_decision !== null) throw new AppError('FOLLOW_UP_STATE_INVALID');
  const at = ctx.clock.now().toISOString();
  return write(
    trx,
    ctx,
    row,
    body.version,
    {
      status: 'review_requested',
      review_reason: body.reason,
      review_requested_at: at,
      review_requested_by: ctx.caller.id,
    },
    'rating_follow_up.request_review',
  );
}

export async function decideReview(
  trx: Db,
  ctx: RequestContext,
  id: string,
  body: { version: number; decision: 'upheld' | 'overturned'; note: string },
): Promise<RatingFollowUp> {
  const row = await load(trx, ctx, id);
  if (row.status !== 'review_requested') throw new AppError('FOLLOW_UP_STATE_INVALID');
  if (!decidesReview(ctx.scope, row) || row.review_requested_by === ctx.caller.id)
    throw new AppError('FORBIDDEN');
  const at = ctx.clock.now().toISOString();
  return write(
    trx,
    ctx,
    row,
    body.version,
    {
      status: body.decision === 'upheld' ? 'open' : 'overturned',
      review_decision: body.decision,
      review_note: body.note,
      reviewed_at: at,
      reviewed_by: ctx.caller.id,
    },
    'rating_follow_up.decide_review',
  );
}
