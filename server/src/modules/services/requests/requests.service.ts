import { randomInt } from 'node:crypto';
import {
  addWorkingDays,
  type HolidayCalendar,
  maskPhone,
  type ProxyBoard,
  type ProxyChannel,
  type ProxyRequest,
  type ProxyRequestsListQuery,
  type ProxyRequestsPage,
  type ProxyStatus,
  type PublicProxyRequest,
  proxyStatuses,
} from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { ProxyRequestMaterialsTable, ProxyRequestsTable } from '../../../db/schema';
import type { Actor } from '../../../platform/audit/audit.service';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { decodeCursor, encodeCursor } from '../../../platform/cursor';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { RequestContext } from '../../../platform/request-context';
import type { Scope } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import { codesAbove } from '../catalogue/catalogue.service';
import { insertEvent, insertRequest } from './request-writes.repository';
import { guideMaterials, isOverdue, toRequest, toSummary } from './requests.model';
import {
  boardCounts,
  countRequests,
  findAreaName,
  findItemWithGuide,
  findRequest,
  findStationFor,
  listRequests,
  requestEvents,
  requestFiles,
  requestMaterials,
} from './requests.repository';

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code a resident can read over the phone (no 0/O, 1/I), like an appeal's; 代办 codes start with D. */
export function newProxyTrackingCode(): string {
  let code = 'D';
  for (let i = 0; i < 9; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

export interface NewRequest {
  itemId: string;
  channel: ProxyChannel;
  /** The village (or group) the resident lives in. */
  areaCode: string;
  residentId: string | null;
  applicantName: string;
  phone: string;
  description: string;
}

/** A request ready to store: its rows, built (and its reads done) before any write. */
export interface PreparedRequest {
  row: Insertable<ProxyRequestsTable>;
  materials: Insertable<ProxyRequestMaterialsTable>[];
  actor: Actor;
  created: { id: string; trackingCode: string; dueAt: string; stationName: string };
}

/**
 * Prepares a request: the item must allow proxy; the station is the village's own, else its town's
 * centre; the unit is the item's; the guide's version is pinned and its materials copied into the
 * checklist; due the item's promised working days from now. Reads only.
 */
export async function prepareRequest(
  db: Db,
  ctx: { clock: Clock; secrets: Secrets; actor: Actor },
  calendar: HolidayCalendar,
  input: NewRequest,
): Promise<PreparedRequest> {
  const item = await findItemWithGuide(db, input.itemId);
  if (!item?.active || !item.proxy_allowed) throw new AppError('PROXY_ITEM_INVALID');
  const area = await findAreaName(db, input.areaCode);
  if (!area || (area.kind !== 'village' && area.kind !== 'group')) throw new AppError('AREA_UNKNOWN');
  // The district's items serve everyone; a town's local items only its own villages.
  if (!codesAbove(input.areaCode, 'village').includes(item.area_code))
    throw new AppError('PROXY_ITEM_INVALID');
  const station = await findStationFor(db, input.areaCode.slice(0, 12));
  if (!station) throw new AppError('PROXY_STATION_MISSING');
  const now = ctx.clock.now();
  const at = now.toISOString();
  // An item done on the spot (即办, 0 days) still needs the agent's trip: at least one working day.
  const dueAt = addWorkingDays(calendar, now, Math.max(1, item.promised_days)).toISOString();
  const id = newId();
  const trackingCode = newProxyTrackingCode();
  const materials = guideMaterials(item.guide).map((m) => ({
    id: newId(),
    request_id: id,
    name: m.name,
    form: m.form,
    count: m.count,
    collected_at: null,
    receipt_no: null,
    returned_at: null,
    note: m.notes === '' ? null : m.notes,
  }));
  const row: Insertable<ProxyRequestsTable> = {
    id,
    tracking_code: trackingCode,
    item_id: item.id,
    item_version: item.current_version,
    area_code: input.areaCode,
    station_id: station.id,
    unit_id: item.unit_id,
    agent_id: null,
    channel: input.channel,
    resident_id: input.residentId,
    applicant_name: input.applicantName,
    phone_enc: ctx.secrets.encrypt(input.phone),
    phone_hash: ctx.secrets.lookupHash(input.phone),
    phone_masked: maskPhone(input.phone),
    description: input.description === '' ? null : input.description,
    status: 'submitted',
    due_at: dueAt,
    warned_at: null,
    assigned_at: null,
    authorised_at: null,
    collected_at: null,
    submitted_at: null,
    unit_receipt_no: null,
    result_at: null,
    result_note: null,
    delivered_at: null,
    closed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    appeal_id: null,
    papers_purge_after: null,
    papers_purged_at: null,
    created_at: at,
    created_by: ctx.actor.id,
    updated_at: at,
    version: 1,
  };
  return {
    row,
    materials,
    actor: ctx.actor,
    created: { id, trackingCode, dueAt, stationName: station.name },
  };
}

/** Stores prepared requests with their first timeline entry, audited; in the caller's transaction. */
export async function storeRequests(trx: Db, clock: Clock, batch: PreparedRequest[]): Promise<void> {
  for (const p of batch) {
    await insertRequest(trx, p.row, p.materials);
    await insertEvent(trx, {
      requestId: p.created.id,
      kind: 'created',
      data: { channel: p.row.channel, itemVersion: p.row.item_version },
      at: p.row.created_at,
      by: p.actor.id,
    });
    await recordAudit(trx, clock, p.actor, {
      action: 'proxy_request.create',
      objectType: 'proxy_request',
      objectId: p.created.id,
      areaCode: p.row.area_code,
      after: {
        itemId: p.row.item_id,
        channel: p.row.channel,
        stationId: p.row.station_id,
        dueAt: p.row.due_at,
      },
    });
  }
}

/** Records a request in the caller's transaction: prepared, then stored. */
export async function recordRequest(
  trx: Db,
  ctx: { clock: Clock; secrets: Secrets; actor: Actor },
  calendar: HolidayCalendar,
  input: NewRequest,
): Promise<PreparedRequest['created']> {
  const prepared = await prepareRequest(trx, ctx, calendar, input);
  await storeRequests(trx, ctx.clock, [prepared]);
  return prepared.created;
}

export async function getRequest(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock'> | { scope: null; clock: Clock },
  id: string,
): Promise<ProxyRequest> {
  const row = await findRequest(db, ctx.scope, id);
  if (!row) throw notFound();
  const [materials, files, events] = await Promise.all([
    requestMaterials(db, id),
    requestFiles(db, id),
    requestEvents(db, id),
  ]);
  return toRequest(row, { materials, files, events }, ctx.clock.now());
}

export async function listRequestsInReach(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock' | 'actor'>,
  query: ProxyRequestsListQuery,
): Promise<ProxyRequestsPage> {
  const now = ctx.clock.now();
  const userId = ctx.actor.id ?? '';
  const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
  const rows = await listRequests(db, ctx.scope, userId, query, now.toISOString(), after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_at ?? '', last.id]) : null,
    total:
      query.withTotal === 'true'
        ? await countRequests(db, ctx.scope, userId, query, now.toISOString())
        : null,
  };
}

