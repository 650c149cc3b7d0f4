import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types';

// Handling units (承办单位): district departments, town offices, village committees, service
// stations and the CPPCC office; their staff, the categories they answer for, the appeals routed
// to them, and the link from an appeal back to what it came from (an objection, a 代办 request…).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Where the unit sits: the district for a department, its town or village otherwise.
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    // JSON {periods: [{start, end}]}; null keeps the district's working hours.
    .addColumn('working_hours', 'text')
    .addColumn('active', t.boolean, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_area').on('units').columns(['area_code', 'kind']).execute();
  await sql`create unique index units_name on units (area_code, name)`.execute(db);

  await db.schema
    .createTable('unit_categories')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_categories_pk', ['unit_id', 'category_code'])
    .execute();
  await db.schema
    .createIndex('unit_categories_category')
    .on('unit_categories')
    .column('category_code')
    .execute();

  // A unit's staff: an account bound to a unit (besides or instead of an area).
  await db.schema
    .alterTable('users')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .execute();
  await db.schema.createIndex('users_unit').on('users').column('unit_id').execute();

  // The units an appeal was routed to; dispatch (派单) builds its lead and co-units on it.
  await db.schema
    .createTable('appeal_units')
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('routed_at', t.timestamp, (c) => c.notNull())
    .addColumn('routed_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('appeal_units_pk', ['appeal_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('appeal_units_unit')
    .on('appeal_units')
    .columns(['unit_id', 'appeal_id'])
    .execute();

  // What an appeal came from, when another module raised it through submitAppeal.
  await db.schema.alterTable('appeals').addColumn('source_kind', 'text').execute();
  await db.schema.alterTable('appeals').addColumn('source_id', 'text').execute();
  await db.schema.createIndex('appeals_source').on('appeals').columns(['source_kind', 'source_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appeals_source').execute();
  await db.schema.alterTable('appeals').dropColumn('source_id').execute();
  await db.schema.alterTable('appeals').dropColumn('source_kind').execute();
  await db.schema.dropTable('appeal_units').execute();
  await db.schema.dropIndex('users_unit').execute();
  await db.schema.alterTable('users').dropColumn('unit_id').execute();
  await db.schema.dropTable('unit_categories').execute();
  await db.schema.dropTable('units').execute();
}
