import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { type Database, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { verifyAudit } from '../src/platform/audit/audit.verify';
import { newId } from '../src/platform/ids';
import { secretsFromKey } from '../src/platform/secrets';
import { AREAS, buildUser, login, seedAreas, TEST_SECRET_KEY, testConfig } from '../test/harness';
import { rosterCsv } from './rosters';
import { tableChecksums } from './table-checksums';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/lianxin.mjs');
const postgresUrl = process.env.TEST_DATABASE_URL;

/** A district at work: a roster of households imported and tiered, tags, an override, new rules. */
async function fillDistrict(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await seedAreas(database);
  const app = await buildApp({ database, config: testConfig(), logger: false, webDist: '/nonexistent' });
  const admin = await login(
    app,
    (await buildUser(database, { role: 'district_admin', areaCode: AREAS.district })).username,
  );
  const upload = await admin.request(
    'POST',
    '/api/v1/household-imports?fileName=roster.csv',
    Buffer.from(rosterCsv(1_500)),
    { 'content-type': 'text/csv' },
  );
  const { id } = upload.json() as { id: string };
  await app.ctx.jobs.drain();
  await admin.request('POST', `/api/v1/household-imports/${id}/commit`);
  await app.ctx.jobs.drain();
  await admin.request('POST', '/api/v1/tags', { code: 'veteran', name: '退役军人', appliesTo: 'both' });
  const households = (await admin.request('GET', '/api/v1/households?limit=3')).json() as {
    items: { id: string }[];
  };
  for (const household of households.items) {
    await admin.request('PATCH', `/api/v1/households/${household.id}`, { tags: ['veteran'], version: 1 });
    await admin.request('POST', `/api/v1/households/${household.id}/tier-overrides`, {
      tier: 'priority',
      reason: '家中主要劳动力重病',
    });
  }
  await app.close();
}

/**
 * The documented procedure (docs/operations.md), as an operator runs it:
 * `lianxin backup` / `lianxin restore` on SQLite, `pg_dump -Fc` / `pg_restore --clean` on PostgreSQL.
 */
describe(`backup and restore (${postgresUrl ? 'pg_dump / pg_restore' : 'lianxin backup / restore'})`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-backup-'));
  // A database of its own on PostgreSQL: pg_restore --clean works on a whole database.
  const databaseName = `lx_backup_${newId().replaceAll('-', '').slice(-12)}`;
  const url = postgresUrl ? Object.assign(new URL(postgresUrl), { pathname: `/${databaseName}` }).href : '';
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' };
  if (url) env.DATABASE_URL = url;
  else delete env.DATABASE_URL;
  const lianxin = (...args: string[]) => run(process.execPath, [BIN, ...args], { env });
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  const open = (): Database =>
    url ? openDatabase({ url, poolSize: 2 }) : openDatabase({ file: path.join(dataDir, 'lianxin.db') });
  const checksums = async () => {
    const database = open();
    try {
      return await tableChecksums(database);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    if (url) await onServer(`create database ${databaseName}`);
    const database = open();
    await fillDistrict(database);
    await database.close();
  });
  afterAll(async () => {
    if (url) await onServer(`drop database if exists ${databaseName} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restores the backup with identical row counts and checksums in every table', async () => {
    const before = await checksums();
    const file = path.join(dataDir, url ? 'lianxin.dump' : 'backup.db');
    if (url) await run('pg_dump', ['-Fc', '-d', url, '-f', file]);
    else await lianxin('backup', file);

    // Work goes on after the backup: an account added, a household edited, a tag removed.
    const database = open();
    await buildUser(database, { role: 'town_staff', areaCode: AREAS.townA, username: 'after-backup' });
    await database.db.updateTable('households').set({ address: '备份之后' }).execute();
    await database.db.deleteFrom('household_tags').execute();
    await database.close();
    const changed = await checksums();
    expect(changed.users?.rows).toBe((before.users?.rows ?? 0) + 1);
    expect(changed.households?.sha256).not.toBe(before.households?.sha256);

    if (url) await run('pg_restore', ['--clean', '--if-exists', '-d', url, file]);
    else await lianxin('restore', file);

    const after = await checksums();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, sum] of Object.entries(before)) expect(after[table], table).toEqual(sum);
    // The comparison is over real content.
    expect(before.households?.rows).toBe(1_500);
    expect(before.household_tags?.rows).toBe(3);
    const restored = open();
    expect(
      await verifyAudit(restored.db, secretsFromKey(Buffer.from(TEST_SECRET_KEY, 'base64'))),
    ).toMatchObject({ ok: true });
    await restored.close();
  });
});
