import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccess, createMatrixWorld, type MatrixWorld } from './access-matrix';
import { createTestApp, type TestContext } from './harness';
import { areaRoles, checkReach, nonAreaRoles } from './reach-matrix';
import { isAreaScoped, isPublicRoute, probeCoverageProblems } from './route-probes';

// The quick matrix of every commit; the reliability suite adds the parent area and checks that
// refused writes change nothing (server/reliability/access-matrix.test.ts).
describe('access matrix: every route × role × own and sibling area', () => {
  let t: TestContext;
  let world: MatrixWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await createMatrixWorld(t);
  });
  afterAll(() => t.close());

  it('has a probe for every area-scoped route of the API', () => {
    expect(probeCoverageProblems(t.app, isAreaScoped)).toEqual([]);
    // Public routes are exactly sign-in and the residents' pages.
    const publicUrls = t.app.ctx.routes.filter(isPublicRoute).map((r) => r.url);
    expect(publicUrls.every((url) => url === '/api/v1/auth/login' || url.startsWith('/api/v1/public/'))).toBe(
      true,
    );
    // Apart from the public pages, health and the documentation, every API route declares a permission.
    const undeclared = t.app.ctx.routes.filter(
      (r) => r.url.startsWith('/api/v1') && r.permission === undefined && !isPublicRoute(r),
    );
    expect(undeclared).toEqual([]);
  });

  it.each(areaRoles)(
    '%s reaches its own area and gets 404 (or an unknown area) for the sibling area',
    async (role) => {
      await checkAccess(t, world, role, { relations: ['own', 'sibling'] });
    },
  );

  it.each(nonAreaRoles)(
    '%s reaches no area record that was not routed to it or is not its own',
    async (role) => {
      const { probed } = await checkReach(t, world, role);
      expect(probed).toBeGreaterThan(0);
    },
  );
});
