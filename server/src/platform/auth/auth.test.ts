import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AREAS,
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
  });

  const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

  it('signs in, sets an HttpOnly SameSite cookie and answers /me with the area path and permissions', async () => {
    const cadre = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '李娟',
    });
    const response = await attempt(cadre.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'lx_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await login(t.app, cadre.username);
    const me = await session.request('GET', '/api/v1/auth/me');
    expect(me.json()).toMatchObject({
      user: {
        name: '李娟',
        role: 'village_cadre',
        areaPath: [{ name: '汉滨区' }, { name: '关庙镇' }, { name: '大同村' }],
        permissions: [
          'areas.read',
          'households.read',
          'households.manage',
          'idnumber.reveal',
          'households.export',
          'appeals.read',
          'appeals.create',
          'appeals.handle',
          'assistance.read',
          'assistance.visit',
          'dashboard.read',
        ],
      },
    });
  });

  it('refuses a wrong password in the caller’s language, and records the failure', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const zh = await attempt(cadre.username, 'wrong-password-1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    const en = await attempt(cadre.username, 'wrong-password-1', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json()).toMatchObject({ error: { message: 'Wrong username or password' } });
    const failures = await t.database.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failures.map((f) => f.actor_name)).toContain(cadre.username);
  });

  it('throttles an account after five failures, even with the right password, until the window passes', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA2 });
    for (let i = 0; i < 5; i++)
      expect((await attempt(cadre.username, `wrong-${i}-password`)).statusCode).toBe(401);
    const throttled = await attempt(cadre.username, TEST_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toEqual({
      error: { code: 'AUTH_THROTTLED', message: '登录失败次数过多，请 15 分钟后再试' },
    });
    t.clock.advance(15 * MINUTE + 1000);
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
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: cadre.username, password: TEST_PASSWORD },
      cookies: { lx_session: first.cookie },
    });
    const secondCookie = second.cookies.find((c) => c.name === 'lx_session')?.value;
    expect(secondCookie).toBeDefined();
    expect(secondCookie).not.toBe(first.cookie);
    expect((await first.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      cookies: { lx_session: session.cookie },
      payload: { locale: 'en' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    const wrong = await session.request(
      'PATCH',
      '/api/v1/auth/me',
      { locale: 'en' },
      { 'x-csrf-token': 'forged' },
    );
    expect(wrong.statusCode).toBe(403);
    const accepted = await session.request('PATCH', '/api/v1/auth/me', { locale: 'en' });
    expect(accepted.statusCode).toBe(200);
    // The account's language setting now wins over Accept-Language.
    const missing = await session.request('GET', '/api/v1/areas/999999999999');
    expect(missing.json()).toMatchObject({
      error: { message: 'The record does not exist or is outside your area' },
    });
  });

  it('ends a session after 30 idle minutes', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    t.clock.advance(29 * MINUTE);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const expired = await session.request('GET', '/api/v1/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('ends a session after 12 hours however active it is', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    for (let i = 0; i < 35; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const admin = await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district });
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1 });
    const adminSession = await login(t.app, admin.username);
    const cadreSession = await login(t.app, cadre.username);
    expect((await adminSession.request('POST', `/api/v1/users/${cadre.id}/disable`)).statusCode).toBe(200);
    expect((await cadreSession.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const refused = await attempt(cadre.username, TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('logs out', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(t.app, cadre.username);
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('changes the own password, keeps this session and ends the others', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const here = await login(t.app, cadre.username);
    const elsewhere = await login(t.app, cadre.username);
    const weak = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.json()).toMatchObject({ error: { code: 'PASSWORD_WEAK' } });
    const wrong = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-much-longer-password',
    });
    expect(wrong.json()).toMatchObject({ error: { code: 'PASSWORD_WRONG' } });
    const changed = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-much-longer-password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await here.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await attempt(cadre.username, 'a-much-longer-password')).statusCode).toBe(200);
  });

  it('accepts a personal API token without CSRF until it is revoked', async () => {
    const staff = await buildUser(t.database, { role: 'town_staff', areaCode: AREAS.townA });
    const session = await login(t.app, staff.username);
    const created = await session.request('POST', '/api/v1/auth/tokens', { name: '12345 热线对接' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    expect((await session.request('DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
