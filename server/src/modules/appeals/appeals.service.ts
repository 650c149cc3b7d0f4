import { randomInt } from 'node:crypto';
import {
  type Appeal,
  type AppealCreateBody,
  type AppealEvent,
  type AppealRating,
  type AppealStats,
  type AppealSummary,
  type AppealsListQuery,
  type AppealsPage,
  type CallbackBody,
  type CallbackTask,
  chinaDayAfter,
  chinaDayStart,
  maskPhone,
  type QueryFlag,
  rate,
  type SimilarAppeal,
} from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppealAttachmentsTable, AppealEventsTable, AppealsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../platform/notifications/notifications.service';
import type { AreaContext } from '../../platform/request-context';
import { type AreaScope, codeInScope, scopeOf } from '../../platform/scope';
import { findArea } from '../areas';
import { findHousehold, findResident } from '../households';
import { availableActions } from './actions/rules';
import {
  type AppealFilter,
  type AppealListRow,
  type AppealRow,
  appealCounts,
  appealEvents,
  countAppeals,
  type EventRow,
  findCategory,
  holderOf,
  insertEvents,
  latestCallback,
  listAppeals,
  openCallbacks,
  similarCandidates,
  updateAppeal,
  updateCallback,
} from './appeals.repository';
import { appealAttachments } from './attachments';
import { appealSettings, deadlines } from './intake/deadlines';
import {
  appealLevelNames,
  event,
  isOpen,
  levelAbove,
  levelChange,
  loadAppeal,
  newLevelNotice,
} from './lifecycle';
import { bigrams, dice } from './similarity';

const HOUR = 3_600_000;
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code a resident can read over the phone: no 0/O or 1/I. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

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

export async function getAppeal(db: Db, ctx: AreaContext, id: string): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  const [events, callback, attachments, mediation] = await Promise.all([
    appealEvents(db, id),
    latestCallback(db, id),
    appealAttachments(db, id),
    db.selectFrom('mediations').select('id').where('appeal_id', '=', id).executeTakeFirst(),
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
    actions: availableActions(row, ctx, callbackOpen),
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
  ctx: AreaContext,
  query: AppealsListQuery,
): Promise<AppealsPage> {
  let scope: AreaScope = ctx.scope;
  if (query.areaCode) {
    const area = await findArea(db, ctx.scope, query.areaCode);
    if (!area) return { items: [], nextCursor: null, total: query.withTotal === 'true' ? 0 : null };
    scope = scopeOf(area);
  }
  const now = ctx.clock.now().toISOString();
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const filter = appealFilterOf(query);
  const at = { callerId: ctx.caller.id, now };
  const [rows, total] = await Promise.all([
    listAppeals(db, scope, filter, at, cursor, query.limit),
    query.withTotal === 'true' ? countAppeals(db, scope, filter, at) : null,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.received_at, last.id]) : null,
    total,
  };
}

export interface CreateSource {
  /** Who took it in; null on the public page. */
  createdBy: string | null;
  /** A hashed client address, for the public page's limits. */
  ipHash: string | null;
}

/**
 * Takes in an appeal: it lands at its category's level with its deadlines, an entry on the
 * timeline and a notice to the unit that must accept it. A retried submission with the same
 * client id answers with the appeal already stored.
 */
export async function createAppeal(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'secrets' | 'scope' | 'actor'>,
  body: AppealCreateBody,
  source: CreateSource,
): Promise<{ id: string; trackingCode: string; created: boolean }> {
  const prepared = await prepareAppeal(db, ctx, body, source);
  if ('existing' in prepared) return { ...prepared.existing, created: false };
  await storeAppeals(db, ctx.clock, [prepared]);
  return { id: prepared.row.id, trackingCode: prepared.row.tracking_code, created: true };
}

