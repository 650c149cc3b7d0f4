import type {
  ProxyAssignBody,
  ProxyAuthoriseBody,
  ProxyCancelBody,
  ProxyCloseBody,
  ProxyCollectBody,
  ProxyDeliverBody,
  ProxyEventKind,
  ProxyLodgeBody,
  ProxyRequest,
  ProxyResultBody,
} from '@lianxin/common';
import type { Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { ProxyRequestsTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { RequestContext } from '../../../platform/request-context';
import {
  insertEvent,
  markMaterialsCollected,
  markMaterialsReturned,
  updateRequest,
} from './request-writes.repository';
import { allows, type StepName, serviceSettings, steps } from './requests.model';
import { findAccount, findFile, findRequest, type RequestRow, requestMaterials } from './requests.repository';
import { getRequest } from './requests.service';

type Ctx = Pick<RequestContext, 'scope' | 'clock' | 'actor' | 'secrets'>;
const DAY = 86_400_000;

/** The request in the caller's reach, at a status the step allows (409 PROXY_STATE_INVALID otherwise). */
async function loadFor(trx: Db, ctx: Ctx, id: string, step: StepName): Promise<RequestRow> {
  const row = await findRequest(trx, ctx.scope, id);
  if (!row) throw notFound();
  if (!allows(step, row.status)) throw new AppError('PROXY_STATE_INVALID');
  return row;
}

/** Writes a step: the row at its version (409 VERSION_CONFLICT when stale), the timeline, the audit. */
async function commitStep(
  trx: Db,
  ctx: Ctx,
  row: RequestRow,
  version: number,
  step: StepName,
  event: { kind: ProxyEventKind; note?: string | null; data?: unknown },
  patch: Updateable<ProxyRequestsTable>,
): Promise<ProxyRequest> {
  const at = ctx.clock.now().toISOString();
  const to = steps[step].to;
  const ok = await updateRequest(trx, row.id, version, {
    ...patch,
    ...(to ? { status: to } : {}),
    updated_at: at,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await insertEvent(trx, { requestId: row.id, ...event, at, by: ctx.actor.id });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: `proxy_request.${step}`,
    objectType: 'proxy_request',
    objectId: row.id,
    areaCode: row.area_code,
    before: { status: row.status },
    after: { status: to ?? row.status, ...(event.data && typeof event.data === 'object' ? event.data : {}) },
  });
  return getRequest(trx, ctx, row.id);
}

/** Assigns to a service agent of the request's station, or a village cadre of its village. */
export async function assignRequest(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyAssignBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'assign');
  const agent = await findAccount(trx, body.agentId);
  const fits =
    agent !== undefined &&
    agent.disabled_at === null &&
    ((agent.role === 'service_agent' && agent.unit_id === row.station_id) ||
      (agent.role === 'village_cadre' && agent.area_code.slice(0, 12) === row.area_code.slice(0, 12)));
  if (!fits) throw new AppError('PROXY_AGENT_INVALID');
  const at = ctx.clock.now().toISOString();
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'assign',
    { kind: 'assigned', note: agent.name, data: { agentId: agent.id } },
    { agent_id: agent.id, ...(row.status === 'submitted' ? { status: 'assigned', assigned_at: at } : {}) },
  );
}

/** The signed authorisation (代办委托书) received: its photo must be uploaded to the request first. */
export async function authoriseRequest(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyAuthoriseBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'authorise');
  const file = await findFile(trx, row.id, body.fileId);
  if (file?.kind !== 'authorisation') throw new AppError('PROXY_FILE_INVALID');
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'authorise',
    { kind: 'authorised', note: body.note ?? null, data: { fileId: file.id } },
    { authorised_at: ctx.clock.now().toISOString() },
  );
}

/**
 * Ticks materials as collected: each original taken gets a receipt (回执) number, sent to the
 * resident by SMS when asked; once every material is in, the request's collected time is set.
 */
