import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AreaRow, AreasTable } from '../../../db/schema';

// Batches stay well under SQLite's and PostgreSQL's bound-parameter limits.
const LOOKUP_BATCH = 500;
const INSERT_BATCH = 200;

/** The areas with these codes that exist, whatever the caller's reach. */
export async function existingAreas(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, Pick<AreaRow, 'code' | 'name' | 'kind' | 'version'>>> {
  const found = new Map<string, Pick<AreaRow, 'code' | 'name' | 'kind' | 'version'>>();
  for (let i = 0; i < codes.length; i += LOOKUP_BATCH) {
    const rows = await db
      .selectFrom('areas')
      .select(['code', 'name', 'kind', 'version'])
      .where('code', 'in', codes.slice(i, i + LOOKUP_BATCH))
      .execute();
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

/** Inserts rows given parents first. */
export async function insertAreas(db: Db, rows: readonly Insertable<AreasTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('areas')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

/** Renames an area, bumping its version so that an open edit form notices. */
export async function renameArea(db: Db, code: string, name: string, at: string): Promise<void> {
  await db
    .updateTable('areas')
    .set((eb) => ({ name, updated_at: at, version: eb('version', '+', 1) }))
    .where('code', '=', code)
    .execute();
}

/** The district, if the tree has one yet. */
export async function findDistrictArea(db: Db): Promise<Pick<AreaRow, 'code' | 'kind'> | undefined> {
  return db.selectFrom('areas').select(['code', 'kind']).where('kind', '=', 'district').executeTakeFirst();
}