/** An appeal checked and built, ready to be written (alone, or with others in one commit). */
export interface PreparedAppeal {
  row: Insertable<AppealsTable> & { id: string; tracking_code: string; resolution_due_at: string };
  event: Insertable<AppealEventsTable>;
  notice: OutgoingNotification;
  actor: AreaContext['actor'];
  /** A photo sent with the submission, already cleaned. */
  attachment?: Insertable<AppealAttachmentsTable>;
  /** Staff intake is audited; the public page's submissions are on the appeal's timeline. */
  audited: boolean;
}

/** Checks an intake and builds its rows, reading only; a known client id answers with the stored appeal. */
export async function prepareAppeal(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'secrets' | 'scope' | 'actor'>,
  body: AppealCreateBody,
  source: CreateSource,
): Promise<PreparedAppeal | { existing: { id: string; trackingCode: string } }> {
  if (body.id) {
    const existing = await db.selectFrom('appeals').selectAll().where('id', '=', body.id).executeTakeFirst();
    if (existing) {
      const same =
        existing.created_by === source.createdBy &&
        existing.title === body.title &&
        existing.description === body.description &&
        existing.village_code === body.villageCode &&
        // On the public page the phone is what proves it is the same resident.
        (source.createdBy !== null ||
          existing.reporter_phone_hash ===
            (body.reporterPhone ? ctx.secrets.lookupHash(body.reporterPhone) : null));
      if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { existing: { id: existing.id, trackingCode: existing.tracking_code } };
    }
  }
  const category = await findCategory(db, body.categoryCode);
  if (!category?.active) throw new AppError('APPEAL_CATEGORY_UNKNOWN', { code: body.categoryCode });
  const village = await findArea(db, ctx.scope, body.villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode });

  let householdId = body.householdId;
  let reporterName = body.reporterName;
  let reporterPhone = body.reporterPhone;
  if (body.reporterKind === 'resident' && body.reporterResidentId) {
    const resident = await findResident(db, ctx.scope, body.reporterResidentId);
    if (!resident) throw notFound();
    householdId = householdId ?? resident.household_id;
    reporterName = reporterName ?? resident.name;
    reporterPhone = reporterPhone ?? resident.phone;
  }
  if (householdId && !(await findHousehold(db, ctx.scope, householdId))) throw notFound();
  if (body.reporterKind === 'anonymous') {
    reporterName = null;
    reporterPhone = null;
  }

  const settings = await appealSettings(db);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const urgency = body.urgency ?? category.default_urgency;
  const level = category.default_level;
  const holder = holderOf(village.code, level);
  const row: PreparedAppeal['row'] = {
    id: body.id ?? newId(),
    tracking_code: newTrackingCode(),
    title: body.title,
    description: body.description,
    category_code: category.code,
    channel: body.channel,
    urgency,
    status: 'received',
    level,
    max_level: level,
    village_code: village.code,
    holder_area_code: holder,
    handler_id: null,
    address: body.address,
    latitude: body.latitude,
    longitude: body.longitude,
    reporter_kind: body.reporterKind,
    reporter_resident_id: body.reporterKind === 'resident' ? body.reporterResidentId : null,
    household_id: householdId,
    reporter_name: reporterName,
    reporter_phone_enc: reporterPhone ? ctx.secrets.encrypt(reporterPhone) : null,
    reporter_phone_hash: reporterPhone ? ctx.secrets.lookupHash(reporterPhone) : null,
    reporter_phone_masked: reporterPhone ? maskPhone(reporterPhone) : null,
    submitter_ip_hash: source.ipHash,
    received_at: nowIso,
    ...deadlines(now, settings, category, urgency),
    accepted_at: null,
    resolved_at: null,
    resolved_level: null,
    resolved_by: null,
    closed_at: null,
    resolution: null,
    deferral_reason: null,
    deferral_date: null,
    deferral_approved: false,
    merged_into_id: null,
    reopen_count: 0,
    rating: null,
    rating_comment: null,
    rated_at: null,
    screening_id: null,
    created_by: source.createdBy,
    version: 1,
    updated_at: nowIso,
  };
  return {
    row,
    event: event(row.id, nowIso, ctx.actor, {
      kind: 'submitted',
      to_status: 'received',
      to_level: level,
      note: null,
      public: true,
    }),
    notice: newLevelNotice(row, holder, level),
    actor: ctx.actor,
    audited: source.createdBy !== null,
  };
}

