import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// A district-wide re-tier is recorded once, instead of stamping its rule version on every
// household it left unchanged.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('tier_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('moved', 'integer', (c) => c.notNull())
    .addColumn('finished_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tier_runs_version').on('tier_runs').column('rule_version').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tier_runs').execute();
}
