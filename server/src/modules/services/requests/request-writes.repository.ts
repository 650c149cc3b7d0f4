import { openProxyStatuses, type ProxyEventKind } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type {
  ProxyRequestFilesTable,
  ProxyRequestMaterialsTable,
  ProxyRequestsTable,
} from '../../../db/schema';
import { newId } from '../../../platform/ids';

// 代办's writes: the request, its checklist, its sealed files and its timeline; the sweeps' marks.

export async function insertRequest(
  db: Db,
  row: Insertable<ProxyRequestsTable>,
  materials: Insertable<ProxyRequestMaterialsTable>[],
): Promise<void> {
  await db.insertInto('proxy_requests').values(row).execute();
  if (materials.length > 0) await db.insertInto('proxy_request_materials').values(materials).execute();
}

export async function insertEvent(
  db: Db,
  event: {
    requestId: string;
    kind: ProxyEventKind;
    note?: string | null;
    data?: unknown;
    at: string;
    by: string | null;
  },
): Promise<void> {
  await db
    .insertInto('proxy_request_events')
    .values({
      id: newId(),
      request_id: event.requestId,
      kind: event.kind,
      note: event.note ?? null,
      data: event.data === undefined ? null : JSON.stringify(event.data),
      at: event.at,
      by: event.by,
    })
    .execute();
}

/** Applies a step when the request is still at `version` and one of `from`; false otherwise. */
export async function updateRequest(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<ProxyRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('proxy_requests')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMaterialsCollected(
  db: Db,
  requestId: string,
  items: { id: string; receiptNo: string | null }[],
  at: string,
): Promise<void> {
  for (const item of items) {
    await db
      .updateTable('proxy_request_materials')
      .set({ collected_at: at, receipt_no: item.receiptNo })
      .where('request_id', '=', requestId)
      .where('id', '=', item.id)
      .where('collected_at', 'is', null)
      .execute();
  }
}

export async function markMaterialsReturned(db: Db, requestId: string, ids: string[], at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('proxy_request_materials')
    .set({ returned_at: at })
    .where('request_id', '=', requestId)
    .where('id', 'in', ids)
    .where('receipt_no', 'is not', null)
    .where('returned_at', 'is', null)
    .execute();
}

export async function insertFile(db: Db, row: Insertable<ProxyRequestFilesTable>): Promise<void> {
  await db.insertInto('proxy_request_files').values(row).execute();
}

/** Open requests due before `cutoff`, not yet warned: taken (warned_at set) in the same step. */
export async function takeDueWarnings(db: Db, cutoff: string, now: string, limit: number) {
  const rows = await db
    .selectFrom('proxy_requests as r')
    .innerJoin('service_items as i', 'i.id', 'r.item_id')
    .leftJoin('users as g', 'g.id', 'r.agent_id')
    .select([
      'r.id',
      'r.tracking_code',
      'r.area_code',
      'r.station_id',
      'r.due_at',
      'i.name as item_name',
      'g.name as agent_name',
    ])
    .where('r.status', 'in', [...openProxyStatuses])
    .where('r.warned_at', 'is', null)
    .where('r.due_at', '<', cutoff)
    .orderBy('r.due_at')
    .limit(limit)
    .execute();
  const taken = [];
  for (const row of rows) {
    const result = await db
      .updateTable('proxy_requests')
      .set({ warned_at: now })
      .where('id', '=', row.id)
      .where('warned_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) taken.push(row);
  }
  return taken;
}

/** Open requests past due, warned before, without an overdue mark on their timeline yet. */
export async function overdueUnmarked(db: Db, now: string, limit: number) {
  return db
    .selectFrom('proxy_requests as r')
    .innerJoin('service_items as i', 'i.id', 'r.item_id')
    .leftJoin('users as g', 'g.id', 'r.agent_id')
    .select([
      'r.id',
      'r.tracking_code',
      'r.area_code',
      'r.station_id',
      'r.due_at',
      'i.name as item_name',
      'g.name as agent_name',
    ])
    .where('r.status', 'in', [...openProxyStatuses])
    .where('r.warned_at', 'is not', null)
    .where('r.due_at', '<', now)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('proxy_request_events as e')
            .select('e.id')
            .whereRef('e.request_id', '=', 'r.id')
            .where('e.kind', '=', 'overdue'),
        ),
      ),
    )
    .orderBy('r.due_at')
    .limit(limit)
    .execute();
}

/** Requests whose papers are due for deletion (closed or cancelled long enough ago), not yet purged. */
export async function purgeablePapers(db: Db, now: string, limit: number) {
  return db
    .selectFrom('proxy_requests')
    .select(['id', 'area_code'])
    .where('papers_purge_after', '<=', now)
    .where('papers_purged_at', 'is', null)
    .orderBy('papers_purge_after')
    .limit(limit)
    .execute();
}

/**
 * Deletes a request's stored files and marks it purged (no longer due: the sweep's index range
 * holds only requests still waiting); the number of files deleted.
 */
export async function purgePapers(db: Db, requestId: string, now: string): Promise<number> {
  const result = await db
    .deleteFrom('proxy_request_files')
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  await db
    .updateTable('proxy_requests')
    .set({ papers_purged_at: now, papers_purge_after: null })
    .where('id', '=', requestId)
    .execute();
  return Number(result.numDeletedRows);
}

/** The public tracking's failed attempts, counted with the appeals' (one throttle per address). */
export async function countTrackFailures(db: Db, ipHash: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('public_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip_hash', '=', ipHash)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertTrackFailure(db: Db, ipHash: string, at: string): Promise<void> {
  await db.insertInto('public_failures').values({ id: newId(), ip_hash: ipHash, at }).execute();
}
