import { nextSerial, type RouteCase } from '../../../test/probes';

/**
 * How to call each route of this module on an object in a chosen area (see server/test/probes.ts).
 * The Open311 paths (/open311/v2/…) are outside the API and its roles: an integration's key alone
 * opens them, and open311.test.ts checks each one, its refusals and its fuzz.
 */
export const open311Probes: Record<string, RouteCase> = {
  'POST /api/v1/hotline/work-orders': async (_t, target) => ({
    url: '/api/v1/hotline/work-orders',
    body: {
      id: `MATRIX-${nextSerial()}`,
      hotlineCategory: '城乡建设/道路维修',
      categoryCode: 'roads_water',
      villageCode: target.village,
      title: '矩阵工单',
      description: '矩阵测试的12345工单',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
};
