import { TEST_PASSWORD } from '../../../test/harness';
import { nextSerial, type RouteCase } from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const authProbes: Record<string, RouteCase> = {
  // Sign-in and the caller's own account: not area-scoped, probed by the fuzz only.
  'POST /api/v1/auth/login': async () => ({
    url: '/api/v1/auth/login',
    body: { username: 'nobody', password: TEST_PASSWORD },
  }),
  'PATCH /api/v1/auth/me': async () => ({ url: '/api/v1/auth/me', body: { locale: 'en' } }),
  'POST /api/v1/auth/logout': async () => ({ url: '/api/v1/auth/logout', body: {} }),
  'POST /api/v1/auth/password': async () => ({
    url: '/api/v1/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: `another-horse-${nextSerial()}` },
  }),
  'POST /api/v1/auth/tokens': async () => ({
    url: '/api/v1/auth/tokens',
    body: { name: `令牌${nextSerial()}`, expiresInDays: 30 },
  }),
};
