import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Appeals taken in from other systems: the service requests of Open311 GeoReport v2 clients and
// the work orders of city 12345 hotlines. Each row links the system's record to the appeal it
// became, so a client reads back only its own requests and a hotline's work order is taken in
// once (the unique pair of the calling account and the hotline's own id holds under concurrency).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('open311_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id'))
    .addColumn('appeal_id', 'text', (c) => c.notNull().unique().references('appeals.id'))
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('open311_requests_integration')
    .on('open311_requests')
    .columns(['integration_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('hotline_work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The account that sent it: an integration's system account, or a person keying it in.
    .addColumn('caller_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('integration_id', 'text', (c) => c.references('integrations.id'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text', (c) => c.notNull().unique().references('appeals.id'))
    .addColumn('hotline_category', 'text', (c) => c.notNull())
    .addColumn('due_at', t.timestamp)
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('hotline_work_orders_caller_external', ['caller_id', 'external_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hotline_work_orders').execute();
  await db.schema.dropTable('open311_requests').execute();
}
