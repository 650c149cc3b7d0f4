import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// 每月一题: the district's topics of a month (an area, a category, a lead unit and a goal), the
// appeals linked to each and its measures (what, the responsible unit, by when, done).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('monthly_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('category_code', 'text', (c) => c.notNull().references('appeal_categories.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('goal_percent', 'integer', (c) => c.notNull())
    .addColumn('goal_text', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', t.timestamp)
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('outcome_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('monthly_topics_month_area_category', ['month', 'area_code', 'category_code'])
    .execute();
  await db.schema
    .createIndex('monthly_topics_area')
    .on('monthly_topics')
    .columns(['area_code', 'month'])
    .execute();
  await db.schema
    .createIndex('monthly_topics_lead')
    .on('monthly_topics')
    .columns(['lead_unit_id', 'month'])
    .execute();
  await db.schema
    .createTable('monthly_topic_appeals')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('monthly_topics.id'))
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addPrimaryKeyConstraint('monthly_topic_appeals_pk', ['topic_id', 'appeal_id'])
    .execute();
  await db.schema
    .createIndex('monthly_topic_appeals_appeal')
    .on('monthly_topic_appeals')
    .column('appeal_id')
    .execute();
  await db.schema
    .createTable('monthly_topic_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic_id', 'text', (c) => c.notNull().references('monthly_topics.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('done_at', t.timestamp)
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monthly_topic_measures_topic')
    .on('monthly_topic_measures')
    .columns(['topic_id', 'due_date'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monthly_topic_measures').execute();
  await db.schema.dropTable('monthly_topic_appeals').execute();
  await db.schema.dropTable('monthly_topics').execute();
}
