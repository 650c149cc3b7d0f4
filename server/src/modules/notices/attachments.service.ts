import { NOTICE_ATTACHMENTS_MAX, type NoticeAttachment } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../platform/images';
import type { AreaContext } from '../../platform/request-context';
import type { AreaScope } from '../../platform/scope';
import {
  attachmentFile,
  attachmentList,
  findNotice,
  findPublicNotice,
  insertAttachment,
} from './notices.repository';

// A notice's images and PDFs, checked and cleaned as an appeal's are (the first bytes match the
// type; a photo loses its location data). Added while the notice is a draft: what residents read
// does not change under them.

/** Adds a file to a draft of the caller's area (at most ten per notice). */
export async function addNoticeAttachment(
  db: Db,
  ctx: AreaContext,
  noticeId: string,
  file: { fileName: string; contentType: AttachmentContentType; content: Buffer },
): Promise<NoticeAttachment> {
  const notice = await findNotice(db, ctx.scope, noticeId);
  if (!notice) throw notFound();
  if (notice.status !== 'draft') throw new AppError('NOTICE_STATE_INVALID');
  const existing = await attachmentList(db, noticeId);
  if (existing.length >= NOTICE_ATTACHMENTS_MAX) {
    throw new AppError('NOTICE_ATTACHMENT_LIMIT', { max: NOTICE_ATTACHMENTS_MAX });
  }
  const content = cleanAttachment(file.content, file.contentType);
  const row = {
    id: newId(),
    notice_id: noticeId,
    file_name: file.fileName,
    content_type: file.contentType,
    size: content.length,
    content,
    uploaded_by: ctx.caller.id,
    created_at: ctx.clock.now().toISOString(),
  };
  await insertAttachment(db, row);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.attach',
    objectType: 'notice',
    objectId: noticeId,
    areaCode: notice.area_code,
    after: { file: file.fileName, type: file.contentType, size: row.size },
  });
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    createdAt: row.created_at,
  };
}

/** A file of a notice of the caller's area. */
export async function readNoticeAttachment(db: Db, scope: AreaScope, noticeId: string, id: string) {
  if (!(await findNotice(db, scope, noticeId))) throw notFound();
  const file = await attachmentFile(db, noticeId, id);
  if (!file) throw notFound();
  return file;
}

/** A file of a notice the public may read. */
export async function readPublicAttachment(db: Db, noticeId: string, id: string) {
  if (!(await findPublicNotice(db, noticeId))) throw notFound();
  const file = await attachmentFile(db, noticeId, id);
  if (!file) throw notFound();
  return file;
}
