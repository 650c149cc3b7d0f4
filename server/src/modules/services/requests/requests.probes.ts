import type { ProxyStatus } from '@lianxin/common';
import type { TestContext } from '../../../../test/harness';
import { insertRow, type RouteCase, type Target } from '../../../../test/probes';
import { newId } from '../../../platform/ids';
import { onePixelPng } from './requests.fixtures';

/** A handling unit of the given kind at an area, written straight in. */
async function unitAt(
  t: TestContext,
  kind: 'department' | 'service_station',
  areaCode: string,
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await insertRow(t, 'units', {
    id,
    kind,
    name: `矩阵代办${kind === 'department' ? '局' : '站'}${id.slice(-8)}`,
    area_code: areaCode,
    parent_id: null,
    phone: null,
    address: null,
    working_hours: null,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  return id;
}

/** A district item that may be done by proxy, handled by a fresh department. */
async function itemFor(t: TestContext): Promise<{ itemId: string; unitId: string }> {
  const itemId = newId();
  const unitId = await unitAt(t, 'department', '610902000000');
  const now = t.clock.now().toISOString();
  await insertRow(t, 'service_items', {
    id: itemId,
    code: `P${itemId.replace(/-/g, '').slice(-12)}`,
    area_code: '610902000000',
    category: 'civil_assistance',
    name: '矩阵代办事项',
    search_text: '矩阵代办事项',
    unit_id: unitId,
    proxy_allowed: true,
    promised_days: 5,
    current_version: 1,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertRow(t, 'service_item_versions', {
    item_id: itemId,
    version_no: 1,
    guide: JSON.stringify({
      name: '矩阵代办事项',
      materials: [{ name: '居民身份证', form: 'original', count: 1, notes: '' }],
    }),
    created_at: now,
    created_by: null,
  });
  return { itemId, unitId };
}

/** A proxy request of the target's village at `status` (version 1), with one original to collect. */
export async function proxyRequestIn(
  t: TestContext,
  target: Target,
  status: ProxyStatus = 'submitted',
  collected = false,
): Promise<{ id: string; materialId: string }> {
  const id = newId();
  const item = await itemFor(t);
  const now = t.clock.now().toISOString();
  const phone = '13800001111';
  await insertRow(t, 'proxy_requests', {
    id,
    tracking_code: `D${id.replace(/-/g, '').slice(-9).toUpperCase()}`,
    item_id: item.itemId,
    item_version: 1,
    area_code: target.village,
    station_id: await unitAt(t, 'service_station', target.village),
    unit_id: item.unitId,
    agent_id: null,
    channel: 'visit',
    resident_id: null,
    applicant_name: '矩阵群众',
    phone_enc: t.app.ctx.secrets.encrypt(phone),
    phone_hash: t.app.ctx.secrets.lookupHash(phone),
    phone_masked: '138****1111',
    description: null,
    status,
    due_at: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
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
    created_at: now,
    created_by: null,
    updated_at: now,
    version: 1,
  });
  const materialId = newId();
  await insertRow(t, 'proxy_request_materials', {
    id: materialId,
    request_id: id,
    name: '居民身份证',
    form: 'original',
    count: 1,
    collected_at: collected ? now : null,
    receipt_no: null,
    returned_at: null,
    note: null,
  });
  return { id, materialId };
}

/** A sealed file of a request. */
async function fileOf(
  t: TestContext,
  requestId: string,
  kind: 'authorisation' | 'paper' | 'result',
): Promise<string> {
  const id = newId();
  await insertRow(t, 'proxy_request_files', {
    id,
    request_id: requestId,
    kind,
    material_id: null,
    file_name: 'matrix.png',
    content_type: 'image/png',
    size: onePixelPng.length,
    content: t.app.ctx.secrets.sealBytes(onePixelPng),
    uploaded_by: null,
    created_at: t.clock.now().toISOString(),
  });
  return id;
}

const at = (status: ProxyStatus) => async (t: TestContext, target: Target) =>
  (await proxyRequestIn(t, target, status)).id;

/** How to call each 代办 route on a request in a chosen area (see server/test/probes.ts). */
export const requestsProbes: Record<string, RouteCase> = {
  'GET /api/v1/proxy-requests': async () => ({ url: '/api/v1/proxy-requests' }),
  // Counts only, of the caller's own reach: it names no area to be outside of.
  'GET /api/v1/proxy-requests/board': async () => ({
    url: '/api/v1/proxy-requests/board',
    noTargetArea: true,
  }),
  'GET /api/v1/proxy-requests/export': async (_t, target) => ({
    url: `/api/v1/proxy-requests/export?areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/proxy-requests/:id': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('submitted')(t, target)}`,
  }),
  'POST /api/v1/proxy-requests': async (t, target) => ({
    url: '/api/v1/proxy-requests',
    body: {
      itemId: (await itemFor(t)).itemId,
      channel: 'visit',
      applicantName: '矩阵群众',
      phone: '13800002222',
      areaCode: target.village,
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/proxy-requests/:id/assign': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('submitted')(t, target)}/assign`,
    body: { version: 1, agentId: target.user.id },
  }),
  'POST /api/v1/proxy-requests/:id/authorise': async (t, target) => {
    const id = await at('assigned')(t, target);
    return {
      url: `/api/v1/proxy-requests/${id}/authorise`,
      body: { version: 1, fileId: await fileOf(t, id, 'authorisation') },
    };
  },
  'POST /api/v1/proxy-requests/:id/collect': async (t, target) => {
    const { id, materialId } = await proxyRequestIn(t, target, 'collecting');
    return { url: `/api/v1/proxy-requests/${id}/collect`, body: { version: 1, materialIds: [materialId] } };
  },
  'POST /api/v1/proxy-requests/:id/lodge': async (t, target) => {
    const { id } = await proxyRequestIn(t, target, 'collecting', true);
    return { url: `/api/v1/proxy-requests/${id}/lodge`, body: { version: 1, unitReceiptNo: 'JZ-0001' } };
  },
  'POST /api/v1/proxy-requests/:id/result': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('lodged')(t, target)}/result`,
    body: { version: 1, note: '已办结' },
  }),
  'POST /api/v1/proxy-requests/:id/deliver': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('result_ready')(t, target)}/deliver`,
    body: { version: 1, returnedMaterialIds: [] },
  }),
  'POST /api/v1/proxy-requests/:id/close': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('delivered')(t, target)}/close`,
    body: { version: 1 },
  }),
  'POST /api/v1/proxy-requests/:id/cancel': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('submitted')(t, target)}/cancel`,
    body: { version: 1, reason: '群众撤回' },
  }),
  'POST /api/v1/proxy-requests/:id/appeal': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('submitted')(t, target)}/appeal`,
    body: {
      version: 1,
      title: '代办中发现的问题',
      description: '矩阵测试：需转为诉求处理',
      categoryCode: 'roads_water',
    },
  }),
  'GET /api/v1/proxy-requests/:id/authorisation.pdf': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('assigned')(t, target)}/authorisation.pdf`,
  }),
  'GET /api/v1/proxy-requests/:id/receipt.pdf': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('collecting')(t, target)}/receipt.pdf`,
  }),
  'POST /api/v1/proxy-requests/:id/files': async (t, target) => ({
    url: `/api/v1/proxy-requests/${await at('collecting')(t, target)}/files?kind=paper&fileName=paper.png`,
    body: onePixelPng,
    headers: { 'content-type': 'image/png' },
  }),
  'GET /api/v1/proxy-requests/:id/files/:fileId': async (t, target) => {
    const id = await at('collecting')(t, target);
    return { url: `/api/v1/proxy-requests/${id}/files/${await fileOf(t, id, 'paper')}` };
  },
};
