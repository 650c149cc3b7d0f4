import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMIT_JOB } from '../src/modules/households/import/imports.service';
import { verifyAudit } from '../src/platform/audit/audit.verify';
import { secretsFromKey } from '../src/platform/secrets';
import {
  AREAS,
  buildUser,
  createTestDatabase,
  seedAreas,
  TEST_SECRET_KEY,
  type TestDatabase,
} from '../test/harness';
import { startServer } from './child-server';
import { rosterCsv } from './rosters';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Big enough that committing it takes a good second, so the kill lands inside the job.
const HOUSEHOLDS = 6_000;
// Past the worker's 5-minute lease: the restarted instance may take the interrupted job again.
const AFTER_LEASE_MS = 6 * 60_000;

describe('durable jobs across a server restart', () => {
  let database: TestDatabase;
  let admin: { username: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedAreas(database);
    admin = await buildUser(database, { role: 'district_admin', areaCode: AREAS.district });
  });
  afterAll(() => database.dispose());

  const importStatus = async (id: string) =>
    (
      await database.db
        .selectFrom('household_imports')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  const commitJob = () =>
    database.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('kind', '=', COMMIT_JOB)
      .executeTakeFirst();
  const count = async (table: 'households' | 'residents' | 'tier_history') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  async function waitFor(what: string, check: () => Promise<boolean>, ms = 60_000) {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(10);
    }
  }

  it('commits a roster exactly once when the server is killed in the middle of the commit job', async () => {
    const first = await startServer(database, { jobs: true });
    const session = await first.signIn(admin.username);
    const uploaded = await session.request(
      'POST',
      '/api/v1/household-imports?fileName=roster.csv',
      rosterCsv(HOUSEHOLDS),
      'text/csv',
    );
    expect(uploaded.status).toBe(202);
    const { id } = uploaded.json as { id: string };
    await waitFor('the roster check', async () => (await importStatus(id)) === 'ready');

    expect((await session.request('POST', `/api/v1/household-imports/${id}/commit`)).status).toBe(202);
    await waitFor('the commit job to start', async () => (await commitJob())?.status === 'running');
    await sleep(Math.random() * 200);
    await first.kill();

    // Killed half-way: the job is still claimed, and none of the roster is written.
    expect(await commitJob(), 'the commit finished before the kill').toMatchObject({
      status: 'running',
      attempts: 1,
    });
    expect(await importStatus(id)).toBe('committing');
    expect(await count('households')).toBe(0);
    expect(await count('residents')).toBe(0);

    const second = await startServer(database, { jobs: true, clockOffsetMs: AFTER_LEASE_MS });
    await waitFor('the commit to complete', async () => (await importStatus(id)) === 'committed');
    // A few more polls of the worker: nothing runs the job a third time.
    await sleep(300);
    await second.kill();

    expect(await commitJob()).toEqual({ status: 'done', attempts: 2 });
    expect(await count('households')).toBe(HOUSEHOLDS);
    expect(await count('residents')).toBe(HOUSEHOLDS);
    expect(await count('tier_history')).toBe(HOUSEHOLDS);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'household.import')
      .execute();
    expect(audited).toHaveLength(1);
    expect(
      await verifyAudit(database.db, secretsFromKey(Buffer.from(TEST_SECRET_KEY, 'base64'))),
    ).toMatchObject({ ok: true });
  });
});
