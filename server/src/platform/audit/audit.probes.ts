import type { RouteCase } from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const auditProbes: Record<string, RouteCase> = {
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit' }),
};
