import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types';

// The household registry (一户一档) and its tiering.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The most specific area known (group, else village): what area scope filters on.
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text')
    .addColumn('head_resident_id', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tier', 'text')
    .addColumn('tier_source', 'text')
    .addColumn('tier_rule_version', 'integer')
    .addColumn('tier_reasons', 'text')
    .addColumn('tier_updated_at', t.timestamp)
    // Lower-cased names, number and address, for free-text search.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('households_village_number', ['village_code', 'number'])
    .addCheckConstraint('households_status', sql`status in ('active', 'moved_out', 'dissolved')`)
    .addCheckConstraint('households_tier', sql`tier is null or tier in ('stable', 'watch', 'priority')`)
    .execute();
  await db.schema
    .createIndex('households_area_number')
    .on('households')
    .columns(['area_code', 'number', 'id'])
    .execute();
  await db.schema
    .createIndex('households_tier_area')
    .on('households')
    .columns(['tier', 'area_code', 'number', 'id'])
    .execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_cipher', 'text')
    .addColumn('id_number_hash', 'text', (c) => c.unique())
    .addColumn('id_number_masked', 'text')
    .addColumn('gender', 'text')
    .addColumn('birth_date', t.date)
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('party_member', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('party_join_year', 'integer')
    .addColumn('employment', 'text')
    .addColumn('education', 'text')
    .addColumn('disabled', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('seriously_ill', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('public_roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('residents_status', sql`status in ('active', 'moved_out', 'deceased')`)
    .execute();
  await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_area').on('residents').column('area_code').execute();

  await db.schema
    .createTable('tag_definitions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('builtin', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('household_tags')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('tag_code', 'text', (c) => c.notNull().references('tag_definitions.code'))
    .addPrimaryKeyConstraint('household_tags_pk', ['household_id', 'tag_code'])
    .execute();
  await db.schema
    .createIndex('household_tags_tag')
    .on('household_tags')
    .columns(['tag_code', 'household_id'])
    .execute();
  await db.schema
    .createTable('resident_tags')
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('tag_code', 'text', (c) => c.notNull().references('tag_definitions.code'))
    .addPrimaryKeyConstraint('resident_tags_pk', ['resident_id', 'tag_code'])
    .execute();
  await db.schema
    .createIndex('resident_tags_tag')
    .on('resident_tags')
    .columns(['tag_code', 'resident_id'])
    .execute();

  await db.schema
    .createTable('household_indicators')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // Yuan per year, whole numbers.
    .addColumn('total_income', t.bigint, (c) => c.notNull())
    .addColumn('debt', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('main_income_source', 'text')
    .addColumn('hardships', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('household_indicators_pk', ['household_id', 'year'])
    .execute();

  await db.schema
    .createTable('tier_rule_sets')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('effective_from', t.date, (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tier_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('from_tier', 'text')
    .addColumn('to_tier', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema
    .createIndex('tier_history_household')
    .on('tier_history')
    .columns(['household_id', 'at'])
    .execute();
  await db.schema.createIndex('tier_history_at').on('tier_history').column('at').execute();

  await db.schema
    .createTable('tier_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', t.timestamp, (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decision_note', 'text')
    .addCheckConstraint(
      'tier_overrides_status',
      sql`status in ('pending', 'approved', 'rejected', 'revoked')`,
    )
    .execute();
  await db.schema
    .createIndex('tier_overrides_household')
    .on('tier_overrides')
    .columns(['household_id', 'status'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'tier_overrides',
    'tier_history',
    'tier_rule_sets',
    'household_indicators',
    'resident_tags',
    'household_tags',
    'tag_definitions',
    'residents',
    'households',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
