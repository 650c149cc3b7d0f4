import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from './column-types';

// Public notices (公示): the notice, the comments and objections residents send during its period,
// and its attachments (kept in the database like an appeal's, so a backup holds them too).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Where it applies: a village, a town or the district.
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    // The handling unit publishing it, if any; no foreign key, units come and go with reorganizations.
    .addColumn('publisher_unit_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Set by the publisher (a later start) or at publishing.
    .addColumn('starts_at', t.timestamp)
    .addColumn('period_days', 'integer', (c) => c.notNull())
    .addColumn('period_unit', 'text', (c) => c.notNull())
    // Computed at publishing from the start, the period and the working-day calendar.
    .addColumn('ends_at', t.timestamp)
    .addColumn('comment_mode', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('published_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_area').on('notices').columns(['area_code', 'status']).execute();
  await db.schema.createIndex('notices_ends').on('notices').columns(['status', 'ends_at']).execute();

  await db.schema
    .createTable('notice_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Null for an anonymous comment.
    .addColumn('author_name', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('ip_hash', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', t.timestamp)
    // The appeal an objection became (its source points back here).
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notice_comments_notice')
    .on('notice_comments')
    .columns(['notice_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notice_comments_ip')
    .on('notice_comments')
    .columns(['ip_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('notice_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notice_attachments_notice')
    .on('notice_attachments')
    .columns(['notice_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_attachments').execute();
  await db.schema.dropTable('notice_comments').execute();
  await db.schema.dropTable('notices').execute();
}