/** Writes prepared appeals: their rows, first timeline entries, notices and audit entries. */
export async function storeAppeals(
  db: Db,
  clock: AreaContext['clock'],
  appeals: PreparedAppeal[],
): Promise<void> {
  if (appeals.length === 0) return;
  await db
    .insertInto('appeals')
    .values(appeals.map((a) => a.row))
    .execute();
  await insertEvents(
    db,
    appeals.map((a) => a.event),
  );
  await enqueueNotifications(
    db,
    clock,
    appeals.map((a) => a.notice),
  );
  const attachments = appeals.flatMap((a) => (a.attachment ? [a.attachment] : []));
  if (attachments.length > 0) await db.insertInto('appeal_attachments').values(attachments).execute();
  for (const a of appeals.filter((x) => x.audited)) {
    await recordAudit(db, clock, a.actor, {
      action: 'appeal.create',
      objectType: 'appeal',
      objectId: a.row.id,
      areaCode: a.row.village_code,
      after: {
        channel: a.row.channel,
        category: a.row.category_code,
        level: a.row.level,
        urgency: a.row.urgency,
      },
    });
  }
}

/**
 * Applies a resident's rating (at callback or on the public page): satisfied or basically
 * satisfied closes the appeal; unsatisfied reopens it, and after too many reopenings sends it up.
 */
async function applyRating(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor'>,
  row: AppealRow,
  rating: AppealRating,
  comment: string,
  via: 'callback' | 'rated',
): Promise<void> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const events: Insertable<AppealEventsTable>[] = [
    event(row.id, nowIso, ctx.actor, { kind: via, note: comment || null, public: via === 'rated' }),
  ];
  let patch: Updateable<AppealsTable>;
  if (rating !== 'unsatisfied') {
    patch = { status: 'closed', closed_at: nowIso };
    events.push(
      event(row.id, nowIso, ctx.actor, {
        kind: 'closed',
        from_status: 'resolved',
        to_status: 'closed',
        public: true,
      }),
    );
  } else {
    const settings = await appealSettings(db);
    const category = await findCategory(db, row.category_code);
    if (!category) throw new Error(`appeal ${row.id} has unknown category ${row.category_code}`);
    const reopenCount = row.reopen_count + 1;
    const up = reopenCount >= settings.reopenEscalateAfter ? levelAbove(row.level) : null;
    patch = {
      status: 'reopened',
      reopen_count: reopenCount,
      resolution: null,
      resolved_at: null,
      resolved_level: null,
      resolved_by: null,
      ...deadlines(now, settings, category, row.urgency),
      response_warn_at: null,
      ...(up ? await levelChange(db, row, up, now) : {}),
    };
    if (up) patch.status = 'reopened';
    events.push(
      event(row.id, nowIso, ctx.actor, {
        kind: 'reopened',
        from_status: 'resolved',
        to_status: 'reopened',
        from_level: up ? row.level : null,
        to_level: up,
        note: up ? `第 ${reopenCount} 次不满意，转${appealLevelNames[up]}办理` : null,
        public: true,
      }),
    );
    if (up) {
      await enqueueNotifications(db, ctx.clock, [
        { ...newLevelNotice(row, holderOf(row.village_code, up), up), kind: 'appeal.escalated' },
      ]);
    }
  }
  const ok = await updateAppeal(db, row.id, row.version, {
    ...patch,
    rating,
    rating_comment: comment || null,
    rated_at: nowIso,
    updated_at: nowIso,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await insertEvents(db, events);
}

/** A callback (回访) by someone other than the handler; an unreached resident leaves it open. */
export async function recordCallback(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: CallbackBody,
): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  const callback = await latestCallback(db, id);
  if (!callback || callback.done_at !== null || row.status !== 'resolved') {
    throw new AppError('APPEAL_STATE_INVALID', { status: row.status });
  }
  if (!codeInScope(callback.area_code, ctx.scope)) throw new AppError('APPEAL_NOT_HELD');
  if (
    row.handler_id === ctx.caller.id ||
    row.resolved_by === ctx.caller.id ||
    callback.handler_id === ctx.caller.id
  ) {
    throw new AppError('APPEAL_CALLBACK_BY_HANDLER');
  }
  if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
  const nowIso = ctx.clock.now().toISOString();
  // The schema asks for a rating whenever the resident was reached.
  const rating = body.reached ? body.rating : undefined;
  if (rating === undefined) {
    await updateCallback(db, callback.id, { attempts: callback.attempts + 1 });
    const ok = await updateAppeal(db, row.id, row.version, { updated_at: nowIso });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await insertEvents(db, [
      event(row.id, nowIso, ctx.actor, {
        kind: 'callback',
        note: `未联系上${body.comment ? `：${body.comment}` : ''}`,
      }),
    ]);
  } else {
    await updateCallback(db, callback.id, {
      attempts: callback.attempts + 1,
      done_at: nowIso,
      done_by: ctx.caller.id,
      rating,
      comment: body.comment || null,
    });
    await applyRating(db, ctx, row, rating, body.comment, 'callback');
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'appeal.callback',
    objectType: 'appeal',
    objectId: row.id,
    areaCode: row.village_code,
    after: { reached: rating !== undefined, rating: rating ?? null },
  });
  return getAppeal(db, ctx, id);
}

