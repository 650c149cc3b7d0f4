import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// 吹哨报到: a whistle blown by a town (or the district) on an appeal or a place, and one row per
// named department with its deadline to report, its report and what it did.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('whistles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_code', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('place', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outside_working_time', t.boolean, (c) => c.notNull())
    .addColumn('raised_at', t.timestamp, (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', t.timestamp)
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closing_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('whistles_village')
    .on('whistles')
    .columns(['village_code', 'raised_at'])
    .execute();
  await db.schema.createIndex('whistles_appeal').on('whistles').column('appeal_id').execute();
  await db.schema
    .createTable('whistle_units')
    .addColumn('whistle_id', 'text', (c) => c.notNull().references('whistles.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('reported_at', t.timestamp)
    .addColumn('reported_by', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text')
    .addColumn('late', t.boolean, (c) => c.notNull())
    .addPrimaryKeyConstraint('whistle_units_pk', ['whistle_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('whistle_units_unit')
    .on('whistle_units')
    .columns(['unit_id', 'whistle_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('whistle_units').execute();
  await db.schema.dropTable('whistles').execute();
}
