import { accountApi, householdsApi, type TokenScope, tokensApi, usersApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, buildUser, login, type Session, TEST_PASSWORD } from '../../../test/harness';
import { buildHousehold } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';

describe('personal API tokens', () => {
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    w = await buildWorld();
    admin = await login(
      w.app,
      (await buildUser(w.database, { role: 'district_admin', areaCode: AREAS.district })).username,
    );
  });
  afterAll(() => w.close());

  const newTokenFor = async (session: Session, scope: TokenScope = { kind: 'read' }) => {
    const created = await session.call(tokensApi.create, {
      body: { name: '对接', expiresInDays: 30, scope },
    });
    expect(created.statusCode).toBe(201);
    return created.data.token;
  };
  const asToken = (token: string) => {
    const bearer = { authorization: `Bearer ${token}` };
    const client = anonymous(w.app);
    return {
      call: <C extends Parameters<typeof client.call>[0]>(
        contract: C,
        input: Parameters<typeof client.call<C>>[1],
      ) => client.call(contract, input, bearer),
    };
  };
  const cadreSession = async (areaCode: string = AREAS.villageA1) => {
    const user = await buildUser(w.database, { role: 'village_cadre', areaCode });
    return { user, session: await login(w.app, user.username) };
  };

  it('stops working when its owner changes the password', async () => {
    const { session } = await cadreSession();
    const token = await newTokenFor(session);
    expect((await asToken(token).call(householdsApi.list, { query: {} })).statusCode).toBe(200);
    const change = await session.call(accountApi.changePassword, {
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a quiet river at dawn' },
    });
    expect(change.statusCode).toBe(204);
    const after = await asToken(token).call(householdsApi.list, { query: {} });
    expect(after.error).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('stops working when an administrator resets the password', async () => {
    const { user, session } = await cadreSession();
    const token = await newTokenFor(session);
    const reset = await admin.call(usersApi.resetPassword, {
      params: { id: user.id },
      body: { password: 'a new start in spring' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await asToken(token).call(householdsApi.list, { query: {} })).error.code).toBe('TOKEN_INVALID');
  });

  it('stays revoked when a disabled account is enabled again', async () => {
    const { user, session } = await cadreSession();
    const token = await newTokenFor(session);
    expect((await admin.call(usersApi.disable, { params: { id: user.id } })).statusCode).toBe(200);
    expect((await admin.call(usersApi.enable, { params: { id: user.id } })).statusCode).toBe(200);
    expect((await asToken(token).call(householdsApi.list, { query: {} })).error.code).toBe('TOKEN_INVALID');
  });

  it('cannot make tokens or change passwords, whatever its scope', async () => {
    const adminToken = await newTokenFor(admin, { kind: 'permissions', permissions: ['users.manage'] });
    const { user, session } = await cadreSession();
    const token = await newTokenFor(session);
    const minted = await asToken(token).call(tokensApi.create, {
      body: { name: '再来一个', expiresInDays: 30 },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.error.code).toBe('TOKEN_NOT_ALLOWED');
    const changed = await asToken(token).call(accountApi.changePassword, {
      body: { currentPassword: TEST_PASSWORD, newPassword: 'taken over by a token' },
    });
    expect(changed.error.code).toBe('TOKEN_NOT_ALLOWED');
    const reset = await asToken(adminToken).call(usersApi.resetPassword, {
      params: { id: user.id },
      body: { password: 'taken over by a token' },
    });
    expect(reset.error.code).toBe('TOKEN_NOT_ALLOWED');
    expect((await login(w.app, user.username)).cookie).toBeTruthy();
  });

  it('reads only, when read-only: no write, no export', async () => {
    const { session } = await cadreSession();
    const token = await newTokenFor(session);
    const reads = await asToken(token).call(householdsApi.list, { query: {} });
    expect(reads.statusCode).toBe(200);
    const write = await asToken(token).call(householdsApi.create, {
      body: { areaCode: AREAS.villageA1, number: 'T-001', members: [{ name: '张三', relation: 'head' }] },
    });
    expect(write.statusCode).toBe(403);
    expect(write.error.code).toBe('TOKEN_SCOPE_DENIED');
    const exported = await asToken(token).call(householdsApi.export, { query: {} });
    expect(exported.error.code).toBe('TOKEN_SCOPE_DENIED');
  });

  it('does what its listed permissions allow and nothing else', async () => {
    const { session } = await cadreSession();
    const household = await buildHousehold(session);
    const token = await newTokenFor(session, { kind: 'permissions', permissions: ['appeals.read'] });
    expect((await asToken(token).call(householdsApi.get, { params: { id: household.id } })).error.code).toBe(
      'TOKEN_SCOPE_DENIED',
    );
    const managing = await newTokenFor(session, { kind: 'permissions', permissions: ['households.read'] });
    expect(
      (await asToken(managing).call(householdsApi.get, { params: { id: household.id } })).statusCode,
    ).toBe(200);
  });

  it('is refused a permission its owner does not have, and a life past the maximum', async () => {
    const { session } = await cadreSession();
    const beyond = await session.call(tokensApi.create, {
      body: { name: 'x', expiresInDays: 30, scope: { kind: 'permissions', permissions: ['users.manage'] } },
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.error.code).toBe('TOKEN_SCOPE_INVALID');
    const long = await session.call(tokensApi.create, { body: { name: 'x', expiresInDays: 3650 } });
    expect(long.statusCode).toBe(400);
    expect(long.error).toMatchObject({ code: 'TOKEN_LIFETIME_TOO_LONG', message: '令牌有效期最长 365 天' });
  });

  it('lists its scope, when and from where it was last used', async () => {
    const { session } = await cadreSession();
    const token = await newTokenFor(session);
    await w.app.inject({
      method: 'GET',
      url: '/api/v1/households',
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: '198.51.100.23',
    });
    const listed = await session.call(tokensApi.list, {});
    expect(listed.data.items).toEqual([
      expect.objectContaining({
        scope: { kind: 'read' },
        lastUsedIp: '198.51.100.23',
        lastUsedAt: expect.any(String),
      }),
    ]);
  });
});
