import {
  defaultNoticePeriods,
  type HolidayCalendar,
  type Notice,
  NoticeCreateBody,
  type NoticeOutcome,
  type NoticeSummary,
  type NoticesListQuery,
  type NoticeUpdateBody,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Actor } from '../../platform/audit/audit.service';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaScope } from '../../platform/scope';
import { noticeCalendar } from './notice-calendar';
import { isPeriodOver, periodEnd } from './notice-period';
import {
  areaKindInScope,
  attachmentList,
  commentRows,
  findNotice,
  insertNotice,
  listNoticeRows,
  type NoticeRow,
  unitExists,
  updateNotice,
} from './notices.repository';
import { toComment } from './notices.views';

/** What a notice's writes need: the clock, who acts (for the audit) and how far they reach. */
export interface NoticeContext {
  clock: Clock;
  actor: Actor;
  scope: AreaScope;
  /**
   * The working calendar, read before the transaction (`calendarOf(ctx)`, cached per application);
   * without it, publishing a notice in working days reads it through the transaction.
   */
  calendar?: HolidayCalendar;
}

export function toSummary(r: NoticeRow): NoticeSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    areaCode: r.area_code,
    areaName: r.area_name,
    publisherUnitId: r.publisher_unit_id,
    publisherName: r.unit_name ?? r.area_name,
    status: r.status,
    startsAt: r.starts_at,
    periodDays: r.period_days,
    periodUnit: r.period_unit,
    endsAt: r.ends_at,
    commentMode: r.comment_mode,
    outcome: r.outcome,
    comments: Number(r.comment_count ?? 0),
    objections: Number(r.objection_count ?? 0),
    openObjections: Number(r.open_objection_count ?? 0),
    createdAt: r.created_at,
    version: r.version,
  };
}

export async function listNotices(db: Db, ctx: NoticeContext, query: NoticesListQuery) {
  const { rows, total } = await listNoticeRows(
    db,
    ctx.scope,
    {
      status: query.status,
      kind: query.kind,
      areaCode: query.areaCode,
      q: query.q,
      awaitingCloseAt: query.awaitingClose === 'true' ? ctx.clock.now().toISOString() : undefined,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map(toSummary), total };
}

/** A notice of the caller's area with its files, comments and objections; 404 outside. */
export async function getNotice(db: Db, scope: AreaScope, id: string): Promise<Notice> {
  const row = await findNotice(db, scope, id);
  if (!row) throw notFound();
  const [files, comments] = await Promise.all([attachmentList(db, id), commentRows(db, id)]);
  return {
    ...toSummary(row),
    body: row.body,
    closingNote: row.closing_note,
    withdrawReason: row.withdraw_reason,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    createdBy: row.created_by,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type,
      size: f.size,
      createdAt: f.created_at,
    })),
    commentsList: comments.map(toComment),
  };
}

async function checkPublisher(db: Db, scope: AreaScope, areaCode: string, unitId: string | null) {
  if ((await areaKindInScope(db, scope, areaCode)) === undefined) {
    throw new AppError('AREA_UNKNOWN', { code: areaCode });
  }
  if (unitId !== null && !(await unitExists(db, unitId))) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.publisherUnitId', message: 'unknown' }]);
  }
}

/** A draft notice in an area of the caller's reach; its period follows its kind unless set. */
export async function createNotice(
  db: Db,
  ctx: NoticeContext,
  input: NoticeCreateBody,
  createdBy: string | null,
): Promise<Notice> {
  const body = NoticeCreateBody.parse(input);
  // A retried create (same client-made id) answers the notice it made.
  if (body.id) {
    const existing = await findNotice(db, ctx.scope, body.id);
    if (existing) return getNotice(db, ctx.scope, body.id);
  }
  await checkPublisher(db, ctx.scope, body.areaCode, body.publisherUnitId);
  const defaults = defaultNoticePeriods[body.kind];
  const id = body.id ?? newId();
  const now = ctx.clock.now().toISOString();
  await insertNotice(db, {
    id,
    kind: body.kind,
    title: body.title,
    body: body.body,
    area_code: body.areaCode,
    publisher_unit_id: body.publisherUnitId,
    status: 'draft',
    starts_at: body.startsAt === null ? null : new Date(body.startsAt).toISOString(),
    period_days: body.periodDays ?? defaults.days,
    period_unit: body.periodUnit ?? defaults.unit,
    ends_at: null,
    comment_mode: body.commentMode,
    outcome: null,
    closing_note: null,
    withdraw_reason: null,
    published_at: null,
    closed_at: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.create',
    objectType: 'notice',
    objectId: id,
    areaCode: body.areaCode,
    after: { kind: body.kind, title: body.title },
  });
  return getNotice(db, ctx.scope, id);
}

async function draftOf(db: Db, scope: AreaScope, id: string): Promise<NoticeRow> {
  const row = await findNotice(db, scope, id);
  if (!row) throw notFound();
  if (row.status !== 'draft') throw new AppError('NOTICE_STATE_INVALID');
  return row;
}

function stale(): AppError {
  return new AppError('VERSION_CONFLICT');
}

