import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Reception days (大接访 / 大下访): a leader's reception event held by the district or a town, and
// the appeals received there.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('reception_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('leader_post', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    // JSON array of strings.
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reception_days_area')
    .on('reception_days')
    .columns(['area_code', 'starts_at'])
    .execute();
  await db.schema.createIndex('reception_days_starts').on('reception_days').column('starts_at').execute();
  // An appeal is received at one event at most.
  await db.schema
    .createTable('reception_day_appeals')
    .addColumn('appeal_id', 'text', (c) => c.primaryKey().references('appeals.id'))
    .addColumn('reception_day_id', 'text', (c) => c.notNull().references('reception_days.id'))
    .addColumn('linked_at', t.timestamp, (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('reception_day_appeals_day')
    .on('reception_day_appeals')
    .columns(['reception_day_id', 'linked_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reception_day_appeals').execute();
  await db.schema.dropTable('reception_days').execute();
}
