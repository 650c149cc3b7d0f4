import type { RouteCase } from '../../../test/probes';

/** How to call each route of the registries (see server/test/probes.ts): neither works on an area's record. */
export const registriesProbes: Record<string, RouteCase> = {
  'GET /api/v1/indicators': async () => ({ url: '/api/v1/indicators', noTargetArea: true }),
  'GET /api/v1/todos': async () => ({ url: '/api/v1/todos', noTargetArea: true }),
};
