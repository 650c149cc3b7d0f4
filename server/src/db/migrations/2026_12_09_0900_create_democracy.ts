import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from './column-types';

// Village democracy (四议两公开): the members of a village's bodies, the villagers' meeting's
// authorisations of the representatives' meeting, matters (议题) and the meetings deliberating them
// with their frozen rolls, and the carrying out (tasks, spending, photos).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('democracy_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    // The resident in the registry, when linked; no foreign key, a resident may be removed later.
    .addColumn('resident_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('branch_committee', t.boolean, (c) => c.notNull())
    .addColumn('villagers_committee', t.boolean, (c) => c.notNull())
    .addColumn('party_member', t.boolean, (c) => c.notNull())
    .addColumn('party_voting', t.boolean, (c) => c.notNull())
    .addColumn('representative', t.boolean, (c) => c.notNull())
    .addColumn('representative_basis', 'text')
    .addColumn('representative_group_code', 'text', (c) => c.references('areas.code'))
    // A member who left keeps their rows on earlier meetings' rolls.
    .addColumn('active', t.boolean, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('democracy_members_village')
    .on('democracy_members')
    .columns(['village_code', 'active'])
    .execute();

  await db.schema
    .createTable('democracy_member_households')
    .addColumn('member_id', 'text', (c) => c.notNull().references('democracy_members.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addPrimaryKeyConstraint('democracy_member_households_pk', ['member_id', 'household_id'])
    .execute();

  await db.schema
    .createTable('democracy_authorisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('granted_on', t.date, (c) => c.notNull())
    .addColumn('granted_by_meeting_id', 'text')
    .addColumn('valid_until', t.date)
    // JSON array of matter kinds; empty: every kind.
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('democracy_authorisations_village')
    .on('democracy_authorisations')
    .columns(['village_code', 'granted_on'])
    .execute();

  await db.schema
    .createTable('matters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Fen (0.01 yuan), exact.
    .addColumn('estimated_fen', t.bigint)
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON array of { step, reason, at } for the deliberations skipped (never for an art. 24 kind).
    .addColumn('skipped_steps', 'text', (c) => c.notNull())
    .addColumn('resolution_notice_id', 'text', (c) => c.references('notices.id'))
    .addColumn('result_notice_id', 'text', (c) => c.references('notices.id'))
    .addColumn('withdraw_reason', 'text')
    .addColumn('closed_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matters_village').on('matters').columns(['village_code', 'status']).execute();
  await db.schema.createIndex('matters_closed').on('matters').columns(['status', 'closed_at']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('held_at', t.timestamp, (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('notice_date', t.date, (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('authorisation_id', 'text', (c) => c.references('democracy_authorisations.id'))
    .addColumn('votes_for', 'integer')
    .addColumn('votes_against', 'integer')
    .addColumn('votes_abstain', 'integer')
    .addColumn('minutes', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_matter').on('meetings').columns(['matter_id', 'held_at']).execute();
  await db.schema
    .createIndex('meetings_village')
    .on('meetings')
    .columns(['village_code', 'held_at'])
    .execute();

  // The roll, fixed when the meeting is noticed: the body's members, or the adult villagers.
  await db.schema
    .createTable('meeting_roll')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('resident_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('household_id', 'text')
    .addColumn('entitled', t.boolean, (c) => c.notNull())
    .addColumn('attendance', 'text')
    .addColumn('vote', 'text')
    .execute();
  await db.schema
    .createIndex('meeting_roll_meeting')
    .on('meeting_roll')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('matter_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date)
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addColumn('done_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matter_tasks_matter').on('matter_tasks').columns(['matter_id']).execute();

  await db.schema
    .createTable('matter_spendings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
    .addColumn('amount_fen', t.bigint, (c) => c.notNull())
    .addColumn('spent_on', t.date, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('matter_spendings_matter')
    .on('matter_spendings')
    .columns(['matter_id'])
    .execute();

  await db.schema
    .createTable('matter_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('matter_attachments_matter')
    .on('matter_attachments')
    .columns(['matter_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'matter_attachments',
    'matter_spendings',
    'matter_tasks',
    'meeting_roll',
    'meetings',
    'matters',
    'democracy_authorisations',
    'democracy_member_households',
    'democracy_members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
