import { defaultTierRules, hasPermission, type Role, roles } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/platform/ids';
import {
  AREAS,
  buildUser,
  createTestApp,
  login,
  type Session,
  seedAreas,
  signInAs,
  type TestContext,
} from './harness';

// Where each role sits for the matrix, and the sibling area it must never reach.
const PLACEMENT: Record<
  Role,
  { own: string; sibling: string | null; ownVillage: string; siblingVillage: string | null }
> = {
  district_admin: { own: AREAS.district, sibling: null, ownVillage: AREAS.villageA1, siblingVillage: null },
  district_staff: { own: AREAS.district, sibling: null, ownVillage: AREAS.villageA1, siblingVillage: null },
  auditor: { own: AREAS.district, sibling: null, ownVillage: AREAS.villageA1, siblingVillage: null },
  town_head: {
    own: AREAS.townA,
    sibling: AREAS.townB,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageB1,
  },
  town_staff: {
    own: AREAS.townA,
    sibling: AREAS.townB,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageB1,
  },
  cppcc_member: {
    own: AREAS.townA,
    sibling: AREAS.townB,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageB1,
  },
  village_cadre: {
    own: AREAS.villageA1,
    sibling: AREAS.villageA2,
    ownVillage: AREAS.villageA1,
    siblingVillage: AREAS.villageA2,
  },
};

interface Probe {
  url: string;
  body?: unknown;
  /** What a permitted caller gets for the sibling object, when not 404 (bodies naming an area). */
  siblingCode?: string;
  /** No target area to be outside of: district-wide settings, or work in the caller's own area. */
  noSibling?: true;
  headers?: Record<string, string>;
}

type Target = {
  area: string;
  village: string;
  user: { id: string };
  household: { id: string; residentId: string };
  /** A district admin's session, for setting up what a probe acts on. */
  admin: Session;
};
type RouteCase = (t: TestContext, target: Target) => Promise<Probe>;