/** The board: requests in reach by step, open, overdue, due within the warning days, per agent. */
export async function requestsBoard(
  db: Db,
  ctx: { scope: Scope; clock: Clock },
  calendar: HolidayCalendar,
  warnDays: number,
  stationId: string | null,
): Promise<ProxyBoard> {
  const now = ctx.clock.now();
  const soon = addWorkingDays(calendar, now, warnDays).toISOString();
  const counts = await boardCounts(db, ctx.scope, stationId, now.toISOString(), soon);
  const byStatus = Object.fromEntries(proxyStatuses.map((s) => [s, 0])) as Record<ProxyStatus, number>;
  for (const row of counts.byStatus) byStatus[row.status] = Number(row.n);
  const open =
    byStatus.submitted + byStatus.assigned + byStatus.collecting + byStatus.lodged + byStatus.result_ready;
  return {
    byStatus,
    open,
    overdue: counts.overdue,
    dueSoon: counts.soon,
    unassigned: byStatus.submitted,
    agents: counts.agents.map((a) => ({
      agentId: a.agent_id ?? '',
      agentName: a.agent_name,
      open: Number(a.open),
      overdue: Number(a.overdue ?? 0),
    })),
  };
}

/** What the resident sees: the steps with their times, no names, notes or phone. */
export async function publicView(
  db: Db,
  row: {
    id: string;
    tracking_code: string;
    item_name: string;
    village_name: string;
    station_name: string;
    unit_name: string;
    status: ProxyStatus;
    created_at: string;
    due_at: string | null;
    delivered_at: string | null;
  },
  now: Date,
): Promise<PublicProxyRequest> {
  const shown = new Set([
    'created',
    'assigned',
    'authorised',
    'collected',
    'lodged',
    'result',
    'delivered',
    'closed',
    'cancelled',
  ]);
  const events = await requestEvents(db, row.id);
  return {
    trackingCode: row.tracking_code,
    itemName: row.item_name,
    villageName: row.village_name,
    stationName: row.station_name,
    unitName: row.unit_name,
    status: row.status,
    createdAt: row.created_at,
    dueAt: row.due_at,
    overdue: isOverdue(row.status, row.due_at, now),
    deliveredAt: row.delivered_at,
    steps: events
      .filter((e) => shown.has(e.kind))
      .map((e) => ({ kind: e.kind as PublicProxyRequest['steps'][number]['kind'], at: e.at })),
  };
}
