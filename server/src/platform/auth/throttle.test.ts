import { usersApi } from '@lianxin/common';
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

describe('sign-in throttle', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp({ loginThrottle: { perAccount: 5, perIp: 1000, minutes: 15 } });
    await seedAreas(t.database);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.database.db.deleteFrom('login_throttle').execute();
  });

  /** Signs in from an address of one's choosing (the test app trusts no proxy header). */
  const attempt = (username: string, password: string, ip = '203.0.113.9') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
  const checksMade = async (username: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('login_failures')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const waitMinutes = (response: Awaited<ReturnType<typeof attempt>>) =>
    Number(/(\d+) 分钟/.exec((response.json() as { error: { message: string } }).error.message)?.[1]);

  it('checks at most five of 40 concurrent wrong passwords for one account', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(cadre.username, `wrong-password-${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(await checksMade(cadre.username)).toBe(5);
  });

  it('locks progressively: 1 minute after five failures, then 2, 4, 8, and at most 15', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    for (let i = 0; i < 5; i++) expect((await attempt(cadre.username, `wrong-${i}-pw`)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 5; round++) {
      const locked = await attempt(cadre.username, TEST_PASSWORD);
      expect(locked.statusCode).toBe(429);
      const wait = waitMinutes(locked);
      waits.push(wait);
      t.clock.advance(wait * MINUTE + 1000);
      // One more failure after the lock ends locks again, for twice as long.
      expect((await attempt(cadre.username, 'still-the-wrong-one')).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 15]);
    t.clock.advance(16 * MINUTE);
    expect((await attempt(cadre.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets the holder in from an address it signed in from before, and that lifts the lockout', async () => {
    const admin = await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district });
    const desk = '198.51.100.7';
    expect((await attempt(admin.username, TEST_PASSWORD, desk)).statusCode).toBe(200);
    // Anyone elsewhere guessing five times locks the account for every address it has not used.
    for (let i = 0; i < 5; i++) await attempt(admin.username, `guess-${i}-password`, '192.0.2.66');
    expect((await attempt(admin.username, TEST_PASSWORD, '192.0.2.67')).statusCode).toBe(429);
    expect((await attempt(admin.username, TEST_PASSWORD, desk)).statusCode).toBe(200);
    expect((await attempt(admin.username, TEST_PASSWORD, '192.0.2.67')).statusCode).toBe(200);
  });

  it('limits guesses from a known address on a counter of its own', async () => {
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA2 });
    const desk = '198.51.100.8';
    expect((await attempt(cadre.username, TEST_PASSWORD, desk)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await attempt(cadre.username, `typo-${i}-pass`, desk)).statusCode).toBe(401);
    expect((await attempt(cadre.username, TEST_PASSWORD, desk)).statusCode).toBe(429);
  });

  it('lets an administrator lift a lockout, audited', async () => {
    const admin = await login(
      t.app,
      (await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district })).username,
    );
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1 });
    for (let i = 0; i < 5; i++) await attempt(cadre.username, `wrong-${i}-password`);
    expect((await attempt(cadre.username, TEST_PASSWORD)).statusCode).toBe(429);
    const unlocked = await admin.call(usersApi.unlock, { params: { id: cadre.id } });
    expect(unlocked.statusCode).toBe(200);
    expect((await attempt(cadre.username, TEST_PASSWORD)).statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'user.unlock')
      .execute();
    expect(audit.map((a) => a.object_id)).toContain(cadre.id);
  });

  it('keeps the per-address limit across accounts', async () => {
    const small = await createTestApp({ loginThrottle: { perAccount: 5, perIp: 12, minutes: 15 } });
    try {
      await seedAreas(small.database);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          small.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: `nobody${i}`, password: 'whatever-password' },
          }),
        ),
      );
      expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(12);
    } finally {
      await small.close();
    }
  });
});
