import { chinaDate } from '@lianxin/common';
import type { TestContext } from '../../../../test/harness';
import { insertRow, NotApplicable, type RouteCase, type Target, townOf } from '../../../../test/probes';
import { newId } from '../../../platform/ids';
import { mondayOf } from './centres.service';

/** A handling unit every area caller reaches: a district department, written straight in. */
async function departmentFor(t: TestContext): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await insertRow(t, 'units', {
    id,
    kind: 'department',
    name: `矩阵民政局${id.slice(-8)}`,
    area_code: '610902000000',
    parent_id: null,
    phone: '0915-3212303',
    address: null,
    working_hours: null,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  return id;
}

/** Where a probe's item belongs: the target village's town, or the target itself above a village. */
function itemArea(target: Target): string {
  const code = target.village;
  return code.endsWith('000') ? code : townOf(code);
}

const guide = (unitId: string, name = '矩阵事项：临时救助申请') => ({
  name,
  category: 'civil_assistance',
  unitId,
  conditions: '因突发事件导致基本生活暂时陷入困境的家庭。',
  materials: [{ name: '居民身份证', form: 'original_and_copy', count: 1, notes: '' }],
  steps: ['申请', '审核', '审批'],
  legalDays: null,
  promisedDays: 10,
  fees: '',
  place: '镇便民服务中心',
  hours: '工作日',
  consultationPhone: null,
  proxyAllowed: true,
  onlineUrl: null,
  keywords: 'lsjzsq',
});

/** A service item of the target's town (or district), with its first guide version. */
export async function serviceItemIn(t: TestContext, target: Target): Promise<string> {
  const id = newId();
  const unitId = await departmentFor(t);
  const now = t.clock.now().toISOString();
  const g = guide(unitId);
  await insertRow(t, 'service_items', {
    id,
    code: `M${id.replace(/-/g, '').slice(-12)}`,
    area_code: itemArea(target),
    category: 'civil_assistance',
    name: g.name,
    search_text: g.name,
    unit_id: unitId,
    proxy_allowed: true,
    promised_days: 10,
    current_version: 1,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertRow(t, 'service_item_versions', {
    item_id: id,
    version_no: 1,
    guide: JSON.stringify({ ...g, basis: '', unitName: '矩阵民政局' }),
    created_at: now,
    created_by: null,
  });
  return id;
}

/** A service station (a unit of kind service_station) at the target village, or its town above one. */
export async function serviceCentreIn(t: TestContext, target: Target): Promise<string> {
  const code = target.village;
  if (code.endsWith('000000')) throw new NotApplicable(`no service station sits at the district ${code}`);
  const id = newId();
  const now = t.clock.now().toISOString();
  await insertRow(t, 'units', {
    id,
    kind: 'service_station',
    name: `矩阵便民服务站${id.slice(-8)}`,
    area_code: code,
    parent_id: null,
    phone: '0915-3219000',
    address: '村委会一楼',
    working_hours: null,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  return id;
}

/**
 * How to call each route of the catalogue and the centres (see server/test/probes.ts). The
 * catalogue and the centres are public reference data for reading (every caller reads the
 * district's list and its town's); edits reach only the caller's own subtree.
 */
export const catalogueProbes: Record<string, RouteCase> = {
  'GET /api/v1/service-items': async () => ({
    url: '/api/v1/service-items?q=%E6%95%91%E5%8A%A9',
    noTargetArea: true,
  }),
  'POST /api/v1/service-items': async (t, target) => ({
    url: '/api/v1/service-items',
    body: { ...guide(await departmentFor(t)), areaCode: itemArea(target) },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/service-items/:id': async (t, target) => ({
    url: `/api/v1/service-items/${await serviceItemIn(t, target)}`,
    noTargetArea: true,
  }),
  'PUT /api/v1/service-items/:id': async (t, target) => ({
    url: `/api/v1/service-items/${await serviceItemIn(t, target)}`,
    body: { ...guide(await departmentFor(t), '矩阵事项：临时救助申请（修订）'), version: 1 },
  }),
  'GET /api/v1/service-items/:id/versions/:no': async (t, target) => ({
    url: `/api/v1/service-items/${await serviceItemIn(t, target)}/versions/1`,
    noTargetArea: true,
  }),
  'POST /api/v1/service-items/:id/deactivate': async (t, target) => ({
    url: `/api/v1/service-items/${await serviceItemIn(t, target)}/deactivate`,
    body: { version: 1 },
  }),
  'GET /api/v1/service-centres': async () => ({ url: '/api/v1/service-centres', noTargetArea: true }),
  'GET /api/v1/service-centres/:id': async (t, target) => ({
    url: `/api/v1/service-centres/${await serviceCentreIn(t, target)}`,
    noTargetArea: true,
  }),
  'PUT /api/v1/service-centres/:id': async (t, target) => ({
    url: `/api/v1/service-centres/${await serviceCentreIn(t, target)}`,
    body: { intro: '矩阵', hoursText: '工作日 8:30-17:30', holidayHoursText: null, itemIds: [], version: 0 },
  }),
  'PUT /api/v1/service-centres/:id/roster': async (t, target) => {
    const weekStart = mondayOf(chinaDate(t.clock.now()));
    return {
      url: `/api/v1/service-centres/${await serviceCentreIn(t, target)}/roster`,
      body: { weekStart, duties: [{ date: weekStart, name: '矩阵值班', phone: '0915-3219001' }] },
    };
  },
  'GET /api/v1/public/service-items': async () => ({
    url: '/api/v1/public/service-items?q=%E6%95%91%E5%8A%A9',
  }),
  'GET /api/v1/public/service-items/:id': async (t, target) => ({
    url: `/api/v1/public/service-items/${await serviceItemIn(t, target)}`,
  }),
  'GET /api/v1/public/service-centres': async (_t, target) => ({
    url: `/api/v1/public/service-centres?areaCode=${target.village}`,
  }),
  'GET /api/v1/public/service-centres/:id': async (t, target) => ({
    url: `/api/v1/public/service-centres/${await serviceCentreIn(t, target)}`,
  }),
};
