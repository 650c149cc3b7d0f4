import {
  accountApi,
  areasApi,
  type ContractInput,
  rolePermissions,
  sessionApi,
  tokensApi,
  usersApi,
} from '@lianxin/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AREAS,
  anonymous,
  buildUser,
  createTestApp,
  login,
  seedAreas,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/harness';

const MINUTE = 60_000;

describe('sign-in and sessions', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp({ loginThrottle: { perAccount: 5, perIp: 12, minutes: 15 } });
    await seedAreas(t.database);
  });
  afterAll(() => t.close());
  // Each test starts with a clean failure history so the per-IP limit does not leak between tests.
  beforeEach(async () => {
    await t.database.db.deleteFrom('login_failures').execute();
    await t.database.db.deleteFrom('login_throttle').execute();
  });

  const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
    anonymous(t.app).call(sessionApi.login, { body: { username, password } }, headers);
  /** Calls as the holder of a session cookie alone, without its CSRF token. */
  const withCookieOnly = (cookie: string) => ({ cookie: `lx_session=${cookie}` });

  it('signs in, sets an HttpOnly SameSite cookie and answers /me with the area path and permissions', async () => {
    const cadre = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '李娟',
    });
    const response = await attempt(cadre.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.response.cookies.find((c) => c.name === 'lx_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await login(t.app, cadre.username);
    const me = await session.call(sessionApi.get, {});
    expect(me.data).toMatchObject({
      user: {
        name: '李娟',
        role: 'village_cadre',
        areaPath: [{ name: '汉滨区' }, { name: '关庙镇' }, { name: '大同村' }],
        // The role's permissions, as the roles table grants them (it grows with the modules).
        permissions: [...rolePermissions.village_cadre],
      },
    });
    expect(me.data?.user.permissions).toContain('idnumber.reveal');
    expect(me.data?.user.permissions).not.toContain('users.manage');
  });

  it('refuses a wrong password in the caller’s language, and records the failure', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const zh = await attempt(cadre.username, 'wrong-password-1');
    expect(zh.statusCode).toBe(401);
    expect(zh.error).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await attempt(cadre.username, 'wrong-password-1', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.error).toMatchObject({ message: 'Wrong username or password' });
    const failures = await t.database.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failures.map((f) => f.actor_name)).toContain(cadre.username);
  });

  it('locks an account for a minute after five failures, even with the right password, then lets it in', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA2 });
    for (let i = 0; i < 5; i++)
      expect((await attempt(cadre.username, `wrong-${i}-password`)).statusCode).toBe(401);
    const throttled = await attempt(cadre.username, TEST_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.error).toEqual({
      code: 'AUTH_THROTTLED',
      message: '登录失败次数过多，请 1 分钟后再试',
    });
    t.clock.advance(MINUTE + 1000);
    expect((await attempt(cadre.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('throttles an IP address that tries many accounts', async () => {
    for (let i = 0; i < 12; i++) await attempt(`nobody${i}`, 'whatever-password');
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA2 });
    expect((await attempt(cadre.username, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(16 * MINUTE);
  });

  it('issues a new session id at every sign-in and ends the previous one sent along', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const first = await login(t.app, cadre.username);
    const second = await attempt(cadre.username, TEST_PASSWORD, withCookieOnly(first.cookie));
    const secondCookie = second.response.cookies.find((c) => c.name === 'lx_session')?.value;
    expect(secondCookie).toBeDefined();
    expect(secondCookie).not.toBe(first.cookie);
    expect((await first.call(sessionApi.get, {})).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    const toEnglish: ContractInput<typeof accountApi.update> = { body: { locale: 'en' } };
    const refused = await anonymous(t.app).call(accountApi.update, toEnglish, withCookieOnly(session.cookie));
    expect(refused.statusCode).toBe(403);
    expect(refused.error).toMatchObject({ code: 'CSRF_INVALID' });
    const wrong = await session.call(accountApi.update, toEnglish, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    const accepted = await session.call(accountApi.update, toEnglish);
    expect(accepted.statusCode).toBe(200);
    // The account's language setting now wins over Accept-Language.
    const missing = await session.call(areasApi.get, { params: { code: '999999999999' } });
    expect(missing.error).toMatchObject({ message: 'The record does not exist or is outside your area' });
  });

  it('ends a session after 30 idle minutes', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    t.clock.advance(29 * MINUTE);
    expect((await session.call(sessionApi.get, {})).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const expired = await session.call(sessionApi.get, {});
    expect(expired.statusCode).toBe(401);
    expect(expired.error).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('ends a session after 12 hours however active it is', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    for (let i = 0; i < 35; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await session.call(sessionApi.get, {})).statusCode).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expect((await session.call(sessionApi.get, {})).statusCode).toBe(401);
  });

  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const admin = await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district });
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1 });
    const adminSession = await login(t.app, admin.username);
    const cadreSession = await login(t.app, cadre.username);
    expect((await adminSession.call(usersApi.disable, { params: { id: cadre.id } })).statusCode).toBe(200);
    expect((await cadreSession.call(sessionApi.get, {})).statusCode).toBe(401);
    const refused = await attempt(cadre.username, TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.error).toMatchObject({ code: 'ACCOUNT_DISABLED' });
  });

  it('logs out', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    expect((await session.call(sessionApi.logout, {})).statusCode).toBe(204);
    expect((await session.call(sessionApi.get, {})).statusCode).toBe(401);
  });

  it('changes the own password, keeps this session and ends the others', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const here = await login(t.app, cadre.username);
    const elsewhere = await login(t.app, cadre.username);
    const change = (currentPassword: string, newPassword: string) =>
      here.call(accountApi.changePassword, { body: { currentPassword, newPassword } });
    expect((await change(TEST_PASSWORD, 'short')).error).toMatchObject({ code: 'PASSWORD_WEAK' });
    expect((await change('not-my-password', 'a-much-longer-password')).error).toMatchObject({
      code: 'PASSWORD_WRONG',
    });
    expect((await change(TEST_PASSWORD, 'a-much-longer-password')).statusCode).toBe(204);
    expect((await here.call(sessionApi.get, {})).statusCode).toBe(200);
    expect((await elsewhere.call(sessionApi.get, {})).statusCode).toBe(401);
    expect((await attempt(cadre.username, 'a-much-longer-password')).statusCode).toBe(200);
  });

  it('accepts a personal API token without CSRF until it is revoked', async () => {
    const staff = await buildUser(t.database, { role: 'town_staff', areaCode: AREAS.townA });
    const session = await login(t.app, staff.username);
    const created = await session.call(tokensApi.create, { body: { name: '12345 热线对接' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.data;
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await anonymous(t.app).call(usersApi.list, {}, bearer)).statusCode).toBe(200);
    expect((await session.call(tokensApi.revoke, { params: { id } })).statusCode).toBe(204);
    const revoked = await anonymous(t.app).call(usersApi.list, {}, bearer);
    expect(revoked.error).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
