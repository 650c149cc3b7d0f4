import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type { ProxyRequestEventsTable, ProxyRequestMaterialsTable, ProxyRequestsTable } from '../db/schema';
import { chunks } from '../platform/collections';

/** The demo catalogue's items that may be done by proxy, with their current guide. */
export async function demoProxyItems(db: Db) {
  return db
    .selectFrom('service_items as i')
    .innerJoin('service_item_versions as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version_no', '=', 'i.current_version'),
    )
    .select(['i.id', 'i.name', 'i.unit_id', 'i.promised_days', 'i.current_version', 'v.guide'])
    .where('i.proxy_allowed', '=', true)
    .where('i.active', '=', true)
    .orderBy('i.code')
    .execute();
}

/** The stations and town centres, with their area. */
export async function demoStations(db: Db) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'area_code'])
    .where('kind', '=', 'service_station')
    .where('active', '=', true)
    .orderBy('area_code')
    .orderBy('name')
    .execute();
}

/** Villages with their town, and the accounts that may work a request: agents, heads, cadres. */
export async function demoVillagesAndWorkers(db: Db) {
  const villages = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('kind', '=', 'village')
    .orderBy('code')
    .execute();
  const workers = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'unit_id', 'area_code'])
    .where('role', 'in', ['service_agent', 'station_head', 'village_cadre'])
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
  return { villages, workers };
}

export async function insertDemoProxyRequests(
  db: Db,
  requests: Insertable<ProxyRequestsTable>[],
  materials: Insertable<ProxyRequestMaterialsTable>[],
  events: Insertable<ProxyRequestEventsTable>[],
): Promise<void> {
  for (const part of chunks(requests, 200)) await db.insertInto('proxy_requests').values(part).execute();
  for (const part of chunks(materials, 500))
    await db.insertInto('proxy_request_materials').values(part).execute();
  for (const part of chunks(events, 500)) await db.insertInto('proxy_request_events').values(part).execute();
}
