import { type Kysely, sql } from 'kysely';

// Open appeals are a few percent of the table, and every queue and the deadline sweep look only at
// them: partial indexes hold just the open ones, newest first for the queues and by resolution
// deadline for the sweep. They replace the (status, deadline) index, which the planner preferred
// for the queues and then sorted years of cases. Queries name the open statuses as literals so
// that both engines can match these indexes.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const open = sql`status in ('received', 'accepted', 'in_progress', 'deferred', 'reopened')`;
  await db.schema.dropIndex('appeals_resolution_due').execute();
  await sql`create index appeals_open_received on appeals (received_at, id) where ${open}`.execute(db);
  await sql`create index appeals_open_due on appeals (resolution_due_at) where ${open}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appeals_open_due').execute();
  await db.schema.dropIndex('appeals_open_received').execute();
  await db.schema
    .createIndex('appeals_resolution_due')
    .on('appeals')
    .columns(['status', 'resolution_due_at'])
    .execute();
}
