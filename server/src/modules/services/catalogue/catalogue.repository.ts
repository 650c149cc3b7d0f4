import type { ServiceCategory } from '@lianxin/common';
import type { Expression, ExpressionBuilder, Insertable, ReferenceExpression, SqlBool } from 'kysely';
import { type Db, ilikeOperator, likeContains } from '../../../db/dialect';
import type { ServiceItemsTable, ServiceItemVersionsTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

// The service catalogue's SQL: items (each guide versioned as JSON) seen by the areas they belong
// to — the district's list and the towns' local items.

/**
 * Which items a caller sees: those of areas inside `scope` (a district caller: all; a town: its own
 * local items) and those of the areas above it (the district's list, the caller's town's items).
 */
export interface ItemReach {
  scope: AreaScope;
  /** The district and town codes above the caller's area (its own code included). */
  above: string[];
}

/** `column` holds an area code of `reach`: inside its subtree, or one of the areas above it. */
export function reachOf<D, TB extends keyof D>(
  eb: ExpressionBuilder<D, TB>,
  column: ReferenceExpression<D, TB>,
  reach: ItemReach,
): Expression<SqlBool> {
  const within = inScope(eb, column, reach.scope);
  // An empty IN list is an error on PostgreSQL.
  return reach.above.length === 0 ? within : eb.or([within, eb(column, 'in', reach.above)]);
}

export interface ItemFilters {
  q?: string;
  category?: ServiceCategory;
  areaCode?: string;
  unitId?: string;
  proxyAllowed?: boolean;
  active?: boolean;
}

function itemRows(db: Db, reach: ItemReach | null) {
  return db
    .selectFrom('service_items as i')
    .innerJoin('areas as a', 'a.code', 'i.area_code')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      'i.id',
      'i.code',
      'i.area_code',
      'a.name as area_name',
      'i.category',
      'i.name',
      'i.unit_id',
      'u.name as unit_name',
      'u.address as unit_address',
      'u.phone as unit_phone',
      'i.proxy_allowed',
      'i.promised_days',
      'i.current_version',
      'i.active',
      'i.updated_at',
      'i.version',
    ])
    .$if(reach !== null, (qb) =>
      qb.where((eb) => {
        const r = reach as ItemReach;
        return reachOf(eb, 'i.area_code', r);
      }),
    );
}

export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

function filtered(db: Db, reach: ItemReach | null, f: ItemFilters) {
  return itemRows(db, reach)
    .$if(Boolean(f.q), (qb) =>
      qb.where('i.search_text', ilikeOperator(db), likeContains((f.q ?? '').toLowerCase())),
    )
    .$if(f.category !== undefined, (qb) => qb.where('i.category', '=', f.category as ServiceCategory))
    .$if(f.areaCode !== undefined, (qb) => qb.where('i.area_code', '=', f.areaCode as string))
    .$if(f.unitId !== undefined, (qb) => qb.where('i.unit_id', '=', f.unitId as string))
    .$if(f.proxyAllowed !== undefined, (qb) => qb.where('i.proxy_allowed', '=', f.proxyAllowed as boolean))
    .$if(f.active !== undefined, (qb) => qb.where('i.active', '=', f.active as boolean));
}

/** A page of items in reach (null: anyone's, for the public catalogue), by category and name. */
export async function listItemRows(
  db: Db,
  reach: ItemReach | null,
  f: ItemFilters,
  page: { limit: number; offset: number },
) {
  const rows = await filtered(db, reach, f)
    .orderBy('i.category')
    .orderBy('i.name')
    .orderBy('i.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // A page that is not full from the first row is the whole result: no count needed.
  if (rows.length < page.limit && (page.offset === 0 || rows.length > 0)) {
    return { rows, total: page.offset + rows.length };
  }
  const counted = await filtered(db, reach, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return { rows, total: Number(counted?.n ?? 0) };
}

export function findItem(db: Db, reach: ItemReach | null, id: string) {
  return itemRows(db, reach).where('i.id', '=', id).executeTakeFirst();
}

export function findItemVersion(db: Db, itemId: string, versionNo: number) {
  return db
    .selectFrom('service_item_versions as v')
    .leftJoin('users', 'users.id', 'v.created_by')
    .select(['v.item_id', 'v.version_no', 'v.guide', 'v.created_at', 'users.name as created_by_name'])
    .where('v.item_id', '=', itemId)
    .where('v.version_no', '=', versionNo)
    .executeTakeFirst();
}

export function itemVersions(db: Db, itemId: string) {
  return db
    .selectFrom('service_item_versions as v')
    .leftJoin('users', 'users.id', 'v.created_by')
    .select(['v.version_no', 'v.created_at', 'users.name as created_by_name'])
    .where('v.item_id', '=', itemId)
    .orderBy('v.version_no', 'desc')
    .execute();
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('service_items').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertItem(
  db: Db,
  item: Insertable<ServiceItemsTable>,
  version: Insertable<ServiceItemVersionsTable>,
): Promise<void> {
  await db.insertInto('service_items').values(item).execute();
  await db.insertInto('service_item_versions').values(version).execute();
}

/** Writes the next version of an item's guide at the version read; false when it changed since. */
export async function saveItemVersion(
  db: Db,
  id: string,
  readVersion: number,
  fields: Pick<
    ServiceItemsTable,
    'category' | 'name' | 'search_text' | 'unit_id' | 'promised_days' | 'updated_at'
  > & {
    proxy_allowed: boolean;
  },
  version: Insertable<ServiceItemVersionsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('service_items')
    .set({ ...fields, current_version: version.version_no })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.insertInto('service_item_versions').values(version).execute();
  return true;
}

export async function setItemActive(
  db: Db,
  id: string,
  readVersion: number,
  active: boolean,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('service_items')
    .set({ active, updated_at: now })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Area kind of a code, for create's checks. */
export function areaOf(db: Db, code: string) {
  return db.selectFrom('areas').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
}
