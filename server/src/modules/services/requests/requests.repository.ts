import { openProxyStatuses, type ProxyRequestsListQuery, type ProxyStatus } from '@lianxin/common';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB, ProxyRequestsTable } from '../../../db/schema';
import { atStation, inScope, inUnit, type Scope } from '../../../platform/scope';

// 代办's reads: a request is seen by the area roles of its village (inScope on area_code), by the
// agents and head of its station and the agent it is assigned to (atStation), and by the staff of
// the unit that handles its item (inUnit).

type RequestsEb = ExpressionBuilder<DB & { r: ProxyRequestsTable }, 'r'>;

/** The codes starting with `prefix`, as a range: [prefix, prefix + 1). */
export function prefixRange(prefix: string): [string, string] {
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return [prefix, next.length === prefix.length ? next : '9'.repeat(prefix.length + 1)];
}

/** The digits every code of an area's subtree starts with (district 6, town 9, village 12). */
export function subtreePrefix(code: string): string {
  if (code.length === 12 && code.endsWith('000000')) return code.slice(0, 6);
  if (code.length === 12 && code.endsWith('000')) return code.slice(0, 9);
  return code;
}

// biome-ignore lint/suspicious/noExplicitAny: any query whose `r` is proxy_requests.
export function inReach(any: ExpressionBuilder<any, any>, scope: Scope): Expression<SqlBool> {
  const eb = any as RequestsEb;
  switch (scope.reach) {
    case 'area':
      return inScope(eb, 'r.area_code', scope);
    case 'station':
      return atStation(eb, { station: 'r.station_id', assignee: 'r.agent_id' }, scope);
    case 'unit':
      return inUnit(eb, 'r.unit_id', scope);
    default:
      return eb.val(false);
  }
}

function summaryRows(db: Db) {
  return db
    .selectFrom('proxy_requests as r')
    .innerJoin('service_items as i', 'i.id', 'r.item_id')
    .innerJoin('areas as a', 'a.code', 'r.area_code')
    .innerJoin('units as s', 's.id', 'r.station_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as g', 'g.id', 'r.agent_id')
    .select([
      'r.id',
      'r.tracking_code',
      'r.item_id',
      'i.name as item_name',
      'r.applicant_name',
      'r.phone_masked',
      'r.area_code',
      'a.name as village_name',
      'r.station_id',
      's.name as station_name',
      'r.unit_id',
      'u.name as unit_name',
      'r.agent_id',
      'g.name as agent_name',
      'r.channel',
      'r.status',
      'r.created_at',
      'r.due_at',
      'r.version',
    ]);
}

export type SummaryRow = Awaited<ReturnType<typeof listRequests>>[number];

/** The filters of the list and its export, all inside the caller's reach. */
function filtered(db: Db, scope: Scope, userId: string, query: ProxyRequestsListQuery, now: string) {
  const open = [...openProxyStatuses];
  // A station's agent's own requests are in reach by being theirs: no station test to slow the index read.
  const ownOnly = query.mine === 'true' && scope.reach === 'station';
  return summaryRows(db)
    .$if(!ownOnly, (qb) => qb.where((eb) => inReach(eb, scope)))
    .$if(query.mine === 'true', (qb) => qb.where('r.agent_id', '=', userId))
    .$if(query.status !== undefined, (qb) => qb.where('r.status', '=', query.status as ProxyStatus))
    .$if(query.overdue === 'true', (qb) => qb.where('r.status', 'in', open).where('r.due_at', '<', now))
    .$if(query.overdue === 'false', (qb) =>
      qb.where((eb) => eb.or([eb('r.status', 'not in', open), eb('r.due_at', '>=', now)])),
    )
    .$if(query.stationId !== undefined, (qb) => qb.where('r.station_id', '=', query.stationId ?? ''))
    .$if(query.areaCode !== undefined, (qb) =>
      qb.where((eb) => {
        const [low, high] = prefixRange(subtreePrefix(query.areaCode ?? ''));
        return eb.and([eb('r.area_code', '>=', low), eb('r.area_code', '<', high)]);
      }),
    )
    .$if(query.itemId !== undefined, (qb) => qb.where('r.item_id', '=', query.itemId ?? ''))
    .$if(query.q !== undefined && query.q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('r.tracking_code', '=', (query.q ?? '').toUpperCase()),
          eb('r.applicant_name', '=', query.q ?? ''),
        ]),
      ),
    );
}

/**
 * A page of the queue, due first (then by id), after the cursor's (due_at, id). Requests without
 * a due date (none are made so) sort as due at the end of time.
 */
