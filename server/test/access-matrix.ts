import { hasPermission, householdsApi, type Role } from '@lianxin/common';
import { expect } from 'vitest';
import { integrationSession } from '../src/platform/integrations/integrations.fixtures';
import {
  AREAS,
  buildUser,
  login,
  type Session,
  seedAreas,
  signInAs,
  TEST_PASSWORD,
  type TestContext,
} from './harness';
import {
  isAreaScoped,
  missingProbeMessage,
  NOT_YET_PROBED,
  NotApplicable,
  type Relation,
  ROUTE_PROBES,
  routeKey,
  type Target,
} from './route-probes';

/** Where each role sits for the matrix: its own area, a sibling of it, and the area above it. */
export const PLACEMENT: Record<
  Role,
  {
    own: string;
    sibling: string | null;
    parent: string | null;
    ownVillage: string;
    siblingVillage: string | null;
  }
> = {
  district_admin: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  district_staff: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  integration: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  // The roles below reach a unit, a station, an office or their own records (reach-matrix.ts):
  // `own` is where their account sits, `ownVillage` where the matrix's objects are.
  department_head: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  department_staff: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  cppcc_office: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  station_head: {
    own: AREAS.villageA1,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  service_agent: {
    own: AREAS.villageA1,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  auditor: {
    own: AREAS.district,
    sibling: null,
    parent: null,
    ownVillage: AREAS.villageA1,
    siblingVillage: null,
  },
  town_head: {
    own: AREAS.townA,
    sibling: AREAS.townB,
    parent: AREAS.district,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageB1,
  },
  town_staff: {
    own: AREAS.townA,
    sibling: AREAS.townB,
    parent: AREAS.district,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageB1,
  },
  cppcc_member: {
    own: AREAS.townA,
    sibling: AREAS.townB,
    parent: AREAS.district,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageB1,
  },
  village_cadre: {
    own: AREAS.villageA1,
    sibling: AREAS.villageA2,
    parent: AREAS.townA,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageA2,
  },
};

// An account that may be bound at each level, to stand for "someone working there".
const LOCAL_ROLE: Record<string, Role> = {
  [AREAS.district]: 'district_staff',
  [AREAS.townA]: 'town_staff',
  [AREAS.townB]: 'town_staff',
};

/** The seeded district the matrix runs in: the areas, one household per village, an admin. */
export interface MatrixWorld {
  admin: Session;
  households: Map<string, { id: string; residentId: string }>;
}

export async function createMatrixWorld(t: TestContext): Promise<MatrixWorld> {
  await seedAreas(t.database);
  const admin = await signInAs(t, 'district_admin', AREAS.district);
  const households = new Map<string, { id: string; residentId: string }>();
  for (const village of [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1]) {
    const body = {
      areaCode: village,
      number: `V${village.slice(-3)}`,
      members: [{ name: '户主', relation: 'head' as const }],
    };
    const household = (await admin.call(householdsApi.create, { body })).data;
    households.set(village, { id: household.id, residentId: household.members[0]?.id ?? '' });
  }
  return { admin, households };
}

/** The target of `relation` for a caller placed as `role`; null when there is no such area. */
export async function buildTarget(
  t: TestContext,
  world: MatrixWorld,
  role: Role,
  relation: Relation,
): Promise<Target | null> {
  const place = PLACEMENT[role];
  const spot =
    relation === 'own'
      ? { area: place.own, village: place.ownVillage }
      : relation === 'sibling'
        ? place.sibling && place.siblingVillage
          ? { area: place.sibling, village: place.siblingVillage }
          : null
        : place.parent
          ? { area: place.parent, village: place.parent }
          : null;
  if (!spot) return null;
  const user = await buildUser(t.database, {
    role: LOCAL_ROLE[spot.village] ?? 'village_cadre',
    areaCode: spot.village,
  });
  return {
    relation,
    ...spot,
    user,
    household: world.households.get(spot.village) ?? null,
    admin: world.admin,
  };
}

const isListRead = (method: string, key: string) =>
  method === 'GET' && !key.includes(':') && !key.endsWith('/export');

export interface AccessOptions {
  relations: readonly Relation[];
  /**
   * A fingerprint of the stored data, taken before and after every refused write outside the
   * caller's area: it must not change.
   */
  fingerprint?: () => Promise<string>;
}

/**
 * Calls every area-scoped route of the route table as `role`, on objects of its own area and of
 * each relation asked for, and checks the answers: its own area as its permissions say; any other
 * area 403 without the permission, and 404 (or the probe's outside code) with it, so existence
 * does not leak; list reads never return a record outside its area.
 */
export async function checkAccess(
  t: TestContext,
  world: MatrixWorld,
  role: Role,
  options: AccessOptions,
): Promise<{ probed: number; notApplicable: string[] }> {
  // An integration's account never signs in: it calls with a key carrying every scope its role allows.
  const session =
    role === 'integration'
      ? (await integrationSession(t.app, world.admin, PLACEMENT[role].own)).session
      : await login(
          t.app,
          (await buildUser(t.database, { role, areaCode: PLACEMENT[role].own })).username,
          TEST_PASSWORD,
        );
  const targets = new Map<Relation, Target>();
  for (const relation of options.relations) {
    const target = await buildTarget(t, world, role, relation);
    if (target) targets.set(relation, target);
  }
  const ownPrefix = PLACEMENT[role].own.replace(/0{3}$/, '').replace(/0{3}$/, '');
  let probed = 0;
  const notApplicable: string[] = [];
  for (const route of t.app.ctx.routes.filter(isAreaScoped)) {
    const key = routeKey(route);
    const build = ROUTE_PROBES[key];
    if (!build) {
      if (NOT_YET_PROBED.includes(key)) continue;
      throw new Error(missingProbeMessage(key));
    }
    const permission = route.permission;
    if (!permission || permission === 'authenticated') continue;
    const allowed = hasPermission(role, permission);
    for (const [relation, target] of targets) {
      let probe: Awaited<ReturnType<typeof build>>;
      try {
        probe = await build(t, target);
      } catch (err) {
        if (!(err instanceof NotApplicable)) throw err;
        notApplicable.push(`${key} ${relation}: ${err.message}`);
        continue;
      }
      const where = `${role} ${key} (${relation} area)`;
      // A list reads the caller's own area whatever it is asked; a read that names an area (it
      // declares the answer outside) is probed outside like any other.
      const listsOwnArea = isListRead(route.method, key) && !probe.outsideCode;
      if (relation !== 'own' && (probe.noTargetArea || listsOwnArea)) continue;
      const before = relation !== 'own' && route.method !== 'GET' ? await options.fingerprint?.() : undefined;
      const response = await session.request(route.method, probe.url, probe.body, probe.headers);
      probed++;
      if (relation === 'own') {
        if (!allowed) expect(response.statusCode, where).toBe(403);
        else expect([200, 201, 202, 204], `${where}: ${response.body}`).toContain(response.statusCode);
        if (allowed && listsOwnArea && !probe.noTargetArea) {
          const items = (response.json() as { items: { code?: string; areaCode?: string | null }[] }).items;
          for (const item of items) {
            const code = item.code ?? item.areaCode;
            if (code) expect(code.startsWith(ownPrefix), `${key} leaked ${code} to ${role}`).toBe(true);
          }
        }
        continue;
      }
      if (!allowed) expect(response.statusCode, where).toBe(403);
      else if (probe.outsideCode)
        expect(response.json(), `${where}: ${response.body}`).toMatchObject({
          error: { code: probe.outsideCode },
        });
      else expect(response.statusCode, `${where}: ${response.body}`).toBe(404);
      if (before !== undefined)
        expect(await options.fingerprint?.(), `${where} changed stored data`).toBe(before);
    }
  }
  return { probed, notApplicable };
}
