import { accountApi, usersApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login, type Session, TEST_PASSWORD } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';

// The passwords the outside test set and saw accepted (issue 17, finding 6).
describe('the password rule on the server', () => {
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

  const weak = ['1234567890', 'aaaaaaaaaa', ' '.repeat(10), 'password123', '5201314woaini'];

  it.each(weak)('refuses %j as a new own password', async (password) => {
    const cadre = await buildUser(w.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const session = await login(w.app, cadre.username);
    const change = await session.call(accountApi.changePassword, {
      body: { currentPassword: TEST_PASSWORD, newPassword: password },
    });
    expect(change.statusCode).toBe(400);
    expect(change.error.code).toBe('PASSWORD_WEAK');
  });

  it('refuses the current password and the username with two characters more', async () => {
    const cadre = await buildUser(w.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      username: 'liujuan.dt',
    });
    const session = await login(w.app, cadre.username);
    for (const newPassword of [TEST_PASSWORD, 'liujuan.dt12', 'Liujuan.DT!!']) {
      const change = await session.call(accountApi.changePassword, {
        body: { currentPassword: TEST_PASSWORD, newPassword },
      });
      expect(change.error.code, newPassword).toBe('PASSWORD_WEAK');
    }
    const reset = await admin.call(usersApi.resetPassword, {
      params: { id: cadre.id },
      body: { password: TEST_PASSWORD },
    });
    expect(reset.error.code).toBe('PASSWORD_WEAK');
  });

  it('refuses an account made with its holder’s phone number as password', async () => {
    const created = await admin.call(usersApi.create, {
      body: {
        username: 'zhaolei',
        name: '赵磊',
        phone: '13907150842',
        role: 'village_cadre',
        areaCode: AREAS.villageA1,
        password: 'zl13907150842',
      },
    });
    expect(created.statusCode).toBe(400);
    expect(created.error.code).toBe('PASSWORD_WEAK');
  });

  it('accepts a long passphrase', async () => {
    const cadre = await buildUser(w.database, { role: 'village_cadre', areaCode: AREAS.villageA2 });
    const session = await login(w.app, cadre.username);
    const change = await session.call(accountApi.changePassword, {
      body: { currentPassword: TEST_PASSWORD, newPassword: '村口老槐树下的石磨还在转' },
    });
    expect(change.statusCode).toBe(204);
  });
});
