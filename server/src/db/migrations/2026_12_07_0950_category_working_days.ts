import type { Kysely } from 'kysely';

// A category may count its resolution period in working days (工作日) rather than calendar days;
// every existing category keeps calendar days.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('appeal_categories')
    .addColumn('deadline_unit', 'text', (c) => c.notNull().defaultTo('calendar_days'))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeal_categories').dropColumn('deadline_unit').execute();
}
