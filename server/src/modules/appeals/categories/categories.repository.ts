import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealCategoriesTable } from '../../../db/schema';

export type CategoryRow = Selectable<AppealCategoriesTable>;

/** Whether any category exists yet (the defaults go in only on a first start). */
export async function hasCategories(db: Db): Promise<boolean> {
  const row = await db.selectFrom('appeal_categories').select('code').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Adds categories, leaving alone any whose code is already taken (two instances starting at once). */
export async function insertMissingCategories(
  db: Db,
  rows: Insertable<AppealCategoriesTable>[],
): Promise<void> {
  await db
    .insertInto('appeal_categories')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('appeal_categories').selectAll().orderBy('sort').orderBy('code').execute();
}

export async function findCategory(db: Db, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('appeal_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCategory(db: Db, row: Insertable<AppealCategoriesTable>): Promise<void> {
  await db.insertInto('appeal_categories').values(row).execute();
}

export async function updateCategory(db: Db, code: string, row: Updateable<AppealCategoriesTable>) {
  const result = await db
    .updateTable('appeal_categories')
    .set(row)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
