import { nextSerial, type RouteCase, version } from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const usersProbes: Record<string, RouteCase> = {
  'GET /api/v1/users': async () => ({ url: '/api/v1/users' }),
  'GET /api/v1/security-settings': async () => ({ url: '/api/v1/security-settings', noTargetArea: true }),
  'PUT /api/v1/security-settings': async () => ({
    url: '/api/v1/security-settings',
    body: { watermark: true },
    noTargetArea: true,
  }),
  'GET /api/v1/users/:id': async (_t, target) => ({ url: `/api/v1/users/${target.user.id}` }),
  'POST /api/v1/users/:id/reveal-phone': async (_t, target) => ({
    url: `/api/v1/users/${target.user.id}/reveal-phone`,
    body: { purpose: 'view' },
  }),
  'POST /api/v1/users': async (_t, target) => ({
    url: '/api/v1/users',
    body: {
      username: `matrix${nextSerial()}`,
      name: '矩阵',
      role: 'village_cadre',
      areaCode: target.village,
      password: 'matrix-password-1',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/users/:id': async (t, target) => ({
    url: `/api/v1/users/${target.user.id}`,
    body: { name: '改名', version: await version(t, 'users', target.user.id) },
  }),
  'POST /api/v1/users/:id/disable': async (_t, target) => ({
    url: `/api/v1/users/${target.user.id}/disable`,
  }),
  'POST /api/v1/users/:id/enable': async (_t, target) => ({ url: `/api/v1/users/${target.user.id}/enable` }),
  'POST /api/v1/users/:id/password': async (_t, target) => ({
    url: `/api/v1/users/${target.user.id}/password`,
    body: { password: `matrix-password-${nextSerial()}` },
  }),
  'POST /api/v1/users/:id/unlock': async (_t, target) => ({ url: `/api/v1/users/${target.user.id}/unlock` }),
};
