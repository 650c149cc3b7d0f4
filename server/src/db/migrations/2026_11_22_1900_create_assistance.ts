import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from './column-types';

// Contact and assistance: quotas, pairings, contact points, visits with their cadres and photos,
// help measures, and residents' ratings of their helpers.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('cadre_quotas')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('min', 'integer', (c) => c.notNull())
    .addColumn('max', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pairings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('end_date', t.date)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The household's tier when paired or last reviewed: leaving 'priority' asks for a review.
    .addColumn('reviewed_tier', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // One helper at a time per household.
  await sql`create unique index pairings_active_household on pairings (household_id) where status = 'active'`.execute(
    db,
  );
  await db.schema.createIndex('pairings_cadre').on('pairings').columns(['cadre_id', 'status']).execute();
  await db.schema.createIndex('pairings_area').on('pairings').columns(['area_code', 'status']).execute();

  await db.schema
    .createTable('contact_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('leader_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('start_date', t.date, (c) => c.notNull())
    .addColumn('end_date', t.date)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_points_village').on('contact_points').column('village_code').execute();
  await db.schema.createIndex('contact_points_leader').on('contact_points').column('leader_id').execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visits_household').on('visits').columns(['household_id', 'date']).execute();
  await db.schema.createIndex('visits_village').on('visits').columns(['village_code', 'date']).execute();
  await db.schema.createIndex('visits_date').on('visits').column('date').execute();

  await db.schema
    .createTable('visit_cadres')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_cadres_pk', ['visit_id', 'cadre_id'])
    .execute();
  await db.schema
    .createIndex('visit_cadres_cadre')
    .on('visit_cadres')
    .columns(['cadre_id', 'date'])
    .execute();

  await db.schema
    .createTable('visit_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_photos_visit').on('visit_photos').column('visit_id').execute();

  await db.schema
    .createTable('visit_appeals')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addPrimaryKeyConstraint('visit_appeals_pk', ['visit_id', 'appeal_id'])
    .execute();

  await db.schema
    .createTable('help_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('start_date', t.date)
    .addColumn('finished_at', t.timestamp)
    .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('help_measures_household').on('help_measures').column('household_id').execute();
  await db.schema
    .createIndex('help_measures_cadre')
    .on('help_measures')
    .columns(['cadre_id', 'status'])
    .execute();

  await db.schema
    .createTable('helper_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('helper_ratings_cadre').on('helper_ratings').column('cadre_id').execute();

  await db.schema
    .createTable('rating_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'rating_links',
    'helper_ratings',
    'help_measures',
    'visit_appeals',
    'visit_photos',
    'visit_cadres',
    'visits',
    'contact_points',
    'pairings',
    'cadre_quotas',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
