import { freeGroupCode, type RouteCase, version } from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const areasProbes: Record<string, RouteCase> = {
  'GET /api/v1/areas': async () => ({ url: '/api/v1/areas' }),
  'GET /api/v1/areas/:code': async (_t, target) => ({ url: `/api/v1/areas/${target.area}` }),
  'POST /api/v1/areas': async (t, target) => ({
    url: '/api/v1/areas',
    body: {
      code: await freeGroupCode(t, target.village),
      name: '新网格',
      kind: 'group',
      parentCode: target.village,
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/areas/:code': async (t, target) => ({
    url: `/api/v1/areas/${target.village}`,
    body: { flags: { remote: true }, version: await version(t, 'areas', target.village) },
  }),
  // A dry run of one existing village: the plan answers, nothing is written.
  'POST /api/v1/area-imports': async (_t, target) => ({
    url: '/api/v1/area-imports',
    body: Buffer.from(`代码,名称\n${target.village},村\n`),
    headers: { 'content-type': 'text/csv' },
    noTargetArea: true,
  }),
};
