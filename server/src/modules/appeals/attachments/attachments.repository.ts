import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealAttachmentsTable } from '../../../db/schema';

/** Stores files of an appeal, already cleaned. */
export async function insertAttachments(db: Db, rows: Insertable<AppealAttachmentsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('appeal_attachments').values(rows).execute();
}

/** An appeal's files without their content, oldest first, with who uploaded each. */
export async function attachmentList(db: Db, appealId: string) {
  return db
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
}

/** How many files an appeal has. */
export async function countAttachments(db: Db, appealId: string): Promise<number> {
  const row = await db
    .selectFrom('appeal_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appeal_id', '=', appealId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One file of an appeal, with its content. */
export async function attachmentFile(db: Db, appealId: string, id: string) {
  return db
    .selectFrom('appeal_attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('appeal_id', '=', appealId)
    .where('id', '=', id)
    .executeTakeFirst();
}
