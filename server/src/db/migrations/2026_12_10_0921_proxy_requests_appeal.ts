import type { Kysely } from 'kysely';

// The appeal a proxy request became: found from the appeal's side (and checked by the foreign key
// when an appeal row goes) by an index, not a scan of every request.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('proxy_requests_appeal').on('proxy_requests').column('appeal_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('proxy_requests_appeal').execute();
}