/** The resident rates on the public page; it closes the open callback as well. */
export async function rateByResident(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor'>,
  row: AppealRow,
  rating: AppealRating,
  comment: string,
): Promise<void> {
  if (row.status !== 'resolved') throw new AppError('APPEAL_ALREADY_RATED');
  const callback = await latestCallback(db, row.id);
  if (callback && callback.done_at === null) {
    await updateCallback(db, callback.id, {
      done_at: ctx.clock.now().toISOString(),
      rating,
      comment: comment || null,
    });
  }
  await applyRating(db, ctx, row, rating, comment, 'rated');
}

export async function callbackTasks(db: Db, ctx: AreaContext, limit: number): Promise<CallbackTask[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await openCallbacks(db, ctx.scope, ctx.caller.id, limit);
  return rows.map((r) => ({
    id: r.id,
    appealId: r.appeal_id,
    trackingCode: r.tracking_code,
    title: r.title,
    villageName: r.village_name,
    handlerName: r.handler_name,
    resolvedAt: r.resolved_at ?? '',
    dueAt: r.due_at,
    overdue: r.due_at < now,
    attempts: r.attempts,
  }));
}

/** Open appeals of the same village and category in the last 30 days that read alike. */
export async function similarAppeals(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'scope'>,
  query: { villageCode: string; categoryCode: string; text: string; excludeId?: string | undefined },
): Promise<SimilarAppeal[]> {
  if (!codeInScope(query.villageCode, ctx.scope))
    throw new AppError('AREA_UNKNOWN', { code: query.villageCode });
  const since = new Date(ctx.clock.now().getTime() - 30 * 24 * HOUR).toISOString();
  const candidates = await similarCandidates(
    db,
    query.villageCode,
    query.categoryCode,
    since,
    query.excludeId,
  );
  const wanted = bigrams(query.text);
  return candidates
    .map((c) => ({
      id: c.id,
      trackingCode: c.tracking_code,
      title: c.title,
      status: c.status,
      receivedAt: c.received_at,
      similarity: Math.round(dice(wanted, bigrams(`${c.title}${c.description}`)) * 1000) / 1000,
    }))
    .filter((c) => c.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
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
