import { type Kysely, sql } from 'kysely';

// The dashboards count a year of appeals and every household of an area: indexes that hold the
// columns they count, so those passes read an index in order instead of fetching each row.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('appeals_figures')
    .on('appeals')
    .columns([
      'received_at',
      'village_code',
      'status',
      'category_code',
      'accepted_at',
      'resolved_at',
      'resolution_due_at',
      'rating',
      'resolved_level',
      'max_level',
    ])
    .execute();
  await db.schema
    .createIndex('households_figures')
    .on('households')
    .columns(['status', 'area_code', 'tier'])
    .execute();
  // Statistics for the new indexes at once: without them SQLite takes `status = 'active'` on the
  // new index as selective and pages through every household by it (a district re-tier went
  // from 5 s to 15 s).
  await sql`analyze households`.execute(db);
  await sql`analyze appeals`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('households_figures').execute();
  await db.schema.dropIndex('appeals_figures').execute();
}
