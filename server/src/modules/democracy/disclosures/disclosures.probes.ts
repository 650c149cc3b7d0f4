import {
  chinaDate,
  defaultDisclosureSettings,
  disclosureDueAt,
  disclosuresApi,
  periodAt,
} from '@lianxin/common';
import type { TestContext } from '../../../../test/harness';
import { insertRow, type RouteCase, type Target } from '../../../../test/probes';
import { newId } from '../../../platform/ids';

/** A finance disclosure of the target's area, written straight into the table. */
export async function disclosureIn(
  t: TestContext,
  target: Target,
  areaCode = target.village,
): Promise<string> {
  const id = newId();
  const now = t.clock.now();
  const period = periodAt(now, 'month');
  await insertRow(t, 'disclosures', {
    id,
    village_code: areaCode,
    category: 'finance',
    period,
    title: '矩阵财务公开',
    content: '本月收入 1,200.00 元，支出 800.00 元。',
    published_at: now.toISOString(),
    due_at: disclosureDueAt(period, defaultDisclosureSettings).toISOString(),
    on_time: true,
    published_by: target.user.id,
  });
  return id;
}

/** How to call each route of village affairs disclosure on an object in a chosen area (see server/test/probes.ts). */
export const disclosuresProbes: Record<string, RouteCase> = {
  'GET /api/v1/disclosures': async () => ({ url: '/api/v1/disclosures' }),
  'POST /api/v1/disclosures': async (t, target) => ({
    url: '/api/v1/disclosures',
    body: {
      villageCode: target.village,
      category: 'major',
      period: chinaDate(t.clock.now()),
      title: '关于村集体土地征收补偿的公开',
      content: '补偿标准与分配方案经村民代表会议通过。',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/disclosures/:id': async (t, target) => ({
    url: `/api/v1/disclosures/${await disclosureIn(t, target)}`,
  }),
  'GET /api/v1/disclosures/schedule': async (_t, target) => ({
    url: `/api/v1/disclosures/schedule?villageCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PUT /api/v1/disclosures/schedules/:villageCode': async (_t, target) => {
    // The schedule's version as the district reads it (0 before anyone set it; a town has none).
    const read = await target.admin.call(disclosuresApi.schedule, { query: { villageCode: target.village } });
    return {
      url: `/api/v1/disclosures/schedules/${target.village}`,
      body: {
        version: read.statusCode === 200 ? read.data.version : 0,
        financeCadence: 'monthly',
        startsOn: null,
      },
    };
  },
  'GET /api/v1/disclosures/late': async () => ({ url: '/api/v1/disclosures/late' }),
  'GET /api/v1/disclosures/settings': async () => ({
    url: '/api/v1/disclosures/settings',
    noTargetArea: true,
  }),
  'PUT /api/v1/disclosures/settings': async () => ({
    url: '/api/v1/disclosures/settings',
    body: defaultDisclosureSettings,
    noTargetArea: true,
  }),
};
