import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Appeals (诉求) and the three-level problem repository: the appeal, its timeline, callbacks,
// mediation, screening sweeps, and the notification outbox.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('appeal_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text')
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('default_level', 'text', (c) => c.notNull())
    .addColumn('default_urgency', 'text', (c) => c.notNull())
    .addColumn('resolution_days', 'integer')
    .addColumn('dispute', t.boolean, (c) => c.notNull())
    .addColumn('active', t.boolean, (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('disputes_found', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('screenings_village')
    .on('screenings')
    .columns(['village_code', 'date'])
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull().references('appeal_categories.code'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('max_level', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('holder_area_code', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('reporter_kind', 'text', (c) => c.notNull())
    .addColumn('reporter_resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone_enc', 'text')
    .addColumn('reporter_phone_hash', 'text')
    .addColumn('reporter_phone_masked', 'text')
    .addColumn('submitter_ip_hash', 'text')
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('response_due_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolution_due_at', t.timestamp, (c) => c.notNull())
    .addColumn('response_warn_at', t.timestamp)
    .addColumn('resolution_warn_at', t.timestamp)
    .addColumn('accepted_at', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('resolved_level', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', t.timestamp)
    .addColumn('resolution', 'text')
    .addColumn('deferral_reason', 'text')
    .addColumn('deferral_date', t.date)
    .addColumn('deferral_approved', t.boolean, (c) => c.notNull())
    .addColumn('merged_into_id', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', t.timestamp)
    .addColumn('screening_id', 'text', (c) => c.references('screenings.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Queues: newest first within an area subtree, or across the district.
  await db.schema
    .createIndex('appeals_village_received')
    .on('appeals')
    .columns(['village_code', 'received_at', 'id'])
    .execute();
  await db.schema.createIndex('appeals_received').on('appeals').columns(['received_at', 'id']).execute();
  await db.schema
    .createIndex('appeals_holder_status')
    .on('appeals')
    .columns(['holder_area_code', 'status', 'received_at'])
    .execute();
  await db.schema.createIndex('appeals_handler').on('appeals').columns(['handler_id', 'status']).execute();
  await db.schema.createIndex('appeals_household').on('appeals').columns(['household_id']).execute();
  // The sweep: open appeals past (or near) a deadline.
  await db.schema
    .createIndex('appeals_resolution_due')
    .on('appeals')
    .columns(['status', 'resolution_due_at'])
    .execute();
  await db.schema.createIndex('appeals_response_warn').on('appeals').column('response_warn_at').execute();
  await db.schema.createIndex('appeals_resolution_warn').on('appeals').column('resolution_warn_at').execute();
  // Duplicate suggestions: the same village and category, recent.
  await db.schema
    .createIndex('appeals_similar')
    .on('appeals')
    .columns(['village_code', 'category_code', 'received_at'])
    .execute();
  // Public anti-abuse limits per phone and per address.
  await db.schema
    .createIndex('appeals_phone')
    .on('appeals')
    .columns(['reporter_phone_hash', 'received_at'])
    .execute();
  await db.schema
    .createIndex('appeals_submitter')
    .on('appeals')
    .columns(['submitter_ip_hash', 'received_at'])
    .execute();

  await db.schema
    .createTable('appeal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text')
    .addColumn('note', 'text')
    .addColumn('public', t.boolean, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_events_appeal')
    .on('appeal_events')
    .columns(['appeal_id', 'at'])
    .execute();

  await db.schema
    .createTable('appeal_callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('reminded_at', t.timestamp)
    .addColumn('done_at', t.timestamp)
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_callbacks_open')
    .on('appeal_callbacks')
    .columns(['done_at', 'area_code', 'due_at'])
    .execute();
  await db.schema.createIndex('appeal_callbacks_appeal').on('appeal_callbacks').column('appeal_id').execute();

  await db.schema
    .createTable('mediations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().unique().references('appeals.id'))
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('mediator_ids', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('agreement', 'text')
    .addColumn('follow_up_date', t.date)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mediation_id', 'text', (c) => c.notNull().references('mediations.id'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediation_sessions_mediation')
    .on('mediation_sessions')
    .columns(['mediation_id', 'date'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_due')
    .on('notifications')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notifications_area')
    .on('notifications')
    .columns(['area_code', 'created_at'])
    .execute();

  // Wrong tracking code or phone digits on the public page, counted per address.
  await db.schema
    .createTable('public_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_failures_ip')
    .on('public_failures')
    .columns(['ip_hash', 'at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'public_failures',
    'notifications',
    'mediation_sessions',
    'mediations',
    'appeal_callbacks',
    'appeal_events',
    'appeals',
    'screenings',
    'appeal_categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
