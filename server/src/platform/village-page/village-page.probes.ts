import type { RouteCase } from '../../../test/probes';

/** How to call the village page on a chosen village (see server/test/probes.ts): public, read-only. */
export const villagePageProbes: Record<string, RouteCase> = {
  'GET /api/v1/public/villages/:code': async (_t, target) => ({
    url: `/api/v1/public/villages/${target.village}`,
  }),
};
