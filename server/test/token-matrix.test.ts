import { hasPermission, type Permission, type TokenScope, tokensApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_ROUTES } from '../src/platform/auth/auth.hooks';
import { buildTarget, createMatrixWorld, type MatrixWorld } from './access-matrix';
import { anonymous, createTestApp, type TestContext } from './harness';
import { isPublicRoute, NOT_YET_PROBED, NotApplicable, ROUTE_PROBES, routeKey } from './route-probes';

// Reads a read-only token may not make: they let personal data out (common/src/users.ts says the
// same; written out here so that a change there has to be made twice, on purpose).
const SENSITIVE_READS: readonly Permission[] = ['idnumber.reveal', 'households.export'];

/** What a token of `scope` should be let through to, from the rule as the issue states it. */
function expectedAllowed(scope: TokenScope, permission: Permission | 'authenticated', method: string) {
  const read = method === 'GET';
  if (permission === 'authenticated') return read;
  if (scope.kind === 'read') return read && !SENSITIVE_READS.includes(permission);
  return scope.permissions.includes(permission);
}

const SCOPES: [string, TokenScope][] = [
  ['read only', { kind: 'read' }],
  [
    'households.read and appeals.read',
    { kind: 'permissions', permissions: ['households.read', 'appeals.read'] },
  ],
  [
    'households.manage and idnumber.reveal',
    { kind: 'permissions', permissions: ['households.manage', 'idnumber.reveal'] },
  ],
];

// Every signed-in route of the API × a district administrator's token of each scope: what the
// scope allows works as it does for the holder's session; anything else is refused before it
// runs (TOKEN_SCOPE_DENIED), and the credential routes refuse every token (TOKEN_NOT_ALLOWED).
describe('token matrix: every signed-in route × a token of each scope', () => {
  let t: TestContext;
  let world: MatrixWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await createMatrixWorld(t);
  });
  afterAll(() => t.close());

  it.each(SCOPES)('a %s token', async (_label, scope) => {
    const created = await world.admin.call(tokensApi.create, {
      body: { name: '矩阵', expiresInDays: 30, scope },
    });
    const bearer = { authorization: `Bearer ${created.data.token}` };
    const client = anonymous(t.app);
    const target = await buildTarget(t, world, 'district_admin', 'own');
    if (!target) throw new Error('the district admin has an own area');
    const seen = { allowed: 0, denied: 0, credential: 0 };
    const routes = t.app.ctx.routes.filter(
      (r) => r.url.startsWith('/api/v1/') && !isPublicRoute(r) && r.permission !== undefined,
    );
    for (const route of routes) {
      const key = routeKey(route);
      const build = ROUTE_PROBES[key];
      if (!build || NOT_YET_PROBED.includes(key)) continue;
      const permission = route.permission as Permission | 'authenticated';
      let probe: Awaited<ReturnType<typeof build>>;
      try {
        probe = await build(t, target);
      } catch (err) {
        if (err instanceof NotApplicable) continue;
        throw err;
      }
      const response = await client.request(route.method, probe.url, probe.body, {
        ...probe.headers,
        ...bearer,
      });
      const where = `${key} with a ${_label} token: ${response.statusCode} ${response.body.slice(0, 300)}`;
      if (permission !== 'authenticated' && !hasPermission('district_admin', permission)) {
        // Beyond the holder's own role: refused as the holder's session would be.
        expect(response.statusCode, where).toBe(403);
        expect(response.json(), where).toMatchObject({ error: { code: 'FORBIDDEN' } });
      } else if (CREDENTIAL_ROUTES.has(key)) {
        seen.credential++;
        expect(response.statusCode, where).toBe(403);
        expect(response.json(), where).toMatchObject({ error: { code: 'TOKEN_NOT_ALLOWED' } });
      } else if (expectedAllowed(scope, permission, route.method)) {
        seen.allowed++;
        expect([200, 201, 202, 204], where).toContain(response.statusCode);
      } else {
        seen.denied++;
        expect(response.statusCode, where).toBe(403);
        expect(response.json(), where).toMatchObject({ error: { code: 'TOKEN_SCOPE_DENIED' } });
      }
    }
    expect(seen.allowed).toBeGreaterThan(0);
    expect(seen.denied).toBeGreaterThan(0);
    expect(seen.credential).toBeGreaterThan(0);
  });
});
