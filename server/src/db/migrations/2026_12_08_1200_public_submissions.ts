import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// What the public page's limits count: one row per accepted submission, its address and phone as
// keyed hashes. A submission takes its place here (checked and inserted in one locked step) before
// the appeal is stored, so that concurrent submissions cannot all pass a check made before any
// of them was written. Rows older than a day are forgotten by the appeals sweep.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('public_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_submissions_ip')
    .on('public_submissions')
    .columns(['ip_hash', 'at'])
    .execute();
  await db.schema
    .createIndex('public_submissions_phone')
    .on('public_submissions')
    .columns(['phone_hash', 'at'])
    .execute();
  await db.schema.createIndex('public_submissions_at').on('public_submissions').column('at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_submissions').execute();
}
