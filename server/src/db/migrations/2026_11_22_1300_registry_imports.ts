import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from './column-types';

// Household edits, list filters on the latest indicators, and roster imports.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // The latest year's per-capita income and hardship count, kept beside the household so the
  // list can filter on them without reading every household's indicators.
  await db.schema.alterTable('households').addColumn('per_capita_income', t.bigint).execute();
  await db.schema.alterTable('households').addColumn('hardship_count', 'integer').execute();
  await db.schema.createIndex('households_updated').on('households').columns(['updated_at', 'id']).execute();

  await db.schema
    .createTable('household_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The uploader's area: the import reads and writes only inside it.
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // Kept in the database so that any instance can run the import; dropped once it is done.
    .addColumn('content', isPostgres(db) ? sql`bytea` : sql`blob`)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text')
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('committed_at', t.timestamp)
    .addCheckConstraint(
      'household_imports_status',
      sql`status in ('validating', 'ready', 'invalid', 'committing', 'committed', 'failed')`,
    )
    .execute();
  await db.schema
    .createIndex('household_imports_area')
    .on('household_imports')
    .columns(['area_code', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_imports').execute();
  await db.schema.dropIndex('households_updated').execute();
  await db.schema.alterTable('households').dropColumn('hardship_count').execute();
  await db.schema.alterTable('households').dropColumn('per_capita_income').execute();
}
