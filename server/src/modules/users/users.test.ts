import { auditApi, type ContractInput, sessionApi, usersApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login, type Session } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';

type NewUser = ContractInput<typeof usersApi.create>['body'];

describe('accounts', () => {
  let t: World;
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
  const newCadre = (overrides: Partial<NewUser> = {}): NewUser => ({
    username: `cadre${Math.random().toString(36).slice(2, 8)}`,
    name: '王建国',
    phone: '13812345678',
    role: 'village_cadre',
    areaCode: AREAS.villageA1,
    password: 'village-cadre-pass',
    ...overrides,
  });
  const create = (session: Session, overrides: Partial<NewUser> = {}) =>
    session.call(usersApi.create, { body: newCadre(overrides) });

  beforeAll(async () => {
    t = await buildWorld();
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
    const response = await create(admin, { username: 'Wang.JianGuo' });
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({
      username: 'wang.jianguo',
      role: 'village_cadre',
      area: { code: AREAS.villageA1, name: '大同村', kind: 'village' },
      disabled: false,
    });
    expect(response.response.json()).not.toHaveProperty('passwordHash');
    await login(t.app, 'wang.jianguo', 'village-cadre-pass');
    const audit = await admin.call(auditApi.list, { query: { action: 'user.create' } });
    expect(audit.data).toMatchObject({
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
    ['an over-long name', { name: '长'.repeat(41) }, 400, 'VALIDATION_FAILED'],
  ] satisfies [string, Partial<NewUser>, number, string][])(
    'refuses %s and writes nothing',
    async (_label, overrides, status, code) => {
      const before = await countUsers();
      const response = await create(admin, overrides);
      expect(response.statusCode).toBe(status);
      expect(response.error).toMatchObject({ code });
      expect(await countUsers()).toBe(before);
    },
  );

  // Bodies the contract cannot express: sent as they are.
  it.each([
    ['an unknown field', { isAdmin: true }],
    ['a wrong type', { phone: 13812345678 }],
    ['an unknown role', { role: 'emperor' }],
  ])('refuses %s as invalid and writes nothing', async (_label, overrides) => {
    const before = await countUsers();
    const response = await admin.request('POST', '/api/v1/users', { ...newCadre(), ...overrides });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await countUsers()).toBe(before);
  });

  it('explains each invalid field in the caller’s language', async () => {
    const response = await create(admin, { name: '', phone: '123' });
    const details = response.error.details ?? [];
    expect(details.map((d) => d.path).sort()).toEqual(['body.name', 'body.phone']);
    expect(details.every((d) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
  });

  it('refuses a duplicate username with 409', async () => {
    const body = newCadre();
    expect((await admin.call(usersApi.create, { body })).statusCode).toBe(201);
    const again = await create(admin, { ...body, username: body.username.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.error).toMatchObject({ code: 'USERNAME_TAKEN' });
  });

  it('lets a town head create village cadres in the own town only', async () => {
    expect((await create(headA, { areaCode: AREAS.villageA2 })).statusCode).toBe(201);
    const sibling = await create(headA, { areaCode: AREAS.villageB1 });
    expect(sibling.error).toMatchObject({ code: 'AREA_UNKNOWN' });
    const grant = await create(headA, { role: 'town_head', areaCode: AREAS.townA });
    expect(grant.statusCode).toBe(403);
    expect(grant.error).toMatchObject({ code: 'ROLE_NOT_ASSIGNABLE' });
  });

  it('lists accounts in the caller’s subtree with filters and paging', async () => {
    await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1, name: '东坡村干部' });
    const { items } = (await headA.call(usersApi.list, { query: { pageSize: 200 } })).data;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.areaCode.startsWith('610902001'))).toBe(true);
    const filtered = await admin.call(usersApi.list, {
      query: { role: 'village_cadre', areaCode: AREAS.villageB1 },
    });
    expect(filtered.data).toMatchObject({ total: 1, items: [{ name: '东坡村干部' }] });
    const town = (await admin.call(usersApi.list, { query: { areaCode: AREAS.townA, pageSize: 200 } })).data;
    expect(town.items.some((u) => u.areaCode === AREAS.villageA1)).toBe(true);
    expect(town.items.every((u) => u.areaCode.startsWith('610902001'))).toBe(true);
    const page = await admin.call(usersApi.list, { query: { page: 1, pageSize: 1 } });
    expect(page.data.items).toHaveLength(1);
    expect((await admin.call(usersApi.list, { query: { pageSize: 1000 } })).statusCode).toBe(400);
  });

  it('refuses a stale update with 409 and applies a fresh one', async () => {
    const created = (await create(admin)).data;
    const first = await admin.call(usersApi.update, {
      params: { id: created.id },
      body: { name: '王新', version: created.version },
    });
    expect(first.statusCode).toBe(200);
    expect(first.data).toMatchObject({ name: '王新', version: created.version + 1 });
    const stale = await admin.call(usersApi.update, {
      params: { id: created.id },
      body: { name: '王旧', version: created.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('does not let an administrator disable or demote the own account', async () => {
    const me = (await admin.call(sessionApi.get, {})).data;
    expect((await admin.call(usersApi.disable, { params: { id: me.user.id } })).error).toMatchObject({
      code: 'SELF_LOCKOUT',
    });
    const demote = await admin.call(usersApi.update, {
      params: { id: me.user.id },
      body: { role: 'district_staff', version: me.user.version },
    });
    expect(demote.error).toMatchObject({ code: 'SELF_LOCKOUT' });
  });

  it('resets a password, which ends the account’s sessions', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    const reset = (password: string) =>
      headA.call(usersApi.resetPassword, { params: { id: cadre.id }, body: { password } });
    expect((await reset('x')).statusCode).toBe(400);
    expect((await reset('brand-new-password')).statusCode).toBe(204);
    expect((await session.call(sessionApi.get, {})).statusCode).toBe(401);
    await login(t.app, cadre.username, 'brand-new-password');
  });

  it('forbids reading accounts to a role without the permission', async () => {
    const cadre = await login(
      t.app,
      (await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 })).username,
    );
    const response = await cadre.call(usersApi.list, {});
    expect(response.statusCode).toBe(403);
    expect(response.error).toMatchObject({ code: 'FORBIDDEN' });
  });
});
