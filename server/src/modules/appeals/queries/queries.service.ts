import {
  type Appeal,
  type AppealEvent,
  type AppealStats,
  type AppealSummary,
  type AppealsListQuery,
  type AppealsPage,
  chinaDayAfter,
  chinaDayStart,
  type QueryFlag,
  rate,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { decodeCursor, encodeCursor } from '../../../platform/cursor';
import { AppError } from '../../../platform/errors';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { type AreaScope, scopeOf, seatOf } from '../../../platform/scope';
import { findArea } from '../../areas';
import { availableActions } from '../actions/rules';
import { type AppealRow, appealEvents, type EventRow } from '../appeals.repository';
import { appealAttachments } from '../attachments/attachments.service';
import { latestCallback } from '../callbacks/callbacks.repository';
import { HOUR, isOpen, loadAppeal } from '../lifecycle';
import { mediationOf } from '../mediation/mediation.repository';
import {
  type AppealFilter,
  type AppealListRow,
  appealCounts,
  countAppeals,
  listAppeals,
} from './queries.repository';

function isOverdue(row: AppealRow, now: string): boolean {
  if (!isOpen(row.status)) return false;
  return row.resolution_due_at < now || (row.status === 'received' && row.response_due_at < now);
}

function toSummary(row: AppealListRow, now: string): AppealSummary {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    title: row.title,
    categoryCode: row.category_code,
    channel: row.channel,
    urgency: row.urgency,
    status: row.status,
    level: row.level,
    villageCode: row.village_code,
    villageName: row.village_name,
    holderAreaCode: row.holder_area_code,
    handlerId: row.handler_id,
    handlerName: row.handler_name,
    receivedAt: row.received_at,
    responseDueAt: row.response_due_at,
    resolutionDueAt: row.resolution_due_at,
    overdue: isOverdue(row, now),
    deferralPending: row.deferral_reason !== null && !row.deferral_approved && isOpen(row.status),
    rating: row.rating,
    version: row.version,
  };
}

function toEvent(row: EventRow): AppealEvent {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    actorName: row.actor_name,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    fromLevel: row.from_level,
    toLevel: row.to_level,
    note: row.note,
    public: Boolean(row.public),
  };
}

export async function getAppeal(db: Db, ctx: RequestContext, id: string): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  const [events, callback, attachments, mediation] = await Promise.all([
    appealEvents(db, id),
    latestCallback(db, id),
    appealAttachments(db, id),
    mediationOf(db, id),
  ]);
  const now = ctx.clock.now().toISOString();
  const callbackOpen = callback !== undefined && callback.done_at === null;
  return {
    ...toSummary(row, now),
    description: row.description,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    reporterKind: row.reporter_kind,
    reporterName: row.reporter_name,
    reporterPhone: row.reporter_phone_masked,
    reporterResidentId: row.reporter_resident_id,
    householdId: row.household_id,
    acceptedAt: row.accepted_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    resolution: row.resolution,
    resolvedLevel: row.resolved_level,
    maxLevel: row.max_level,
    deferral:
      row.deferral_reason !== null && row.deferral_date !== null
        ? {
            reason: row.deferral_reason,
            plannedDate: row.deferral_date,
            approved: Boolean(row.deferral_approved),
          }
        : null,
    mergedIntoId: row.merged_into_id,
    source: row.source_kind && row.source_id ? { kind: row.source_kind, id: row.source_id } : null,
    mediationId: mediation?.id ?? null,
    reopenCount: row.reopen_count,
    ratingComment: row.rating_comment,
    callback: callback
      ? {
          id: callback.id,
          dueAt: callback.due_at,
          doneAt: callback.done_at,
          doneByName: callback.done_by_name,
          rating: callback.rating,
          comment: callback.comment,
        }
      : null,
    timeline: events.map(toEvent),
    attachments,
    // Actions belong to the area that holds the appeal; dispatch gives units theirs.
    actions: ctx.scope.reach === 'area' ? availableActions(row, ctx as AreaContext, callbackOpen) : [],
  };
}

const yes = (flag: QueryFlag | undefined) => (flag === undefined ? undefined : flag === 'true');

/** The list filter of a query: China calendar days as instants, yes/no filters as booleans. */
function appealFilterOf(query: AppealsListQuery): AppealFilter {
  const { limit: _, cursor: __, areaCode: ___, withTotal: ____, receivedFrom, receivedTo, ...rest } = query;
  return {
    ...rest,
    receivedSince: receivedFrom ? chinaDayStart(receivedFrom).toISOString() : undefined,
    receivedBefore: receivedTo ? chinaDayAfter(receivedTo).toISOString() : undefined,
    responded: yes(query.responded),
    resolved: yes(query.resolved),
    onTime: yes(query.onTime),
    rated: yes(query.rated),
    satisfied: yes(query.satisfied),
    merged: yes(query.merged),
  };
}

export async function listAppealsInScope(
  db: Db,
  ctx: RequestContext,
  query: AppealsListQuery,
): Promise<AppealsPage> {
  let within: AreaScope | null = null;
  if (query.areaCode) {
    const area = await findArea(db, seatOf(ctx.scope), query.areaCode);
    if (!area) return { items: [], nextCursor: null, total: query.withTotal === 'true' ? 0 : null };
    within = scopeOf(area);
  }
  const reach = { scope: ctx.scope, within };
  const now = ctx.clock.now().toISOString();
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const filter = appealFilterOf(query);
  const at = { callerId: ctx.caller.id, now };
  const [rows, total] = await Promise.all([
    listAppeals(db, reach, filter, at, cursor, query.limit),
    query.withTotal === 'true' ? countAppeals(db, reach, filter, at) : null,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.received_at, last.id]) : null,
    total,
  };
}

/** The figures the assessment uses, for appeals received in a period (China calendar days). */
export async function appealStats(
  db: Db,
  ctx: Pick<AreaContext, 'scope'>,
  query: { areaCode?: string | undefined; from: string; to: string },
): Promise<AppealStats> {
  let scope = ctx.scope;
  if (query.areaCode) {
    const area = await findArea(db, ctx.scope, query.areaCode);
    if (!area) throw new AppError('AREA_UNKNOWN', { code: query.areaCode });
    scope = scopeOf(area);
  }
  const from = chinaDayStart(query.from).toISOString();
  const to = new Date(chinaDayStart(query.to).getTime() + 24 * HOUR).toISOString();
  const c = await appealCounts(db, scope, from, to);
  return {
    received: c.received,
    responseRate: rate(c.responded, c.received),
    resolutionRate: rate(c.resolved, c.received),
    satisfactionRate: rate(c.satisfied, c.rated),
    onTimeRate: rate(c.on_time, c.resolved),
    resolvedAtVillage: rate(c.at_village, c.resolved),
    resolvedAtTown: rate(c.at_town, c.resolved),
    escalatedToDistrict: rate(c.to_district, c.received),
  };
}