const versionOf = async (t: TestContext, table: 'households' | 'residents', id: string) =>
  (await t.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

/** A roster import started in the target's area by the target's cadre. */
const rosterImport = async (t: TestContext, target: Target, status: 'validating' | 'ready') => {
  const id = newId();
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('household_imports')
    .values({
      id,
      area_code: target.village,
      created_by: target.user.id,
      locale: 'zh-CN',
      file_name: '名册.xlsx',
      content: Buffer.from('a,b\n'),
      status,
      progress_done: 0,
      progress_total: 0,
      errors: '[]',
      error_count: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
};

/** An override of the target household in the given state, proposed by the target's cadre. */
const override = async (t: TestContext, target: Target, status: 'pending' | 'approved') => {
  const id = newId();
  await t.database.db
    .insertInto('tier_overrides')
    .values({
      id,
      household_id: target.household.id,
      tier: 'priority',
      reason: '矩阵测试',
      status,
      proposed_by: target.user.id,
      proposed_at: new Date().toISOString(),
    })
    .execute();
  return id;
};

const version = async (t: TestContext, table: 'users' | 'areas', key: string) => {
  const row =
    table === 'users'
      ? await t.database.db
          .selectFrom('users')
          .select('version')
          .where('id', '=', key)
          .executeTakeFirstOrThrow()
      : await t.database.db
          .selectFrom('areas')
          .select('version')
          .where('code', '=', key)
          .executeTakeFirstOrThrow();
  return row.version;
};

let serial = 100;
const CASES: Record<string, RouteCase> = {
  'GET /api/v1/areas': async () => ({ url: '/api/v1/areas' }),
  'GET /api/v1/areas/:code': async (_t, target) => ({ url: `/api/v1/areas/${target.area}` }),
  'POST /api/v1/areas': async (_t, target) => ({
    url: '/api/v1/areas',
    body: {
      code: `${target.village}${String(serial++)}`,
      name: '新网格',
      kind: 'group',
      parentCode: target.village,
    },
    siblingCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/areas/:code': async (t, target) => ({
    url: `/api/v1/areas/${target.village}`,
    body: { flags: { remote: true }, version: await version(t, 'areas', target.village) },
  }),
  'GET /api/v1/users': async () => ({ url: '/api/v1/users' }),
  'GET /api/v1/users/:id': async (_t, target) => ({ url: `/api/v1/users/${target.user.id}` }),
  'POST /api/v1/users': async (_t, target) => ({
    url: '/api/v1/users',
    body: {
      username: `matrix${serial++}`,
      name: '矩阵',
      role: 'village_cadre',
      areaCode: target.village,
      password: 'matrix-password-1',
    },
    siblingCode: 'AREA_UNKNOWN',
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
    body: { password: 'matrix-password-2' },
  }),
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit' }),
  'GET /api/v1/households': async () => ({ url: '/api/v1/households' }),
  'GET /api/v1/households/:id': async (_t, target) => ({ url: `/api/v1/households/${target.household.id}` }),
  'POST /api/v1/households': async (_t, target) => ({
    url: '/api/v1/households',
    body: {
      areaCode: target.village,
      number: `M${serial++}`,
      members: [{ name: '矩阵户主', relation: 'head' }],
    },
    siblingCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/residents/:id/reveal-id': async (_t, target) => ({
    url: `/api/v1/residents/${target.household.residentId}/reveal-id`,
  }),
  'PATCH /api/v1/households/:id': async (t, target) => ({
    url: `/api/v1/households/${target.household.id}`,
    body: {
      address: `矩阵路 ${serial++} 号`,
      version: await versionOf(t, 'households', target.household.id),
    },
  }),
  'POST /api/v1/households/:id/members': async (_t, target) => ({
    url: `/api/v1/households/${target.household.id}/members`,
    body: { name: `成员${serial++}`, relation: 'child' },
  }),
  'POST /api/v1/households/:id/change-head': async (t, target) => {
    const added = await target.admin.request('POST', `/api/v1/households/${target.household.id}/members`, {
      name: `新户主${serial++}`,
      relation: 'spouse',
    });
    const members = (added.json() as { members: { id: string; name: string }[] }).members;
    const next = members[members.length - 1];
    return {
      url: `/api/v1/households/${target.household.id}/change-head`,
      body: {
        residentId: next?.id,
        formerHeadRelation: 'spouse',
        version: await versionOf(t, 'households', target.household.id),
      },
    };
  },
  'PUT /api/v1/households/:id/indicators/:year': async (_t, target) => ({
    url: `/api/v1/households/${target.household.id}/indicators/2026`,
    body: { totalIncome: 40_000 + serial++ },
  }),
  'PATCH /api/v1/residents/:id': async (t, target) => ({
    url: `/api/v1/residents/${target.household.residentId}`,
    body: { phone: '13800000000', version: await versionOf(t, 'residents', target.household.residentId) },
  }),
  'GET /api/v1/tags': async () => ({ url: '/api/v1/tags', noSibling: true }),
  'POST /api/v1/tags': async () => ({
    url: '/api/v1/tags',
    body: { code: `matrix_${serial++}`, name: '矩阵标签', appliesTo: 'household' },
    noSibling: true,
  }),
  'GET /api/v1/tier-rules': async () => ({ url: '/api/v1/tier-rules', noSibling: true }),
  'POST /api/v1/tier-rules/preview': async () => ({
    url: '/api/v1/tier-rules/preview',
    body: { rules: defaultTierRules },
    noSibling: true,
  }),
  'POST /api/v1/tier-rules': async () => ({
    url: '/api/v1/tier-rules',
    body: { rules: defaultTierRules, effectiveFrom: '2027-01-01' },
    noSibling: true,
  }),
  'GET /api/v1/tier-overrides': async () => ({ url: '/api/v1/tier-overrides' }),
  'GET /api/v1/household-imports/template': async () => ({
    url: '/api/v1/household-imports/template',
    noSibling: true,
  }),
  'POST /api/v1/household-imports': async () => ({
    url: '/api/v1/household-imports?fileName=x.csv',
    body: Buffer.from('村/社区,户号,姓名,与户主关系\n'),
    headers: { 'content-type': 'text/csv' },
    noSibling: true,
  }),
  'GET /api/v1/household-imports': async () => ({ url: '/api/v1/household-imports' }),
  'GET /api/v1/household-imports/:id': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'validating')}`,
  }),
  'POST /api/v1/household-imports/:id/commit': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'ready')}/commit`,
  }),
  'GET /api/v1/households/export': async (_t, target) => ({
    url: `/api/v1/households/export?areaCode=${target.village}`,
  }),
  'POST /api/v1/households/:id/tier-overrides': async (t, target) => {
    // One pending proposal per household at a time: clear the way for this probe.
    await t.database.db
      .updateTable('tier_overrides')
      .set({ status: 'rejected' })
      .where('household_id', '=', target.household.id)
      .where('status', '=', 'pending')
      .execute();
    return {
      url: `/api/v1/households/${target.household.id}/tier-overrides`,
      body: { tier: 'watch', reason: '矩阵测试' },
    };
  },
  'POST /api/v1/tier-overrides/:id/approve': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'pending')}/approve`,
    body: {},
  }),
  'POST /api/v1/tier-overrides/:id/reject': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'pending')}/reject`,
    body: {},
  }),
  'POST /api/v1/tier-overrides/:id/revoke': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'approved')}/revoke`,
    body: {},
  }),
};

const households = new Map<string, { id: string; residentId: string }>();
let admin: Session;

describe('access matrix: every route × role × own and sibling area', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    admin = await signInAs(t, 'district_admin', AREAS.district);
    for (const village of [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1]) {
      const response = await admin.request('POST', '/api/v1/households', {
        areaCode: village,
        number: `V${village.slice(-3)}`,
        members: [{ name: '户主', relation: 'head' }],
      });
      const body = response.json() as { id: string; members: { id: string }[] };
      households.set(village, { id: body.id, residentId: body.members[0]?.id ?? '' });
    }
  });
  afterAll(() => t.close());

  it('covers every area-scoped route of the API', () => {
    const scoped = t.app.ctx.routes
      .filter((r) => r.permission !== undefined && r.permission !== 'authenticated')
      .map((r) => `${r.method} ${r.url}`);
    expect(scoped.sort()).toEqual(Object.keys(CASES).sort());
    // Apart from sign-in, health and the documentation, every API route declares a permission.
    const undeclared = t.app.ctx.routes.filter(
      (r) => r.url.startsWith('/api/v1') && r.permission === undefined && r.url !== '/api/v1/auth/login',
    );
    expect(undeclared).toEqual([]);
  });

  describe.each(roles)('%s', (role) => {
    const place = PLACEMENT[role];
    it('reaches its own area and gets 404 (or an unknown area) for the sibling area', async () => {
      const caller = await buildUser(t.database, { role, areaCode: place.own });
      const session = await login(t.app, caller.username);
      const ownUser = await buildUser(t.database, { role: 'village_cadre', areaCode: place.ownVillage });
      const siblingUser = place.siblingVillage
        ? await buildUser(t.database, { role: 'village_cadre', areaCode: place.siblingVillage })
        : null;
      for (const [key, build] of Object.entries(CASES)) {
        const [method = 'GET'] = key.split(' ');
        const route = t.app.ctx.routes.find((r) => `${r.method} ${r.url}` === key);
        const permission = route?.permission;
        if (!permission || permission === 'authenticated') throw new Error(`no permission on ${key}`);
        const allowed = hasPermission(role, permission);

        const own = await build(t, {
          area: place.own,
          village: place.ownVillage,
          user: ownUser,
          household: households.get(place.ownVillage) ?? { id: '', residentId: '' },
          admin,
        });
        const ownResponse = await session.request(method, own.url, own.body, own.headers);
        if (allowed) {
          expect([200, 201, 202, 204], `${role} ${key} own area: ${ownResponse.body}`).toContain(
            ownResponse.statusCode,
          );
        } else {
          expect(ownResponse.statusCode, `${role} ${key} own area`).toBe(403);
        }
        if (allowed && method === 'GET' && !key.includes(':') && !own.noSibling && !key.endsWith('/export')) {
          const items = (ownResponse.json() as { items: { code?: string; areaCode?: string | null }[] })
            .items;
          const prefix = place.own.replace(/0{3}$/, '').replace(/0{3}$/, '');
          for (const item of items) {
            const code = item.code ?? item.areaCode;
            if (code) expect(code.startsWith(prefix), `${key} leaked ${code} to ${role}`).toBe(true);
          }
        }

        if (
          own.noSibling ||
          !place.sibling ||
          !place.siblingVillage ||
          !siblingUser ||
          (method === 'GET' && !key.includes(':') && !key.endsWith('/export'))
        )
          continue;
        const sibling = await build(t, {
          area: place.sibling,
          village: place.siblingVillage,
          user: siblingUser,
          household: households.get(place.siblingVillage) ?? { id: '', residentId: '' },
          admin,
        });
        const siblingResponse = await session.request(method, sibling.url, sibling.body, sibling.headers);
        if (!allowed) {
          expect(siblingResponse.statusCode, `${role} ${key} sibling`).toBe(403);
        } else if (sibling.siblingCode) {
          expect(siblingResponse.json(), `${role} ${key} sibling`).toMatchObject({
            error: { code: sibling.siblingCode },
          });
        } else {
          expect(siblingResponse.statusCode, `${role} ${key} sibling: ${siblingResponse.body}`).toBe(404);
        }
      }
    });
  });
});
