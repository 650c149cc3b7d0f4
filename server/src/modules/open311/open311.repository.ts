import type { Db } from '../../db/dialect';
import type { HotlineWorkOrdersTable, Open311RequestsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

/** Appeals taken in from other systems: Open311 service requests and 12345 hotline work orders. */

export interface VillagePlace {
  code: string;
  name: string;
  townName: string;
}

/** The villages in an area, with their town's name: the village attribute's values, and what an address is matched to. */
export async function villagesIn(db: Db, scope: AreaScope): Promise<VillagePlace[]> {
  const rows = await db
    .selectFrom('areas as village')
    .innerJoin('areas as town', 'town.code', 'village.parent_code')
    .select(['village.code', 'village.name', 'town.name as town_name'])
    .where('village.kind', '=', 'village')
    .where((eb) => inScope(eb, 'village.code', scope))
    .orderBy('village.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, townName: r.town_name }));
}

export async function insertOpen311Request(db: Db, row: Open311RequestsTable): Promise<void> {
  await db.insertInto('open311_requests').values(row).execute();
}

export interface RequestFilter {
  trackingCodes?: string[];
  serviceCodes?: string[];
  from?: string;
  to?: string;
  closed?: boolean;
  limit: number;
}

const CLOSED_STATUSES = ['resolved', 'closed', 'merged'] as const;

/** An integration's own service requests, newest first, with the public fields of their appeals. */
export async function listOpen311Requests(db: Db, integrationId: string, filter: RequestFilter) {
  let query = db
    .selectFrom('open311_requests as r')
    .innerJoin('appeals as a', 'a.id', 'r.appeal_id')
    .innerJoin('appeal_categories as c', 'c.code', 'a.category_code')
    .select([
      'a.tracking_code',
      'a.status',
      'a.resolution',
      'a.level',
      'a.category_code',
      'c.name_zh',
      'c.name_en',
      'a.received_at',
      'a.updated_at',
      'a.resolution_due_at',
    ])
    .where('r.integration_id', '=', integrationId);
  if (filter.trackingCodes) query = query.where('a.tracking_code', 'in', filter.trackingCodes);
  else {
    if (filter.serviceCodes) query = query.where('a.category_code', 'in', filter.serviceCodes);
    if (filter.from) query = query.where('r.created_at', '>=', filter.from);
    if (filter.to) query = query.where('r.created_at', '<=', filter.to);
    if (filter.closed === true) query = query.where('a.status', 'in', CLOSED_STATUSES);
    if (filter.closed === false) query = query.where('a.status', 'not in', CLOSED_STATUSES);
  }
  return query.orderBy('r.created_at', 'desc').orderBy('r.id').limit(filter.limit).execute();
}
export type Open311RequestRow = Awaited<ReturnType<typeof listOpen311Requests>>[number];

export async function findWorkOrder(db: Db, callerId: string, externalId: string) {
  return db
    .selectFrom('hotline_work_orders as w')
    .innerJoin('appeals as a', 'a.id', 'w.appeal_id')
    .select([
      'w.external_id',
      'w.appeal_id',
      'w.fingerprint',
      'w.hotline_category',
      'w.due_at',
      'a.tracking_code',
      'a.category_code',
    ])
    .where('w.caller_id', '=', callerId)
    .where('w.external_id', '=', externalId)
    .executeTakeFirst();
}

export async function insertWorkOrder(db: Db, row: HotlineWorkOrdersTable): Promise<void> {
  await db.insertInto('hotline_work_orders').values(row).execute();
}

/** The work order an appeal came from, if a hotline integration sent it. */
export async function workOrderOfAppeal(db: Db, appealId: string) {
  return db
    .selectFrom('hotline_work_orders')
    .select(['external_id', 'integration_id', 'due_at'])
    .where('appeal_id', '=', appealId)
    .where('integration_id', 'is not', null)
    .executeTakeFirst();
}

/** The integration whose system account this is; undefined for a person. */
export async function integrationOfAccount(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('integrations')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.id;
}

/** An active category whose code or name (either language) is exactly the hotline's. */
export async function categoryNamed(db: Db, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('appeal_categories')
    .select('code')
    .where('active', '=', true)
    .where((eb) => eb.or([eb('code', '=', name), eb('name_zh', '=', name), eb('name_en', '=', name)]))
    .orderBy('sort')
    .executeTakeFirst();
  return row?.code;
}

export async function appealSummary(db: Db, appealId: string) {
  return db
    .selectFrom('appeals')
    .select(['tracking_code', 'category_code', 'resolution_due_at'])
    .where('id', '=', appealId)
    .executeTakeFirstOrThrow();
}

/** The district (the service definitions list its villages), or undefined before the areas are set up. */
export async function districtOf(db: Db) {
  return db
    .selectFrom('areas')
    .select(['code', 'kind'])
    .where('kind', '=', 'district')
    .orderBy('code')
    .executeTakeFirst();
}