export async function collectMaterials(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyCollectBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'collect');
  const materials = await requestMaterials(trx, row.id);
  const chosen = [...new Set(body.materialIds)].map((mid) => materials.find((m) => m.id === mid));
  if (chosen.some((m) => m === undefined || m.collected_at !== null))
    throw new AppError('PROXY_STATE_INVALID');
  const at = ctx.clock.now().toISOString();
  let serial = materials.filter((m) => m.receipt_no !== null).length;
  const ticked = chosen.flatMap((m) =>
    m
      ? [
          {
            id: m.id,
            name: m.name,
            receiptNo: m.form === 'copy' ? null : `${row.tracking_code}-${String(++serial).padStart(2, '0')}`,
          },
        ]
      : [],
  );
  await markMaterialsCollected(trx, row.id, ticked, at);
  const complete = materials.every((m) => m.collected_at !== null || ticked.some((t) => t.id === m.id));
  const receipts = ticked.filter((t) => t.receiptNo !== null);
  if (body.sendSms && receipts.length > 0) {
    await enqueueNotifications(trx, ctx.clock, [
      {
        kind: 'proxy.receipt',
        areaCode: row.area_code,
        recipient: row.phone_masked,
        phoneEnc: row.phone_enc,
        message: `【连心】您的代办件 ${row.tracking_code}（${row.item_name}）已收取原件：${receipts
          .map((r) => `${r.name}（回执号 ${r.receiptNo}）`)
          .join('、')}。办结后原件将退还。`,
      },
    ]);
  }
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'collect',
    {
      kind: 'collected',
      note: body.note ?? null,
      data: { materials: ticked.map((t) => ({ id: t.id, receiptNo: t.receiptNo })), sms: body.sendSms },
    },
    complete ? { collected_at: at } : {},
  );
}

/** Lodged with the handling unit once every material is collected: the unit's receipt number. */
export async function lodgeRequest(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyLodgeBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'lodge');
  const missing = (await requestMaterials(trx, row.id)).filter((m) => m.collected_at === null).length;
  if (missing > 0) throw new AppError('PROXY_MATERIALS_INCOMPLETE', { count: missing });
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'lodge',
    { kind: 'lodged', note: body.note ?? null, data: { unitReceiptNo: body.unitReceiptNo } },
    { submitted_at: ctx.clock.now().toISOString(), unit_receipt_no: body.unitReceiptNo },
  );
}

/** The unit's result, with the file of it if one was uploaded. */
export async function recordResult(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyResultBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'result');
  if (body.fileId !== undefined) {
    const file = await findFile(trx, row.id, body.fileId);
    if (file?.kind !== 'result') throw new AppError('PROXY_FILE_INVALID');
  }
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'result',
    { kind: 'result', note: body.note, data: body.fileId ? { fileId: body.fileId } : undefined },
    { result_at: ctx.clock.now().toISOString(), result_note: body.note },
  );
}

/** Delivered to the resident: every original taken must be back (returned now or before). */
export async function deliverRequest(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyDeliverBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'deliver');
  const at = ctx.clock.now().toISOString();
  const returning = await returnOriginals(trx, row.id, body.returnedMaterialIds, at);
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'deliver',
    { kind: 'delivered', note: body.note ?? null, data: { returned: returning } },
    { delivered_at: at },
  );
}

/** Closes a delivered request; its papers are deleted the set days later. */
export async function closeRequest(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyCloseBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'close');
  const settings = await serviceSettings(trx);
  const now = ctx.clock.now();
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'close',
    { kind: 'closed', note: body.note ?? null },
    {
      closed_at: now.toISOString(),
      papers_purge_after: new Date(now.getTime() + settings.paperRetentionDays * DAY).toISOString(),
    },
  );
}

/**
 * Every original taken against a receipt must be back with the resident before the request
 * leaves the agent's hands (delivered or cancelled): marks `returnedIds` returned and refuses
 * while any other is still held.
 */
async function returnOriginals(trx: Db, requestId: string, returnedIds: readonly string[], at: string) {
  const returning = new Set(returnedIds);
  const materials = await requestMaterials(trx, requestId);
  const outstanding = materials.filter(
    (m) => m.receipt_no !== null && m.returned_at === null && !returning.has(m.id),
  );
  if (outstanding.length > 0) throw new AppError('PROXY_MATERIALS_INCOMPLETE', { count: outstanding.length });
  await markMaterialsReturned(trx, requestId, [...returning], at);
  return [...returning];
}

/**
 * Cancels a request before delivery, with a reason, the originals taken returned; its papers are
 * deleted the set days later.
 */
export async function cancelRequest(
  trx: Db,
  ctx: Ctx,
  id: string,
  body: ProxyCancelBody,
): Promise<ProxyRequest> {
  const row = await loadFor(trx, ctx, id, 'cancel');
  const settings = await serviceSettings(trx);
  const now = ctx.clock.now();
  const returned = await returnOriginals(trx, row.id, body.returnedMaterialIds, now.toISOString());
  return commitStep(
    trx,
    ctx,
    row,
    body.version,
    'cancel',
    { kind: 'cancelled', note: body.reason, data: { returned } },
    {
      cancelled_at: now.toISOString(),
      cancel_reason: body.reason,
      papers_purge_after: new Date(now.getTime() + settings.paperRetentionDays * DAY).toISOString(),
    },
  );
}
