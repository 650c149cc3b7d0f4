import { type Kysely, sql } from 'kysely';

// The queues show open appeals newest first: a partial index holds only the open ones (a few
// percent of the table), in that order, so a page is read without sorting years of closed cases.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index appeals_open_received on appeals (received_at, id)
    where status in ('received', 'accepted', 'in_progress', 'deferred', 'reopened')`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appeals_open_received').execute();
}
