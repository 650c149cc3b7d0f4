import type { NoticeKind, NoticeStatus } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import { type Db, ilikeOperator, likeContains } from '../../db/dialect';
import type { NoticeAttachmentsTable, NoticeCommentsTable, NoticesTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

// The notices' SQL: notices filtered by the caller's area subtree, their comments and attachments.

function noticeRows(db: Db) {
  return db
    .selectFrom('notices')
    .innerJoin('areas', 'areas.code', 'notices.area_code')
    .leftJoin('units', 'units.id', 'notices.publisher_unit_id')
    .selectAll('notices')
    .select(['areas.name as area_name', 'units.name as unit_name'])
    .select((eb) => [
      eb
        .selectFrom('notice_comments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('notice_comments.notice_id', '=', 'notices.id')
        .where('notice_comments.kind', '=', 'comment')
        .as('comment_count'),
      eb
        .selectFrom('notice_comments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('notice_comments.notice_id', '=', 'notices.id')
        .where('notice_comments.kind', '=', 'objection')
        .as('objection_count'),
      eb
        .selectFrom('notice_comments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('notice_comments.notice_id', '=', 'notices.id')
        .where('notice_comments.kind', '=', 'objection')
        .where('notice_comments.answer', 'is', null)
        .where('notice_comments.appeal_id', 'is', null)
        .as('open_objection_count'),
    ]);
}

export type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeRows>['execute']>>[number];

export interface NoticeFilter {
  status?: NoticeStatus | undefined;
  kind?: NoticeKind | undefined;
  areaCode?: string | undefined;
  q?: string | undefined;
  /** Published, period ended at `now`, not closed. */
  awaitingCloseAt?: string | undefined;
}

function filtered(db: Db, scope: AreaScope, filter: NoticeFilter) {
  let query = noticeRows(db).where((eb) => inScope(eb, 'notices.area_code', scope));
  if (filter.status) query = query.where('notices.status', '=', filter.status);
  if (filter.kind) query = query.where('notices.kind', '=', filter.kind);
  if (filter.areaCode) query = query.where('notices.area_code', '=', filter.areaCode);
  if (filter.q) {
    const pattern = likeContains(filter.q);
    query = query.where((eb) => eb('notices.title', ilikeOperator(db), eb.val(pattern)));
  }
  if (filter.awaitingCloseAt) {
    query = query
      .where('notices.status', '=', 'published')
      .where('notices.ends_at', '<=', filter.awaitingCloseAt);
  }
  return query;
}

/** A page of the notices in `scope`, the latest first, and how many match. */
export async function listNoticeRows(
  db: Db,
  scope: AreaScope,
  filter: NoticeFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: NoticeRow[]; total: number }> {
  const rows = await filtered(db, scope, filter)
    .orderBy('notices.created_at', 'desc')
    .orderBy('notices.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, scope, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/**
 * Notices in `scope` whose period has ended and that nobody has closed yet: the count a to-do
 * (the header bell) shows.
 */
export async function countNoticesAwaitingClose(db: Db, scope: AreaScope, now: Date): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScope(eb, 'notices.area_code', scope))
    .where('status', '=', 'published')
    .where('ends_at', '<=', now.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A notice in `scope`; undefined when there is none or it is outside. */
export function findNotice(db: Db, scope: AreaScope, id: string): Promise<NoticeRow | undefined> {
  return noticeRows(db)
    .where('notices.id', '=', id)
    .where((eb) => inScope(eb, 'notices.area_code', scope))
    .executeTakeFirst();
}

/** A notice the public may read: published or closed. */
export function findPublicNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return noticeRows(db)
    .where('notices.id', '=', id)
    .where('notices.status', 'in', ['published', 'closed'])
    .executeTakeFirst();
}

/** Published and closed notices of exactly these areas (a village, its town, the district), the latest first. */
export function publicNoticesOf(db: Db, areaCodes: string[], limit: number): Promise<NoticeRow[]> {
  return noticeRows(db)
    .where('notices.area_code', 'in', areaCodes)
    .where('notices.status', 'in', ['published', 'closed'])
    .orderBy('notices.published_at', 'desc')
    .orderBy('notices.id', 'desc')
    .limit(limit)
    .execute();
}

/** A village and the codes of the areas above it, from the village up; undefined for anything but a village. */
export async function villageLineage(db: Db, code: string): Promise<string[] | undefined> {
  const village = await db
    .selectFrom('areas')
    .select(['code', 'kind', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (village?.kind !== 'village') return undefined;
  const codes = [village.code];
  let parent = village.parent_code;
  while (parent !== null && codes.length < 5) {
    const area = await db
      .selectFrom('areas')
      .select(['code', 'parent_code'])
      .where('code', '=', parent)
      .executeTakeFirst();
    if (!area) break;
    codes.push(area.code);
    parent = area.parent_code;
  }
  return codes;
}

/** The kind of an area in `scope`, if it is one. */
export async function areaKindInScope(db: Db, scope: AreaScope, code: string) {
  const row = await db
    .selectFrom('areas')
    .select('kind')
    .where('code', '=', code)
    .where((eb) => inScope(eb, 'code', scope))
    .executeTakeFirst();
  return row?.kind;
}

/** Whether a handling unit exists. */
export async function unitExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function insertNotice(db: Db, row: Insertable<NoticesTable>): Promise<void> {
  await db.insertInto('notices').values(row).execute();
}

/** Changes a notice at the version the caller read; false when it was changed since (or is gone). */
export async function updateNotice(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<NoticesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A notice's comments and objections, oldest first, with who answered and the appeal's tracking code. */
export function commentRows(db: Db, noticeId: string) {
  return db
    .selectFrom('notice_comments')
    .leftJoin('users', 'users.id', 'notice_comments.answered_by')
    .leftJoin('appeals', 'appeals.id', 'notice_comments.appeal_id')
    .selectAll('notice_comments')
    .select(['users.name as answered_by_name', 'appeals.tracking_code as appeal_tracking_code'])
    .where('notice_comments.notice_id', '=', noticeId)
    .orderBy('notice_comments.created_at')
    .orderBy('notice_comments.id')
    .execute();
}

export type CommentRow = Awaited<ReturnType<typeof commentRows>>[number];

export async function insertComment(db: Db, row: Insertable<NoticeCommentsTable>): Promise<void> {
  await db.insertInto('notice_comments').values(row).execute();
}

/** Records an answer to a comment not answered yet; false when it already was. */
export async function setCommentAnswer(
  db: Db,
  id: string,
  answer: { answer: string; answered_by: string | null; answered_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('notice_comments')
    .set(answer)
    .where('id', '=', id)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links an objection to the appeal it became; false when it already has one. */
export async function setCommentAppeal(db: Db, id: string, appealId: string): Promise<boolean> {
  const result = await db
    .updateTable('notice_comments')
    .set({ appeal_id: appealId })
    .where('id', '=', id)
    .where('appeal_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One comment of a notice, with its phone still sealed. */
export function findComment(db: Db, noticeId: string, id: string) {
  return db
    .selectFrom('notice_comments')
    .selectAll()
    .where('notice_id', '=', noticeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Comments sent from one address since an instant, over every notice. */
export async function countCommentsFromIp(db: Db, ipHash: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('notice_comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAttachment(db: Db, row: Insertable<NoticeAttachmentsTable>): Promise<void> {
  await db.insertInto('notice_attachments').values(row).execute();
}

/** A notice's files without their content, oldest first. */
export function attachmentList(db: Db, noticeId: string) {
  return db
    .selectFrom('notice_attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'created_at'])
    .where('notice_id', '=', noticeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One file of a notice, with its content. */
export function attachmentFile(db: Db, noticeId: string, id: string) {
  return db
    .selectFrom('notice_attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('notice_id', '=', noticeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The objections raised in a period to notices in the area, each with its notice's area and when
 * it was handled: answered in public, or taken up as an appeal (the appeal's receipt).
 */
export async function objectionsRaised(db: Db, scope: AreaScope, startIso: string, endIso: string) {
  return db
    .selectFrom('notice_comments as c')
    .innerJoin('notices as n', 'n.id', 'c.notice_id')
    .leftJoin('appeals as a', 'a.id', 'c.appeal_id')
    .select(['n.area_code', 'c.created_at', 'c.answered_at', 'a.received_at as appealed_at'])
    .where('c.kind', '=', 'objection')
    .where('c.created_at', '>=', startIso)
    .where('c.created_at', '<', endIso)
    .where((eb) => inScope(eb, 'n.area_code', scope))
    .execute();
}
