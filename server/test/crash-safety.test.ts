import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/platform/audit/audit.service';
import {
  AREAS,
  buildUser,
  createTestDatabase,
  seedAreas,
  spawnFixture,
  TEST_PASSWORD,
  type TestDatabase,
} from './harness';

async function startServer(database: TestDatabase) {
  const { child, match } = await spawnFixture(database, 'server-child.ts', /LISTENING (\d+)/);
  return { child, base: `http://127.0.0.1:${match[1]}` };
}

describe('crash safety', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedAreas(database);
  });
  afterAll(() => database.dispose());

  it('keeps every acknowledged write, and no half-written one, across a SIGKILL under load', async () => {
    const admin = await buildUser(database, { role: 'district_admin', areaCode: AREAS.district });
    const { child, base } = await startServer(database);
    const loginResponse = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: TEST_PASSWORD }),
    });
    const cookie = (loginResponse.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await loginResponse.json()) as { csrfToken: string };

    const acknowledged: string[] = [];
    let next = 1;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const code = `${AREAS.villageA1}${String(next++).padStart(3, '0')}`;
        try {
          const response = await fetch(`${base}/api/v1/areas`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({
              code,
              name: `网格${code.slice(-3)}`,
              kind: 'group',
              parentCode: AREAS.villageA1,
            }),
          });
          if (response.status === 201) acknowledged.push(code);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    // Let the load build up, then kill at a random moment while writes are in flight.
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await exited;

    // "Restart": open the same database from this process and look.
    const stored = await database.db
      .selectFrom('areas')
      .select('code')
      .where('parent_code', '=', AREAS.villageA1)
      .where('kind', '=', 'group')
      .execute();
    const storedCodes = new Set(stored.map((r) => r.code));
    for (const code of acknowledged) expect(storedCodes.has(code), `acknowledged ${code} lost`).toBe(true);
    // An area and its audit entry are written in one transaction: never one without the other.
    const audited = await database.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'area.create')
      .execute();
    expect(new Set(audited.map((a) => a.object_id))).toEqual(
      new Set([...storedCodes].filter((c) => c !== AREAS.groupA1)),
    );
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });
});
