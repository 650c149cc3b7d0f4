import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, spawnFixture, type TestDatabase } from '../../../test/harness';
import { ManualClock } from '../clock';
import { newId } from '../ids';
import { JobWorker } from './jobs.worker';

describe('durable jobs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  const markers = async (prefix: string) =>
    (await database.db.selectFrom('settings').select('key').where('key', 'like', `${prefix}%`).execute())
      .length;
  const jobOf = (kind: string) =>
    database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();

  it('runs a due job once, in a transaction with its effects', async () => {
    const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));
    const worker = new JobWorker(database.db, clock, { pollMs: 10 });
    worker.handle('test.once', async ({ trx, clock: c }) => {
      await trx
        .insertInto('settings')
        .values({ key: `once:${newId()}`, value: '1', updated_at: c.now().toISOString() })
        .execute();
    });
    await worker.enqueue({ kind: 'test.once', runAt: new Date('2026-11-22T09:00:00Z') });
    expect(await worker.drain()).toBe(0);
    clock.advance(3_600_000);
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(await markers('once:')).toBe(1);
    expect(await jobOf('test.once')).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('rolls back a failed attempt and retries later with backoff, then gives up', async () => {
    const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));
    const worker = new JobWorker(database.db, clock, { pollMs: 10 });
    worker.handle('test.flaky', async ({ trx, clock: c }) => {
      await trx
        .insertInto('settings')
        .values({ key: `flaky:${newId()}`, value: '1', updated_at: c.now().toISOString() })
        .execute();
      throw new Error('the SMS gateway is down');
    });
    await worker.enqueue({ kind: 'test.flaky', maxAttempts: 2 });
    await worker.drain();
    expect(await jobOf('test.flaky')).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'the SMS gateway is down',
    });
    expect(await worker.drain()).toBe(0);
    clock.advance(20_001);
    await worker.drain();
    expect(await jobOf('test.flaky')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await markers('flaky:')).toBe(0);
  });

  it('keeps one pending job per dedupe key', async () => {
    const clock = new ManualClock();
    const worker = new JobWorker(database.db, clock, { pollMs: 10 });
    await worker.enqueue({ kind: 'test.dedupe', dedupeKey: 'household:1' });
    await worker.enqueue({ kind: 'test.dedupe', dedupeKey: 'household:1' });
    const rows = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'test.dedupe')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('runs a job again, exactly once, after its worker process is killed in the middle of it', async () => {
    const { child } = await spawnFixture(database, 'job-child.ts', /IN_HANDLER/);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const interrupted = await jobOf('test.crash');
    expect(interrupted).toMatchObject({ status: 'running', attempts: 1 });
    expect(await markers('crash:')).toBe(0);

    // The lease (1 s in the child) has to run out before another worker may take the job.
    const clock = new ManualClock(new Date(Date.now() + 2_000));
    const worker = new JobWorker(database.db, clock, { pollMs: 10 });
    worker.handle('test.crash', async ({ trx, clock: c }) => {
      await trx
        .insertInto('settings')
        .values({ key: `crash:${newId()}`, value: '1', updated_at: c.now().toISOString() })
        .execute();
    });
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(await markers('crash:')).toBe(1);
    expect(await jobOf('test.crash')).toMatchObject({ status: 'done', attempts: 2 });
  });
});
