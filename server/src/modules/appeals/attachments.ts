import { type AppealAttachment, ATTACHMENTS_PER_APPEAL } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppealAttachmentsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../platform/images';
import type { AreaContext } from '../../platform/request-context';
import { findAppeal } from './appeals.repository';

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
  const rows = await db
    .selectFrom('appeal_attachments')
    .leftJoin('users', 'users.id', 'appeal_attachments.uploaded_by')
    .select([
      'appeal_attachments.id',
      'appeal_attachments.file_name',
      'appeal_attachments.content_type',
      'appeal_attachments.size',
      'appeal_attachments.created_at',
      'users.name',
    ])
    .where('appeal_attachments.appeal_id', '=', appealId)
    .orderBy('appeal_attachments.created_at')
    .execute();
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
  const count = await db
    .selectFrom('appeal_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appeal_id', '=', appealId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= ATTACHMENTS_PER_APPEAL)
    throw new AppError('ATTACHMENT_LIMIT', { max: ATTACHMENTS_PER_APPEAL });
  const row = attachmentRow(
    appealId,
    file.fileName,
    file.contentType,
    file.content,
    ctx.caller.id,
    ctx.clock.now().toISOString(),
  );
  await db.insertInto('appeal_attachments').values(row).execute();
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
  const row = await db
    .selectFrom('appeal_attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('appeal_id', '=', appealId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
