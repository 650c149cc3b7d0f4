import type { Kysely } from 'kysely';

// The agent's queue (代办): their requests, due first, a page at a time, whatever the status —
// one index range read instead of sorting all the agent's requests of three years.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('proxy_requests_agent_due')
    .on('proxy_requests')
    .columns(['agent_id', 'due_at', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('proxy_requests_agent_due').execute();
}
