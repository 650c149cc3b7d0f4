import type { ProxyStatus } from '@lianxin/common';
import { AREAS, buildUnit, type TestContext } from '../../../../test/harness';
import { insertRow, nextSerial } from '../../../../test/probes';
import { newId } from '../../../platform/ids';

// Proxy requests written straight into their table in any status, for the tests and probes of
// 好差评 (a rating needs a delivered request, however it got there).

export const FIXTURE_PHONE = '13912345678';

/** A service item handled by `unitId` (a fresh department when left out). */
export async function itemFor(t: TestContext, unitId?: string): Promise<{ itemId: string; unitId: string }> {
  const unit =
    unitId ??
    (await buildUnit(t.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: `区医保局${nextSerial()}`,
    }));
  const itemId = newId();
  const now = t.clock.now().toISOString();
  await insertRow(t, 'service_items', {
    id: itemId,
    code: `RATE-${nextSerial()}-${itemId.slice(0, 6)}`,
    area_code: AREAS.district,
    category: 'medical_insurance',
    name: '城乡居民医保参保登记',
    search_text: 'cxjmyb',
    unit_id: unit,
    proxy_allowed: true,
    promised_days: 5,
    current_version: 1,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  return { itemId, unitId: unit };
}

/** A station at a village (or town). */
export const stationAt = (t: TestContext, areaCode: string) =>
  buildUnit(t.database, { kind: 'service_station', areaCode, name: `便民服务站${nextSerial()}` });

export interface RequestFixture {
  areaCode: string;
  stationId: string;
  itemId: string;
  unitId: string;
  agentId?: string | null;
  status?: ProxyStatus;
  /** When it was delivered (now when left out, for a delivered request). */
  deliveredAt?: string | null;
  dueAt?: string | null;
  createdAt?: string;
}

/** A proxy request in the given status (delivered by default); its id and tracking code. */
export async function proxyRequestIn(
  t: TestContext,
  f: RequestFixture,
): Promise<{ id: string; trackingCode: string }> {
  const id = newId();
  const trackingCode = `R${String(nextSerial()).padStart(5, '0')}${id
    .slice(0, 4)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '0')}`;
  const now = t.clock.now().toISOString();
  const status = f.status ?? 'delivered';
  const delivered = status === 'delivered' || status === 'closed';
  await insertRow(t, 'proxy_requests', {
    id,
    tracking_code: trackingCode,
    item_id: f.itemId,
    item_version: 1,
    area_code: f.areaCode,
    station_id: f.stationId,
    unit_id: f.unitId,
    agent_id: f.agentId ?? null,
    channel: 'station',
    resident_id: null,
    applicant_name: '李秀兰',
    phone_enc: t.app.ctx.secrets.encrypt(FIXTURE_PHONE),
    phone_hash: `hash-${id}`,
    phone_masked: '139****5678',
    description: null,
    status,
    due_at: f.dueAt === undefined ? new Date(Date.parse(now) + 5 * 86_400_000).toISOString() : f.dueAt,
    warned_at: null,
    assigned_at: null,
    authorised_at: null,
    collected_at: null,
    submitted_at: null,
    unit_receipt_no: null,
    result_at: null,
    result_note: null,
    delivered_at: f.deliveredAt === undefined ? (delivered ? now : null) : f.deliveredAt,
    closed_at: status === 'closed' ? now : null,
    cancelled_at: null,
    cancel_reason: null,
    appeal_id: null,
    papers_purge_after: null,
    papers_purged_at: null,
    created_at: f.createdAt ?? now,
    created_by: null,
    updated_at: now,
    version: 1,
  });
  return { id, trackingCode };
}
