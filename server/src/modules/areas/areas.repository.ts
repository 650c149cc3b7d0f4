import type { AreaKind, AreasListQuery } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import { type Db, ilikeOperator, likeContains } from '../../db/dialect';
import type { AreaRow, AreasTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

export async function listAreas(db: Db, scope: AreaScope, query: AreasListQuery): Promise<AreaRow[]> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where((eb) => inScope(eb, 'code', scope))
    .$if(query.parentCode !== undefined, (qb) => qb.where('parent_code', '=', query.parentCode ?? ''))
    .$if(query.kind !== undefined, (qb) => qb.where('kind', '=', query.kind as AreaKind))
    .$if(Boolean(query.q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('name', ilikeOperator(db), likeContains(query.q ?? '')),
          eb('code', 'like', `${query.q}%`),
        ]),
      ),
    )
    .orderBy('code')
    .limit(20_000)
    .execute();
}

export async function findArea(db: Db, scope: AreaScope, code: string): Promise<AreaRow | undefined> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('code', '=', code)
    .where((eb) => inScope(eb, 'code', scope))
    .executeTakeFirst();
}

/** The areas directly below one, within the caller's reach, in code order. */
export async function childAreas(
  db: Db,
  scope: AreaScope,
  parentCode: string,
): Promise<Pick<AreaRow, 'code' | 'name'>[]> {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('parent_code', '=', parentCode)
    .where((eb) => inScope(eb, 'code', scope))
    .orderBy('code')
    .execute();
}

/** Unscoped: the ancestors of an area, for showing where something is. */
export async function findAreasByCodes(db: Db, codes: string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('areas').selectAll().where('code', 'in', codes).execute();
}

export async function insertArea(db: Db, row: Insertable<AreasTable>): Promise<void> {
  await db.insertInto('areas').values(row).execute();
}

/** Optimistic update: false when the row is gone or its version moved on. */
export async function updateArea(
  db: Db,
  code: string,
  version: number,
  changes: Updateable<AreasTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('areas')
    .set({ ...changes, version: version + 1 })
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countAreas(db: Db): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
