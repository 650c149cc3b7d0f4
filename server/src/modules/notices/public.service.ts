import type { PublicNotice, PublicNoticeSummary } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { notFound } from '../../platform/errors';
import { isPeriodOpen } from './notice-period';
import {
  attachmentList,
  commentRows,
  findPublicNotice,
  type NoticeRow,
  publicNoticesOf,
  villageLineage,
} from './notices.repository';
import { publicAnswers } from './notices.views';

// What residents read: published and closed notices only, nothing personal.

function toPublicSummary(r: NoticeRow, now: Date): PublicNoticeSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    publisherName: r.unit_name ?? r.area_name,
    // Only published and closed rows are read here.
    status: r.status === 'closed' ? 'closed' : 'published',
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    open: r.comment_mode !== 'closed' && isPeriodOpen(r, now),
  };
}

/** The notices a village's residents read: the village's own, its town's and the district's. */
export async function villageNotices(db: Db, villageCode: string, now: Date, limit = 50) {
  const codes = await villageLineage(db, villageCode);
  if (!codes) throw notFound();
  return (await publicNoticesOf(db, codes, limit)).map((r) => toPublicSummary(r, now));
}

/** Open notices of a village for its page: those whose period runs now, or has not begun. */
export async function openVillageNotices(db: Db, villageCode: string, now: Date) {
  return (await villageNotices(db, villageCode, now, 20)).filter(
    (n) => n.status === 'published' && (n.endsAt === null || Date.parse(n.endsAt) > now.getTime()),
  );
}

export async function publicNotice(db: Db, id: string, now: Date): Promise<PublicNotice> {
  const row = await findPublicNotice(db, id);
  if (!row) throw notFound();
  const [files, comments] = await Promise.all([attachmentList(db, id), commentRows(db, id)]);
  return {
    ...toPublicSummary(row, now),
    body: row.body,
    commentMode: row.comment_mode,
    outcome: row.outcome,
    closingNote: row.closing_note,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type,
      size: f.size,
      createdAt: f.created_at,
    })),
    answers: publicAnswers(comments),
    comments: Number(row.comment_count ?? 0),
    objections: Number(row.objection_count ?? 0),
  };
}
