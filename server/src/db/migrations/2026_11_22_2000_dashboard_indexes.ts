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
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('households_figures').execute();
  await db.schema.dropIndex('appeals_figures').execute();
}
