import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  buildUser,
  createTestApp,
  login,
  type Session,
  seedAreas,
  type TestContext,
} from '../../../test/harness';

describe('accounts', () => {
  let t: TestContext;
  let admin: Session;
  let headA: Session;
  const countUsers = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newCadre = (overrides: Record<string, unknown> = {}) => ({
    username: `cadre${Math.random().toString(36).slice(2, 8)}`,
    name: '王建国',
    phone: '13812345678',
    role: 'village_cadre',
    areaCode: AREAS.villageA1,
    password: 'village-cadre-pass',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    admin = await login(
      t.app,
      (await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district })).username,
    );
    headA = await login(
      t.app,
      (await buildUser(t.database, { role: 'town_head', areaCode: AREAS.townA })).username,
    );
  });
  afterAll(() => t.close());

  it('creates a village cadre who can then sign in and is audited', async () => {
    const body = newCadre({ username: 'Wang.JianGuo' });
    const response = await admin.request('POST', '/api/v1/users', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'wang.jianguo',
      role: 'village_cadre',
      area: { code: AREAS.villageA1, name: '大同村', kind: 'village' },
      disabled: false,
    });
    expect(response.json()).not.toHaveProperty('passwordHash');
    await login(t.app, 'wang.jianguo', 'village-cadre-pass');
    const audit = await admin.request('GET', '/api/v1/audit?action=user.create');
    expect(audit.json()).toMatchObject({
      items: [{ after: { username: 'wang.jianguo', role: 'village_cadre' } }],
    });
  });

  it.each([
    ['a weak password', { password: 'short' }, 400, 'PASSWORD_WEAK'],
    [
      'the username as password',
      { username: 'longusername1', password: 'LongUserName1' },
      400,
      'PASSWORD_WEAK',
    ],
    ['an unknown area', { areaCode: '610902009009' }, 400, 'AREA_UNKNOWN'],
    ['a role bound to the wrong level', { role: 'town_head' }, 400, 'ROLE_AREA_MISMATCH'],
    ['an unknown field', { isAdmin: true }, 400, 'VALIDATION_FAILED'],
    ['a wrong type', { phone: 13812345678 }, 400, 'VALIDATION_FAILED'],
    ['an over-long name', { name: '长'.repeat(41) }, 400, 'VALIDATION_FAILED'],
    ['an unknown role', { role: 'emperor' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s and writes nothing', async (_label, overrides, status, code) => {
    const before = await countUsers();
    const response = await admin.request('POST', '/api/v1/users', newCadre(overrides));
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(await countUsers()).toBe(before);
  });

  it('explains each invalid field in the caller’s language', async () => {
    const response = await admin.request('POST', '/api/v1/users', newCadre({ name: '', phone: '123' }));
    const details = (response.json() as { error: { details: { path: string; message: string }[] } }).error
      .details;
    expect(details.map((d) => d.path).sort()).toEqual(['body.name', 'body.phone']);
    expect(details.every((d) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
  });

  it('refuses a duplicate username with 409', async () => {
    const body = newCadre();
    expect((await admin.request('POST', '/api/v1/users', body)).statusCode).toBe(201);
    const again = await admin.request('POST', '/api/v1/users', {
      ...body,
      username: body.username.toUpperCase(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'USERNAME_TAKEN' } });
  });

  it('lets a town head create village cadres in the own town only', async () => {
    expect(
      (await headA.request('POST', '/api/v1/users', newCadre({ areaCode: AREAS.villageA2 }))).statusCode,
    ).toBe(201);
    const sibling = await headA.request('POST', '/api/v1/users', newCadre({ areaCode: AREAS.villageB1 }));
    expect(sibling.json()).toMatchObject({ error: { code: 'AREA_UNKNOWN' } });
    const grant = await headA.request(
      'POST',
      '/api/v1/users',
      newCadre({ role: 'town_head', areaCode: AREAS.townA }),
    );
    expect(grant.statusCode).toBe(403);
    expect(grant.json()).toMatchObject({ error: { code: 'ROLE_NOT_ASSIGNABLE' } });
  });

  it('lists accounts in the caller’s subtree with filters and paging', async () => {
    await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1, name: '东坡村干部' });
    const mine = await headA.request('GET', '/api/v1/users?pageSize=200');
    const items = (mine.json() as { items: { areaCode: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.areaCode.startsWith('610902001'))).toBe(true);
    const filtered = await admin.request(
      'GET',
      `/api/v1/users?role=village_cadre&areaCode=${AREAS.villageB1}`,
    );
    expect(filtered.json()).toMatchObject({ total: 1, items: [{ name: '东坡村干部' }] });
    const town = (
      await admin.request('GET', `/api/v1/users?areaCode=${AREAS.townA}&pageSize=200`)
    ).json() as {
      items: { areaCode: string }[];
    };
    expect(town.items.some((u) => u.areaCode === AREAS.villageA1)).toBe(true);
    expect(town.items.every((u) => u.areaCode.startsWith('610902001'))).toBe(true);
    const page = await admin.request('GET', '/api/v1/users?page=1&pageSize=1');
    expect((page.json() as { items: unknown[]; total: number }).items).toHaveLength(1);
    expect((await admin.request('GET', '/api/v1/users?pageSize=1000')).statusCode).toBe(400);
  });

  it('refuses a stale update with 409 and applies a fresh one', async () => {
    const created = (await admin.request('POST', '/api/v1/users', newCadre())).json() as {
      id: string;
      version: number;
    };
    const first = await admin.request('PATCH', `/api/v1/users/${created.id}`, {
      name: '王新',
      version: created.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: '王新', version: created.version + 1 });
    const stale = await admin.request('PATCH', `/api/v1/users/${created.id}`, {
      name: '王旧',
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
  });

  it('does not let an administrator disable or demote the own account', async () => {
    const me = (await admin.request('GET', '/api/v1/auth/me')).json() as {
      user: { id: string; version: number };
    };
    expect((await admin.request('POST', `/api/v1/users/${me.user.id}/disable`)).json()).toMatchObject({
      error: { code: 'SELF_LOCKOUT' },
    });
    const demote = await admin.request('PATCH', `/api/v1/users/${me.user.id}`, {
      role: 'district_staff',
      version: me.user.version,
    });
    expect(demote.json()).toMatchObject({ error: { code: 'SELF_LOCKOUT' } });
  });

  it('resets a password, which ends the account’s sessions', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    expect(
      (await headA.request('POST', `/api/v1/users/${cadre.id}/password`, { password: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await headA.request('POST', `/api/v1/users/${cadre.id}/password`, { password: 'brand-new-password' }))
        .statusCode,
    ).toBe(204);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    await login(t.app, cadre.username, 'brand-new-password');
  });

  it('forbids reading accounts to a role without the permission', async () => {
    const cadre = await login(
      t.app,
      (await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 })).username,
    );
    const response = await cadre.request('GET', '/api/v1/users');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
