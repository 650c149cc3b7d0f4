import type { RouteCase } from '../../../test/probes';

/**
 * How to call the set-up routes (see server/test/probes.ts). Public and not area-scoped; in the
 * probes' world accounts exist, so the set-up itself answers 404 SETUP_NOT_NEEDED.
 */
export const setupProbes: Record<string, RouteCase> = {
  'GET /api/v1/public/setup/status': async () => ({
    url: '/api/v1/public/setup/status',
    noTargetArea: true,
  }),
  'POST /api/v1/public/setup': async () => ({
    url: '/api/v1/public/setup',
    body: {
      token: 'not-the-printed-token',
      district: { code: '610902000000', name: '示例区' },
      admin: { username: 'first-admin', name: '管理员', password: 'a-long-enough-password' },
    },
    noTargetArea: true,
  }),
};
