import { type AppealAttachment, ATTACHMENTS_PER_APPEAL } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealAttachmentsTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../../platform/images';
import type { AreaContext } from '../../../platform/request-context';
import { findAppeal } from '../appeals.repository';
import {
  attachmentFile,
  attachmentList,
  countAttachments,
  insertAttachments,
} from './attachments.repository';

/** A checked file ready to store: its first bytes match its type, its metadata is gone. */
export function attachmentRow(
  appealId: string,
  fileName: string,
  contentType: AttachmentContentType,
  content: Buffer,
  uploadedBy: string | null,
  now: string,
): Insertable<AppealAttachmentsTable> {
  const clean = cleanAttachment(content, contentType);
  return {
    id: newId(),
    appeal_id: appealId,
    file_name: fileName,
    content_type: contentType,
    size: clean.length,
    content: clean,
    uploaded_by: uploadedBy,
    created_at: now,
  };
}

export async function appealAttachments(db: Db, appealId: string): Promise<AppealAttachment[]> {
  const rows = await attachmentList(db, appealId);
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    createdAt: r.created_at,
    uploadedBy: r.name,
  }));
}

/** Adds a photo or document to an appeal in the caller's area (at most ten per appeal). */
export async function addAttachment(
  db: Db,
  ctx: AreaContext,
  appealId: string,
  file: { fileName: string; contentType: AttachmentContentType; content: Buffer },
): Promise<AppealAttachment> {
  const appeal = await findAppeal(db, ctx.scope, appealId);
  if (!appeal) throw notFound();
  const count = await countAttachments(db, appealId);
  if (count >= ATTACHMENTS_PER_APPEAL)
    throw new AppError('ATTACHMENT_LIMIT', { max: ATTACHMENTS_PER_APPEAL });
  const row = attachmentRow(
    appealId,
    file.fileName,
    file.contentType,
    file.content,
    ctx.caller.id,
    ctx.clock.now().toISOString(),
  );
  await insertAttachments(db, [row]);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'appeal.attach',
    objectType: 'appeal',
    objectId: appealId,
    areaCode: appeal.village_code,
    after: { file: file.fileName, type: file.contentType, size: row.size },
  });
  const added = (await appealAttachments(db, appealId)).find((a) => a.id === row.id);
  if (!added) throw new Error('attachment not stored');
  return added;
}

/** The file itself, for a caller who may read the appeal. */
export async function readAttachment(db: Db, ctx: Pick<AreaContext, 'scope'>, appealId: string, id: string) {
  const appeal = await findAppeal(db, ctx.scope, appealId);
  if (!appeal) throw notFound();
  const row = await attachmentFile(db, appealId, id);
  if (!row) throw notFound();
  return row;
}
