import type { Insertable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { TagDefinitionsTable } from '../../db/schema';

/** Every tag: the built-in ones first, then the district's own, each by code. */
export async function listTagDefinitions(db: Db) {
  return db.selectFrom('tag_definitions').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
}

export async function insertTagDefinition(db: Db, row: Insertable<TagDefinitionsTable>): Promise<void> {
  await db.insertInto('tag_definitions').values(row).execute();
}
