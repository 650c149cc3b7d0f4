import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { areasApi } from '@lianxin/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  cutTail,
  deliveriesOf,
  limitLockWait,
  moveHead,
  rechainWithoutKey,
  tamper,
} from '../../../test/audit.fixtures';
import { AREAS, createTestApp } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { addWebhook, buildIntegration } from '../integrations/integrations.fixtures';
import { withTransaction } from '../request-context';
import { readAnchors, takeCheckpoint } from './audit.checkpoints';
import { sealAudit } from './audit.sealer';
import { recordAudit } from './audit.service';
import { verifyAudit } from './audit.verify';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const actor = { id: null, name: '测试', ip: null };

/** `n` audited writes: villages created under town B by the district admin. */
async function createVillages(t: World, n: number, from = 2): Promise<void> {
  for (let i = from; i < from + n; i++) {
    const code = `610902002${String(i).padStart(3, '0')}`;
    const created = await t.admin.session.call(areasApi.create, {
      body: { code, name: `村${i}`, kind: 'village', parentCode: AREAS.townB },
    });
    expect(created.statusCode).toBe(201);
  }
}

const problemsOf = (result: { problems: { problem: string }[] }) => result.problems.map((p) => p.problem);

describe('audit chain: sealing and checkpoints', () => {
  let t: World;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lianxin-anchors-'));
    t = await buildWorld();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes an entry unsealed, and the sealer links it into the keyed chain', async () => {
    await createVillages(t, 3);
    const written = await auditRows(t.database.db, 'area.create');
    expect(written.map((r) => r.hash)).toEqual([null, null, null]);

    expect(await sealAudit(t.database.db, t.app.ctx.secrets)).toBeGreaterThanOrEqual(3);
    const sealed = await auditRows(t.database.db);
    // Places run 1, 2, 3… in the order of the entries' numbers, each link the one before.
    expect(sealed.map((r) => Number(r.seal_seq))).toEqual(sealed.map((_, i) => i + 1));
    for (let i = 1; i < sealed.length; i++) expect(sealed[i]?.prev_hash).toBe(sealed[i - 1]?.hash);
    expect(await sealAudit(t.database.db, t.app.ctx.secrets)).toBe(0);
    expect(await verifyAudit(t.database.db, t.app.ctx.secrets)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('refuses to reseal a sealed entry or to change an unsealed one', async () => {
    await expect(
      sql`update audit_log set seal_seq = 99 where seal_seq = 1`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await createVillages(t, 1, 10);
    const [waiting] = (await auditRows(t.database.db)).filter((r) => r.hash === null);
    await expect(
      sql`update audit_log set action = 'x', seal_seq = 1000, prev_hash = 'a', hash = 'b' where seq = ${waiting?.seq}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('sends a signed checkpoint to the anchor directory and the audit.checkpoint webhooks', async () => {
    const integration = await buildIntegration(t.admin.session, AREAS.district);
    await addWebhook(t.admin.session, integration.id, 'https://anchors.example.org/lianxin', [
      'audit.checkpoint',
    ]);
    await sealAudit(t.database.db, t.app.ctx.secrets);
    const ctx = { db: t.database.db, secrets: t.app.ctx.secrets, clock: t.clock, anchorDir: dir };
    const checkpoint = await takeCheckpoint(ctx);
    expect(checkpoint).toMatchObject({
      sealSeq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(readdirSync(dir)).toEqual(['lianxin-audit-2026-11.jsonl']);
    expect(readAnchors(dir).checkpoints).toEqual([checkpoint]);
    const [delivery] = await deliveriesOf(t.database.db, 'audit.checkpoint');
    expect(JSON.parse(delivery?.payload ?? '{}')).toEqual(checkpoint);
    // Periodic: none when the chain has not moved since the last one.
    expect(await takeCheckpoint(ctx, { dueMs: 0 })).toBeNull();
    const result = await verifyAudit(t.database.db, t.app.ctx.secrets, {
      anchors: readAnchors(dir).checkpoints,
    });
    expect(result).toMatchObject({ ok: true, anchors: { checked: 1 } });
  });

  it('seals what is waiting when the server stops', async () => {
    // The sealer's timer would not fire in this test: only the shutdown seals.
    const app = await createTestApp({
      jobs: { enabled: true, pollMs: 60_000 },
      audit: { sealMs: 60_000, checkpointSeconds: 3600, anchorDir: undefined },
    });
    await app.app.ready();
    await withTransaction({ db: app.database.db }, (trx) =>
      recordAudit(trx, app.clock, actor, { action: 'test.shutdown' }),
    );
    expect((await auditRows(app.database.db, 'test.shutdown'))[0]?.hash).toBeNull();
    await app.app.close();
    expect((await auditRows(app.database.db, 'test.shutdown'))[0]?.seal_seq).not.toBeNull();
    await app.database.close();
  });

  it.skipIf(!onPostgres)(
    'lets concurrent audited writers proceed without waiting on one row (PostgreSQL)',
    async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holding = (action: string) => {
        let wrote = () => {};
        const written = new Promise<void>((resolve) => {
          wrote = resolve;
        });
        const done = withTransaction({ db: t.database.db }, async (trx) => {
          // Before, the second writer queued here behind the first one's lock until it committed.
          await limitLockWait(trx, 2000);
          await recordAudit(trx, t.clock, actor, { action });
          wrote();
          await gate;
        });
        return { written, done };
      };
      const first = holding('test.concurrent.first');
      await first.written;
      const second = holding('test.concurrent.second');
      // Both hold an uncommitted audited write at once; the second's would fail with a lock timeout.
      await Promise.race([second.written, second.done]);
      release();
      await Promise.all([first.done, second.done]);
      await sealAudit(t.database.db, t.app.ctx.secrets);
      expect(await verifyAudit(t.database.db, t.app.ctx.secrets)).toMatchObject({ ok: true, unsealed: 0 });
    },
  );

  it.skipIf(!onPostgres)(
    'seals an entry that commits after higher-numbered ones were sealed (PostgreSQL)',
    async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let wrote = () => {};
      const written = new Promise<void>((resolve) => {
        wrote = resolve;
      });
      const late = withTransaction({ db: t.database.db }, async (trx) => {
        await recordAudit(trx, t.clock, actor, { action: 'test.late' });
        wrote();
        await gate;
      });
      await written;
      await withTransaction({ db: t.database.db }, (trx) =>
        recordAudit(trx, t.clock, actor, { action: 'test.early' }),
      );
      await sealAudit(t.database.db, t.app.ctx.secrets);
      const [early] = await auditRows(t.database.db, 'test.early');
      expect(early?.seal_seq).not.toBeNull();
      release();
      await late;
      const [lateRow] = await auditRows(t.database.db, 'test.late');
      expect(Number(lateRow?.seq)).toBeLessThan(Number(early?.seq));
      expect(lateRow?.hash).toBeNull();
      await sealAudit(t.database.db, t.app.ctx.secrets);
      const [sealedLate] = await auditRows(t.database.db, 'test.late');
      expect(Number(sealedLate?.seal_seq)).toBeGreaterThan(Number(early?.seal_seq));
      expect(await verifyAudit(t.database.db, t.app.ctx.secrets)).toMatchObject({ ok: true, unsealed: 0 });
    },
  );
});

describe('audit chain: tampering with database access, each detected', () => {
  const dirs: string[] = [];
  const worlds: World[] = [];
  afterAll(async () => {
    for (const w of worlds) await w.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Six villages created and the admin's sign-in, all sealed, a checkpoint of them in the anchor directory. */
  async function anchoredChain() {
    const t = await buildWorld();
    worlds.push(t);
    const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-anchors-'));
    dirs.push(dir);
    await createVillages(t, 6);
    await sealAudit(t.database.db, t.app.ctx.secrets);
    await takeCheckpoint({ db: t.database.db, secrets: t.app.ctx.secrets, clock: t.clock, anchorDir: dir });
    const verify = () =>
      verifyAudit(t.database.db, t.app.ctx.secrets, { anchors: readAnchors(dir).checkpoints });
    // The sign-in is audited too: seven entries, the checkpoint at the seventh.
    const entries = (await auditRows(t.database.db)).length;
    expect(entries).toBe(7);
    expect(await verify()).toMatchObject({ ok: true, sealed: entries });
    return { t, dir, verify, entries };
  }

  it('a cut tail: the last entries deleted and the head moved back to the new end', async () => {
    const { t, verify, entries } = await anchoredChain();
    await cutTail(t.database.db, 2);
    // The chain itself still holds together; the checkpoint kept outside does not.
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(problemsOf(result)).toEqual(['tail_cut']);
    expect(result.problems[0]).toMatchObject({ sealSeq: entries });
  });

  it('a head moved back over entries that are still there', async () => {
    const { t, verify } = await anchoredChain();
    await moveHead(t.database.db, 2);
    expect(problemsOf(await verify())).toEqual(['head_mismatch']);
  });

  it('a whole chain rebuilt with the unkeyed hash after deleting an entry', async () => {
    const { t, verify } = await anchoredChain();
    const [victim] = await auditRows(t.database.db, 'area.create');
    await rechainWithoutKey(t.database.db, Number(victim?.seq));
    // Every link holds and the marker moved: only the checkpoint shows the chain is not the one sealed.
    const inside = await verifyAudit(t.database.db, t.app.ctx.secrets);
    expect(inside.problems).toEqual([]);
    expect(problemsOf(await verify())).toContain('tail_cut');
  });

  it('sealed links rewritten without the key', async () => {
    const { t, verify } = await anchoredChain();
    await tamper(t.database.db, sql`update audit_log set hash = 'x' || substr(hash, 2) where seal_seq = 3`);
    expect(problemsOf(await verify())).toEqual(['altered', 'broken_link']);
  });

  it('an entry deleted from the middle', async () => {
    const { t, verify } = await anchoredChain();
    await tamper(t.database.db, sql`delete from audit_log where seal_seq = 3`);
    expect(problemsOf(await verify())).toEqual(expect.arrayContaining(['missing', 'broken_link']));
  });

  it('a checkpoint not signed with the key', async () => {
    const { t, dir } = await anchoredChain();
    const [real] = readAnchors(dir).checkpoints;
    const forged = { ...real, sealSeq: 3 } as NonNullable<typeof real>;
    const result = await verifyAudit(t.database.db, t.app.ctx.secrets, { anchors: [forged] });
    expect(problemsOf(result)).toEqual(['anchor_invalid']);
  });
});
