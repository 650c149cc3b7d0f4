import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Village affairs disclosure (村务公开): each village's schedule (how often it publishes its
// finances) and what it published for which period. Major investment projects (重大投资项目): the
// project, its stages, its spending and the accountability records (责任追究).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('disclosure_schedules')
    .addColumn('village_code', 'text', (c) => c.primaryKey().references('areas.code'))
    .addColumn('finance_cadence', 'text', (c) => c.notNull())
    // The first day the schedule counts from; null: every period.
    .addColumn('starts_on', t.date)
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('category', 'text', (c) => c.notNull())
    // 2026-11, 2026-Q4, or a major matter's day 2026-11-03.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('published_at', t.timestamp, (c) => c.notNull())
    // Fixed at publishing from the period and the district's settings then.
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('on_time', t.boolean, (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('disclosures_village')
    .on('disclosures')
    .columns(['village_code', 'category', 'period'])
    .execute();
  await db.schema.createIndex('disclosures_published').on('disclosures').columns(['published_at']).execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responsible_person', 'text', (c) => c.notNull())
    .addColumn('responsible_unit', 'text', (c) => c.notNull())
    // Amounts in fen.
    .addColumn('budget_fen', t.bigint, (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.references('notices.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_area').on('projects').columns(['area_code', 'created_at']).execute();

  await db.schema
    .createTable('project_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('completed_on', t.date)
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_stages_project')
    .on('project_stages')
    .columns(['project_id', 'seq'])
    .execute();

  await db.schema
    .createTable('project_spendings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('stage_id', 'text', (c) => c.references('project_stages.id'))
    .addColumn('spent_on', t.date, (c) => c.notNull())
    .addColumn('amount_fen', t.bigint, (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_spendings_project')
    .on('project_spendings')
    .columns(['project_id', 'spent_on'])
    .execute();

  await db.schema
    .createTable('project_accountabilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.references('project_stages.id'))
    .addColumn('objection_id', 'text', (c) => c.references('notice_comments.id'))
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('decided_on', t.date, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_accountabilities_project')
    .on('project_accountabilities')
    .columns(['project_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'project_accountabilities',
    'project_spendings',
    'project_stages',
    'projects',
    'disclosures',
    'disclosure_schedules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
