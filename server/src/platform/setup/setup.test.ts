import { areasApi, setupApi, usersApi } from '@lianxin/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, login, type TestContext } from '../../../test/harness';
import { issueSetupToken } from './index';

const DISTRICT = { code: '610902000000', name: '示例区' };
const ADMIN = { username: 'first.admin', name: '区管理员', password: 'a-long-enough-password' };

/** A set-up attempt from its own client address (the failures are counted per address). */
function setUp(t: TestContext, body: object, ip = '10.9.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/v1/public/setup', payload: body, remoteAddress: ip });
}

describe('first run (set-up)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it('creates the district and the first administrator once, who then creates a town head', async () => {
    const visitor = anonymous(t.app);
    expect((await visitor.call(setupApi.status, { query: {} })).data).toEqual({
      needed: true,
      district: null,
    });
    const token = await issueSetupToken(t.database.db, t.clock);
    expect(token).toBeTruthy();

    const wrong = await setUp(t, { token: 'guessed', district: DISTRICT, admin: ADMIN });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('SETUP_TOKEN_INVALID');

    const weak = await setUp(t, { token, district: DISTRICT, admin: { ...ADMIN, password: 'short' } });
    expect(weak.json().error.code).toBe('PASSWORD_WEAK');

    const done = await setUp(t, { token, district: DISTRICT, admin: ADMIN });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({
      username: 'first.admin',
      district: DISTRICT,
      secretKey: { source: 'environment', file: null },
    });
    expect((await visitor.call(setupApi.status, { query: { token: token ?? '' } })).data).toEqual({
      needed: false,
      district: null,
    });

    const again = await setUp(t, { token, district: DISTRICT, admin: { ...ADMIN, username: 'second' } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('SETUP_NOT_NEEDED');
    expect(await issueSetupToken(t.database.db, t.clock)).toBeNull();

    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const town = await admin.call(areasApi.create, {
      body: { code: '610902001000', name: '一镇', kind: 'town', parentCode: DISTRICT.code },
    });
    expect(town.statusCode).toBe(201);
    const head = await admin.call(usersApi.create, {
      body: {
        username: 'town.head',
        name: '镇长',
        password: 'another-long-password',
        role: 'town_head',
        areaCode: '610902001000',
        phone: null,
        unitId: null,
        rank: null,
      },
    });
    expect(head.data.role).toBe('town_head');
    await login(t.app, 'town.head', 'another-long-password');
  });

  it('uses an imported district, shown only to the holder of the token', async () => {
    const token = (await issueSetupToken(t.database.db, t.clock)) ?? '';
    await t.database.db
      .insertInto('areas')
      .values({
        code: '610903000000',
        name: '导入区',
        kind: 'district',
        parent_code: null,
        extremely_poor: false,
        remote: false,
        hard_to_advance: false,
        disaster_hit: false,
        version: 1,
        created_at: '2026-11-22T08:00:00.000Z',
        updated_at: '2026-11-22T08:00:00.000Z',
      })
      .execute();
    const visitor = anonymous(t.app);
    expect((await visitor.call(setupApi.status, { query: {} })).data.district).toBeNull();
    expect((await visitor.call(setupApi.status, { query: { token } })).data.district).toEqual({
      code: '610903000000',
      name: '导入区',
    });
    const done = await setUp(t, { token, admin: ADMIN });
    expect(done.json().district).toEqual({ code: '610903000000', name: '导入区' });
  });

  it('asks for the district when none exists, and keeps the token for the retry', async () => {
    const token = (await issueSetupToken(t.database.db, t.clock)) ?? '';
    const missing = await setUp(t, { token, admin: ADMIN });
    expect(missing.json().error.code).toBe('SETUP_DISTRICT_REQUIRED');
    const badCode = await setUp(t, { token, district: { code: '610902001000', name: 'x' }, admin: ADMIN });
    expect(badCode.json().error.code).toBe('AREA_CODE_INVALID');
    expect((await setUp(t, { token, district: DISTRICT, admin: ADMIN })).statusCode).toBe(201);
  });

  it('accepts only the latest printed token', async () => {
    const first = (await issueSetupToken(t.database.db, t.clock)) ?? '';
    const second = (await issueSetupToken(t.database.db, t.clock)) ?? '';
    expect((await setUp(t, { token: first, district: DISTRICT, admin: ADMIN })).statusCode).toBe(403);
    expect((await setUp(t, { token: second, district: DISTRICT, admin: ADMIN })).statusCode).toBe(201);
  });

  it('holds back an address after repeated wrong tokens', async () => {
    const token = (await issueSetupToken(t.database.db, t.clock)) ?? '';
    for (let i = 0; i < 10; i++) {
      expect((await setUp(t, { token: `wrong-${i}`, district: DISTRICT, admin: ADMIN })).statusCode).toBe(
        403,
      );
    }
    // Nor can the status be used to try tokens past the limit.
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/setup/status?token=${token}`,
      remoteAddress: '10.9.0.1',
    });
    expect(status.statusCode).toBe(429);
    const held = await setUp(t, { token, district: DISTRICT, admin: ADMIN });
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('SETUP_THROTTLED');
    expect((await setUp(t, { token, district: DISTRICT, admin: ADMIN }, '10.9.0.2')).statusCode).toBe(201);
  });
});
