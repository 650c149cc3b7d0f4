import { hasPermission, type Permission, type Reach, type Role, roleReach, roles } from '@lianxin/common';
import { expect } from 'vitest';
import { buildTarget, type MatrixWorld, PLACEMENT } from './access-matrix';
import { buildUser, login, TEST_PASSWORD, type TestContext } from './harness';
import {
  isAreaScoped,
  missingProbeMessage,
  NOT_YET_PROBED,
  NotApplicable,
  ROUTE_PROBES,
  routeKey,
} from './route-probes';

/** The roles whose reach is not an area: a unit, a station, an office or their own records. */
export const nonAreaRoles = roles.filter((role) => roleReach[role] !== 'area');
export const areaRoles = roles.filter((role) => roleReach[role] === 'area');

// Shared, non-personal data every caller reads from where they sit: the area tree and the units.
const REFERENCE: readonly Permission[] = ['areas.read', 'units.read'];
// Writes that make a record of the caller's own where they sit: a CPPCC member's report.
const OWN_WORK: Partial<Record<Reach, readonly Permission[]>> = { own: ['appeals.create'] };

/**
 * Calls every area-scoped route as a caller whose reach is a unit, a station, an office or their
 * own records, on the area records of the village where the matrix's objects are — none of which
 * was routed to their unit or is theirs. Without the permission: 403. With it: the area routes
 * refuse the reach (403), reads that know reaches find nothing (404, or an empty list), and only
 * the shared reference data (areas, units) answers. Refused writes change nothing.
 */
export async function checkReach(
  t: TestContext,
  world: MatrixWorld,
  role: Role,
  options: { fingerprint?: () => Promise<string> } = {},
): Promise<{ probed: number }> {
  const user = await buildUser(t.database, { role, areaCode: PLACEMENT[role].own });
  const session = await login(t.app, user.username, TEST_PASSWORD);
  const target = await buildTarget(t, world, role, 'own');
  if (!target) throw new Error(`no placement for ${role}`);
  let probed = 0;
  for (const route of t.app.ctx.routes.filter(isAreaScoped)) {
    const key = routeKey(route);
    const build = ROUTE_PROBES[key];
    if (!build) {
      if (NOT_YET_PROBED.includes(key)) continue;
      throw new Error(missingProbeMessage(key));
    }
    const permission = route.permission;
    if (!permission || permission === 'authenticated') continue;
    let probe: Awaited<ReturnType<typeof build>>;
    try {
      probe = await build(t, target);
    } catch (err) {
      if (err instanceof NotApplicable) continue;
      throw err;
    }
    const where = `${role} ${key}`;
    const write = route.method !== 'GET';
    const before = write ? await options.fingerprint?.() : undefined;
    const response = await session.request(route.method, probe.url, probe.body, probe.headers);
    probed++;
    if (!hasPermission(role, permission)) {
      expect(response.statusCode, where).toBe(403);
    } else if (OWN_WORK[roleReach[role]]?.includes(permission)) {
      expect([200, 201], `${where}: ${response.body}`).toContain(response.statusCode);
    } else if ((REFERENCE.includes(permission) || probe.noTargetArea) && !write) {
      // Reference data and district-wide settings (categories) are the same for every caller.
      expect([200, 404], `${where}: ${response.body}`).toContain(response.statusCode);
    } else if (!write && response.statusCode === 200) {
      // A list answers only with what the caller may open (the office's members' reports, say):
      // never with a record its own page would refuse.
      const body = response.json() as { items?: { id?: string }[] };
      expect(Array.isArray(body.items), `${where}: ${response.body}`).toBe(true);
      const path = probe.url.split('?')[0] ?? probe.url;
      for (const item of (body.items ?? []).slice(0, 5)) {
        const opened = await session.request('GET', `${path}/${item.id}`);
        expect(opened.statusCode, `${where} listed ${item.id}, which it cannot open`).toBe(200);
      }
    } else {
      expect([403, 404], `${where}: ${response.body}`).toContain(response.statusCode);
    }
    if (before !== undefined && response.statusCode >= 400) {
      expect(await options.fingerprint?.(), `${where} changed stored data`).toBe(before);
    }
  }
  return { probed };
}
