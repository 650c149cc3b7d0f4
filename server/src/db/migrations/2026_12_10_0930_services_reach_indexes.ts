import type { Kysely } from 'kysely';

// The reach of a department's staff (what was lodged with their unit) and of a station (its
// ratings and 差评 follow-ups) read through an index each, and the registry's resident (a foreign
// key checked when a resident goes) found without a scan of every request.
const indexes = [
  { name: 'proxy_requests_unit', table: 'proxy_requests', columns: ['unit_id', 'due_at'] },
  { name: 'proxy_requests_resident', table: 'proxy_requests', columns: ['resident_id'] },
  { name: 'service_ratings_station', table: 'service_ratings', columns: ['station_id', 'rated_at'] },
  { name: 'rating_follow_ups_station', table: 'rating_follow_ups', columns: ['station_id', 'status'] },
  { name: 'rating_follow_ups_unit', table: 'rating_follow_ups', columns: ['unit_id', 'status'] },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of indexes)
    await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of indexes) await db.schema.dropIndex(index.name).execute();
}