export async function listRequests(
  db: Db,
  scope: Scope,
  userId: string,
  query: ProxyRequestsListQuery,
  now: string,
  after: [string, string] | null,
  limit: number,
) {
  return filtered(db, scope, userId, query, now)
    .$if(after !== null, (qb) =>
      qb.where((eb) => {
        const [due, id] = after as [string, string];
        return eb.or([eb('r.due_at', '>', due), eb.and([eb('r.due_at', '=', due), eb('r.id', '>', id)])]);
      }),
    )
    .orderBy('r.due_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

export async function countRequests(
  db: Db,
  scope: Scope,
  userId: string,
  query: ProxyRequestsListQuery,
  now: string,
): Promise<number> {
  const row = await filtered(db, scope, userId, query, now)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRequest(db: Db, scope: Scope | null, id: string) {
  return summaryRows(db)
    .select([
      'r.item_version',
      'r.resident_id',
      'r.description',
      'r.phone_enc',
      'r.warned_at',
      'r.assigned_at',
      'r.authorised_at',
      'r.collected_at',
      'r.submitted_at',
      'r.unit_receipt_no',
      'r.result_at',
      'r.result_note',
      'r.delivered_at',
      'r.closed_at',
      'r.cancelled_at',
      'r.cancel_reason',
      'r.appeal_id',
      'r.papers_purged_at',
    ])
    .where('r.id', '=', id)
    .$if(scope !== null, (qb) => qb.where((eb) => inReach(eb, scope as Scope)))
    .executeTakeFirst();
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function findByTrackingCode(db: Db, trackingCode: string) {
  return db
    .selectFrom('proxy_requests as r')
    .innerJoin('service_items as i', 'i.id', 'r.item_id')
    .innerJoin('areas as a', 'a.code', 'r.area_code')
    .innerJoin('units as s', 's.id', 'r.station_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.tracking_code',
      'i.name as item_name',
      'a.name as village_name',
      's.name as station_name',
      'u.name as unit_name',
      'r.status',
      'r.created_at',
      'r.due_at',
      'r.delivered_at',
      'r.phone_enc',
    ])
    .where('r.tracking_code', '=', trackingCode)
    .executeTakeFirst();
}

export async function requestMaterials(db: Db, requestId: string) {
  return db
    .selectFrom('proxy_request_materials')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function requestFiles(db: Db, requestId: string) {
  return db
    .selectFrom('proxy_request_files')
    .select(['id', 'kind', 'material_id', 'file_name', 'content_type', 'size', 'created_at'])
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findFile(db: Db, requestId: string, fileId: string) {
  return db
    .selectFrom('proxy_request_files')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export async function requestEvents(db: Db, requestId: string) {
  return db
    .selectFrom('proxy_request_events as e')
    .leftJoin('users as u', 'u.id', 'e.by')
    .select(['e.id', 'e.kind', 'e.note', 'e.data', 'e.at', 'u.name as by_name'])
    .where('e.request_id', '=', requestId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** The board's counts in the caller's reach: by status, open overdue and due before `soon`, per agent. */
export async function boardCounts(db: Db, scope: Scope, stationId: string | null, now: string, soon: string) {
  const open = [...openProxyStatuses];
  const base = () =>
    db
      .selectFrom('proxy_requests as r')
      .where((eb) => inReach(eb, scope))
      .$if(stationId !== null, (qb) => qb.where('r.station_id', '=', stationId ?? ''));
  const byStatus = await base()
    .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.status')
    .execute();
  const due = await base()
    .select([
      (eb) => eb.fn.sum<number>(eb.case().when('r.due_at', '<', now).then(1).else(0).end()).as('overdue'),
      (eb) => eb.fn.sum<number>(eb.case().when('r.due_at', '<', soon).then(1).else(0).end()).as('soon'),
    ])
    .where('r.status', 'in', open)
    .executeTakeFirstOrThrow();
  const agents = await base()
    .innerJoin('users as g', 'g.id', 'r.agent_id')
    .select([
      'r.agent_id',
      'g.name as agent_name',
      (eb) => eb.fn.countAll<number>().as('open'),
      (eb) => eb.fn.sum<number>(eb.case().when('r.due_at', '<', now).then(1).else(0).end()).as('overdue'),
    ])
    .where('r.status', 'in', open)
    .groupBy(['r.agent_id', 'g.name'])
    .orderBy('g.name')
    .execute();
  return { byStatus, overdue: Number(due.overdue ?? 0), soon: Number(due.soon ?? 0), agents };
}

/** The handling of an agent's open requests due before `soon` (overdue ones included): the to-do. */
export async function countAgentDue(db: Db, agentId: string, soon: string): Promise<number> {
  const row = await db
    .selectFrom('proxy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agentId)
    .where('status', 'in', [...openProxyStatuses])
    .where('due_at', '<', soon)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The item as a request is made on it: its current guide (JSON) pinned by version. */
export async function findItemWithGuide(db: Db, itemId: string) {
  return db
    .selectFrom('service_items as i')
    .innerJoin('service_item_versions as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version_no', '=', 'i.current_version'),
    )
    .select([
      'i.id',
      'i.name',
      'i.area_code',
      'i.unit_id',
      'i.proxy_allowed',
      'i.promised_days',
      'i.active',
      'i.current_version',
      'v.guide',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

/** The service station of a village, else the centre of its town (an active unit of kind service_station). */
export async function findStationFor(db: Db, villageCode: string) {
  const town = `${villageCode.slice(0, 9)}000`;
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'area_code'])
    .where('kind', '=', 'service_station')
    .where('active', '=', true)
    .where('area_code', 'in', [villageCode, town])
    .orderBy('name')
    .execute();
  return rows.find((r) => r.area_code === villageCode) ?? rows.find((r) => r.area_code === town);
}

export async function findAreaName(db: Db, code: string) {
  return db.selectFrom('areas').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
}

/** An account that may be named agent: its role, unit, area and whether it is enabled. */
export async function findAccount(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'unit_id', 'area_code', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The head(s) of a station: warned with the agent. */
export async function stationHeads(db: Db, stationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('unit_id', '=', stationId)
    .where('role', '=', 'station_head')
    .where('disabled_at', 'is', null)
    .execute();
}

/** A resident of the registry inside an area subtree (by code prefix). */
export async function findResidentIn(db: Db, id: string, prefix: string) {
  const [low, high] = prefixRange(prefix);
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'phone', 'area_code', 'status'])
    .where('id', '=', id)
    .where('area_code', '>=', low)
    .where('area_code', '<', high)
    .executeTakeFirst();
}
