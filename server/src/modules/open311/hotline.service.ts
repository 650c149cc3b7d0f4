import { createHash } from 'node:crypto';
import type { HotlineWorkOrder, HotlineWorkOrderBody } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type DomainEvent, emitEvent } from '../../platform/integrations';
import type { AreaContext } from '../../platform/request-context';
import { submitAppeal } from '../appeals';
import {
  appealSummary,
  categoryNamed,
  findWorkOrder,
  insertWorkOrder,
  workOrderOfAppeal,
} from './open311.repository';

/** What a work order says, hashed: a retry under the same id must say the same. */
export function fingerprintOf(body: HotlineWorkOrderBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/** A work order already taken in from this account, or undefined; the same id saying something else is refused. */
export async function knownWorkOrder(
  db: Db,
  callerId: string,
  body: HotlineWorkOrderBody,
): Promise<HotlineWorkOrder | undefined> {
  const row = await findWorkOrder(db, callerId, body.id);
  if (!row) return undefined;
  if (row.fingerprint !== fingerprintOf(body)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return {
    id: row.external_id,
    appealId: row.appeal_id,
    trackingCode: row.tracking_code,
    categoryCode: row.category_code,
    hotlineCategory: row.hotline_category,
    dueAt: row.due_at,
    created: false,
  };
}

/**
 * Takes in a 12345 work order as an appeal (channel hotline_12345) through `submitAppeal`, with
 * the link from the hotline's id to the appeal in the same transaction. The category is ours when
 * sent, else the hotline's matched to a category's code or name.
 */
export async function takeWorkOrder(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'secrets' | 'actor' | 'scope'>,
  sender: { callerId: string; integrationId: string | null },
  body: HotlineWorkOrderBody,
): Promise<HotlineWorkOrder> {
  const categoryCode = body.categoryCode ?? (await categoryNamed(trx, body.hotlineCategory));
  if (!categoryCode) throw new AppError('APPEAL_CATEGORY_UNKNOWN', { code: body.hotlineCategory });
  const id = newId();
  // The hotline's deadline, when earlier than the category's, is the appeal's.
  const dueAt = body.dueAt ? new Date(body.dueAt).toISOString() : null;
  const appeal = await submitAppeal(trx, ctx, {
    appeal: {
      channel: 'hotline_12345',
      categoryCode,
      ...(body.urgency ? { urgency: body.urgency } : {}),
      villageCode: body.villageCode,
      address: body.address,
      latitude: null,
      longitude: null,
      title: body.title,
      description: body.description,
      reporterKind: body.reporterPhone ? 'person' : 'anonymous',
      reporterResidentId: null,
      householdId: null,
      reporterName: body.reporterName,
      reporterPhone: body.reporterPhone,
    },
    source: { kind: 'hotline_12345', id },
    createdBy: sender.callerId,
    dueBy: dueAt,
  });
  await insertWorkOrder(trx, {
    id,
    caller_id: sender.callerId,
    integration_id: sender.integrationId,
    external_id: body.id,
    appeal_id: appeal.id,
    hotline_category: body.hotlineCategory,
    due_at: dueAt,
    fingerprint: fingerprintOf(body),
    created_at: ctx.clock.now().toISOString(),
  });
  const summary = await appealSummary(trx, appeal.id);
  return {
    id: body.id,
    appealId: appeal.id,
    trackingCode: summary.tracking_code,
    categoryCode: summary.category_code,
    hotlineCategory: body.hotlineCategory,
    dueAt,
    created: true,
  };
}

/**
 * Follows `appeal.status_changed`: when the appeal came from a hotline integration's work order,
 * that integration alone hears of it as `work_order.status_changed`, with its own id (signed and
 * retried like every webhook delivery), in the transaction of the change.
 */
export async function tellHotline(db: Db, clock: Clock, event: DomainEvent): Promise<void> {
  const appealId = event.payload.appealId;
  if (typeof appealId !== 'string') return;
  const order = await workOrderOfAppeal(db, appealId);
  if (!order?.integration_id) return;
  await emitEvent(db, clock, {
    type: 'work_order.status_changed',
    areaCode: event.areaCode,
    integrationId: order.integration_id,
    payload: { ...event.payload, workOrderId: order.external_id, dueAt: order.due_at },
  });
}
