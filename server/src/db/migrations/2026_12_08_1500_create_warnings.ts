import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Early warning (预警): one row per warning, its evidence (the appeals that raised it) in a link
// table. `cluster_key` is unique: the same cluster is never raised twice, even by two scans at once;
// a grown cluster adds its new appeals to the open warning.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cluster_key', 'text', (c) => c.notNull().unique())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('town_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('appeal_count', 'integer', (c) => c.notNull())
    .addColumn('household_count', 'integer', (c) => c.notNull())
    .addColumn('first_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_at', t.timestamp, (c) => c.notNull())
    .addColumn('raised_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('acknowledged_by', 'text')
    .addColumn('handled_at', t.timestamp)
    .addColumn('handled_by', 'text')
    .addColumn('note', 'text')
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('closed_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warnings_area').on('warnings').columns(['area_code', 'raised_at']).execute();
  await db.schema.createIndex('warnings_raised').on('warnings').columns(['raised_at']).execute();
  await db.schema
    .createTable('warning_appeals')
    .addColumn('warning_id', 'text', (c) => c.notNull().references('warnings.id'))
    .addColumn('appeal_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('warning_appeals_pk', ['warning_id', 'appeal_id'])
    .execute();
  await db.schema.createIndex('warning_appeals_appeal').on('warning_appeals').column('appeal_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('warning_appeals').execute();
  await db.schema.dropTable('warnings').execute();
}
