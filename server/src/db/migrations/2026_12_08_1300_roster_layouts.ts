import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from './column-types';

// Rosters as village offices keep them: the layout the importer found (header row, sheet,
// columns) and the mapping the user chose, remembered per village by the header's signature; the
// choice to write the valid households only, and the rows held back. Look-ups of ID numbers
// registered outside the caller's area: counted per account and day, and the verification cases
// raised past the daily limit.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`;
  await db.schema.alterTable('household_imports').addColumn('village_code', 'text').execute();
  await db.schema.alterTable('household_imports').addColumn('sheet', 'integer').execute();
  await db.schema.alterTable('household_imports').addColumn('mapping', 'text').execute();
  await db.schema.alterTable('household_imports').addColumn('layout', 'text').execute();
  await db.schema.alterTable('household_imports').addColumn('held_back', 'text').execute();
  await db.schema.alterTable('household_imports').addColumn('held_back_file', blob).execute();
  await db.schema.alterTable('household_imports').addColumn('valid_only', t.boolean).execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['area_code', 'signature'])
    .execute();

  await db.schema
    .createTable('id_number_lookups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // One look-up per source (a request, an import file); counted per account and day.
  await db.schema
    .createIndex('id_number_lookups_source')
    .on('id_number_lookups')
    .columns(['user_id', 'source'])
    .unique()
    .execute();
  await db.schema
    .createIndex('id_number_lookups_day')
    .on('id_number_lookups')
    .columns(['user_id', 'day'])
    .execute();

  await db.schema
    .createTable('id_number_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('numbers', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema
    .createIndex('id_number_checks_town')
    .on('id_number_checks')
    .columns(['town_code', 'closed_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('id_number_checks').execute();
  await db.schema.dropTable('id_number_lookups').execute();
  await db.schema.dropTable('import_mappings').execute();
  for (const column of [
    'valid_only',
    'held_back_file',
    'held_back',
    'layout',
    'mapping',
    'sheet',
    'village_code',
  ]) {
    await db.schema.alterTable('household_imports').dropColumn(column).execute();
  }
}