export async function updateDraft(db: Db, ctx: NoticeContext, id: string, body: NoticeUpdateBody) {
  const row = await draftOf(db, ctx.scope, id);
  if (body.publisherUnitId) await checkPublisher(db, ctx.scope, row.area_code, body.publisherUnitId);
  const kind = body.kind ?? row.kind;
  const defaults = defaultNoticePeriods[kind];
  const changed = await updateNotice(db, id, body.version, {
    kind,
    ...(body.title === undefined ? {} : { title: body.title }),
    ...(body.body === undefined ? {} : { body: body.body }),
    ...(body.publisherUnitId === undefined ? {} : { publisher_unit_id: body.publisherUnitId }),
    ...(body.startsAt === undefined
      ? {}
      : { starts_at: body.startsAt === null ? null : new Date(body.startsAt).toISOString() }),
    ...(body.periodDays === undefined ? {} : { period_days: body.periodDays ?? defaults.days }),
    ...(body.periodUnit === undefined ? {} : { period_unit: body.periodUnit ?? defaults.unit }),
    ...(body.commentMode === undefined ? {} : { comment_mode: body.commentMode }),
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!changed) throw stale();
  const { version: _version, ...after } = body;
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.update',
    objectType: 'notice',
    objectId: id,
    areaCode: row.area_code,
    after,
  });
  return getNotice(db, ctx.scope, id);
}

/**
 * Publishes a draft: the period starts at its set start, or now when that is unset or past (a
 * period cannot begin before the notice is public), and its end is fixed by the calendar.
 */
export async function publishDraft(db: Db, ctx: NoticeContext, id: string, version: number): Promise<Notice> {
  const row = await draftOf(db, ctx.scope, id);
  const now = ctx.clock.now();
  const set = row.starts_at === null ? null : new Date(row.starts_at);
  const start = set !== null && set.getTime() > now.getTime() ? set : now;
  const calendar = ctx.calendar ?? (await noticeCalendar(db, row.period_unit));
  const end = periodEnd(calendar, start, row.period_days, row.period_unit);
  const changed = await updateNotice(db, id, version, {
    status: 'published',
    starts_at: start.toISOString(),
    ends_at: end.toISOString(),
    published_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  if (!changed) throw stale();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.publish',
    objectType: 'notice',
    objectId: id,
    areaCode: row.area_code,
    after: { startsAt: start.toISOString(), endsAt: end.toISOString() },
  });
  return getNotice(db, ctx.scope, id);
}

/**
 * Creates and publishes a notice in one go: how village democracy, social programmes and services
 * make something public (a resolution, a 低保 list). Runs in the caller's transaction.
 */
export async function publishNotice(
  db: Db,
  ctx: NoticeContext,
  notice: NoticeCreateBody,
  createdBy: string | null,
): Promise<Notice> {
  const draft = await createNotice(db, ctx, notice, createdBy);
  if (draft.status !== 'draft') return draft;
  return publishDraft(db, ctx, draft.id, draft.version);
}

/**
 * Closes a notice whose period is over. "No objection" only when nobody objected; otherwise every
 * objection must have been answered in public or turned into an appeal.
 */
export async function closeNotice(
  db: Db,
  ctx: NoticeContext,
  id: string,
  body: { version: number; outcome: NoticeOutcome; note: string },
): Promise<Notice> {
  const row = await findNotice(db, ctx.scope, id);
  if (!row) throw notFound();
  if (row.status !== 'published') throw new AppError('NOTICE_STATE_INVALID');
  const now = ctx.clock.now();
  if (!isPeriodOver(row, now)) throw new AppError('NOTICE_PERIOD_RUNNING', { endsAt: row.ends_at ?? '' });
  const objections = Number(row.objection_count ?? 0);
  const open = Number(row.open_objection_count ?? 0);
  if ((body.outcome === 'no_objection') !== (objections === 0)) throw new AppError('NOTICE_OUTCOME_INVALID');
  if (open > 0) throw new AppError('NOTICE_OBJECTIONS_PENDING', { count: open });
  const changed = await updateNotice(db, id, body.version, {
    status: 'closed',
    outcome: body.outcome,
    closing_note: body.note === '' ? null : body.note,
    closed_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  if (!changed) throw stale();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.close',
    objectType: 'notice',
    objectId: id,
    areaCode: row.area_code,
    after: { outcome: body.outcome, objections },
  });
  return getNotice(db, ctx.scope, id);
}

/** Withdraws a draft or a published notice (a mistake, a superseded list); the public no longer sees it. */
export async function withdrawNotice(
  db: Db,
  ctx: NoticeContext,
  id: string,
  body: { version: number; reason: string },
): Promise<Notice> {
  const row = await findNotice(db, ctx.scope, id);
  if (!row) throw notFound();
  if (row.status !== 'draft' && row.status !== 'published') throw new AppError('NOTICE_STATE_INVALID');
  const changed = await updateNotice(db, id, body.version, {
    status: 'withdrawn',
    withdraw_reason: body.reason,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!changed) throw stale();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.withdraw',
    objectType: 'notice',
    objectId: id,
    areaCode: row.area_code,
    before: { status: row.status },
    after: { reason: body.reason },
  });
  return getNotice(db, ctx.scope, id);
}
