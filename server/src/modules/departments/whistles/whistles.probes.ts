import { defaultWhistleSettings } from '@lianxin/common';
import { AREAS, buildUnit, type TestContext } from '../../../../test/harness';
import { insertRow, nextSerial, type RouteCase, type Target, villageOf } from '../../../../test/probes';
import { newId } from '../../../platform/ids';

const department = (t: TestContext) =>
  buildUnit(t.database, { kind: 'department', areaCode: AREAS.district, name: `部门${nextSerial()}` });

/** An open whistle on a place of the target's village, naming a fresh department. */
export async function whistleIn(t: TestContext, target: Target): Promise<string> {
  const village = villageOf(target);
  const id = newId();
  const now = t.clock.now();
  await insertRow(t, 'whistles', {
    id,
    town_code: `${village.slice(0, 9)}000`,
    village_code: village,
    appeal_id: null,
    place: '矩阵桥',
    description: '矩阵测试的吹哨事项',
    status: 'open',
    outside_working_time: false,
    raised_at: now.toISOString(),
    raised_by: target.user.id,
    closed_at: null,
    closed_by: null,
    closing_note: null,
    version: 1,
  });
  await insertRow(t, 'whistle_units', {
    whistle_id: id,
    unit_id: await department(t),
    due_at: new Date(now.getTime() + 7_200_000).toISOString(),
    reported_at: null,
    reported_by: null,
    action: null,
    late: false,
  });
  return id;
}

/** How to call each whistle route on an object in a chosen area (see server/test/probes.ts). */
export const whistlesProbes: Record<string, RouteCase> = {
  'GET /api/v1/whistles': async () => ({ url: '/api/v1/whistles' }),
  'GET /api/v1/whistles/:id': async (t, target) => ({
    url: `/api/v1/whistles/${await whistleIn(t, target)}`,
  }),
  'POST /api/v1/whistles': async (t, target) => ({
    url: '/api/v1/whistles',
    body: {
      villageCode: villageOf(target),
      place: '村口危桥',
      description: '桥面开裂，需住建、交通部门到场',
      unitIds: [await department(t)],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  // A department reports on a whistle naming it; none of the matrix's callers' units is named.
  'POST /api/v1/whistles/:id/report': async (t, target) => ({
    url: `/api/v1/whistles/${await whistleIn(t, target)}/report`,
    body: { action: '已到场查看并设置警示' },
  }),
  'POST /api/v1/whistles/:id/close': async (t, target) => ({
    url: `/api/v1/whistles/${await whistleIn(t, target)}/close`,
    body: { version: 1, note: '已处置完毕' },
  }),
  'GET /api/v1/whistle-settings': async () => ({ url: '/api/v1/whistle-settings', noTargetArea: true }),
  'PUT /api/v1/whistle-settings': async () => ({
    url: '/api/v1/whistle-settings',
    body: defaultWhistleSettings,
    noTargetArea: true,
  }),
};
