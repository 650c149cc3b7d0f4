import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// The annual assessment: a year's configuration and state, and each cadre's score in it.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('assessment_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('computed_at', t.timestamp)
    .addColumn('finalized_at', t.timestamp)
    .addColumn('finalized_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('assessment_scores')
    .addColumn('year', 'integer', (c) => c.notNull().references('assessment_years.year'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('cohort', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('assessment_scores_pk', ['year', 'cadre_id'])
    .execute();
  await db.schema
    .createIndex('assessment_scores_area')
    .on('assessment_scores')
    .columns(['year', 'area_code'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_scores').execute();
  await db.schema.dropTable('assessment_years').execute();
}
