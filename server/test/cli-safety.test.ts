import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditVerifyCommand,
  backupCommand,
  CliFailure,
  type CliIo,
  demoCommand,
  exportHouseholdsCommand,
  migrateCommand,
  restoreCommand,
} from '../src/cli/commands';
import { describeFailure } from '../src/cli/failure';
import { installRoot, loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { ADVISORY_KEY, acquireInstanceLock, lockFilePath } from '../src/platform/instance-lock';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/lianxin.mjs');
const ROOT = path.resolve(import.meta.dirname, '../..');

// The command line cannot hurt the data: it finds the server's database from any folder, never
// makes a new one by accident, does not restore under a running server, and fails on one line.
describe('lianxin command line safety', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-cli-safety-'));
  // A relative DATA_DIR, as an operator writes it: relative to the install's root.
  const relativeDataDir = path.relative(ROOT, dataDir);
  const env = { DATA_DIR: relativeDataDir, NODE_ENV: 'development', DEMO_PASSWORD: 'cli-safety-demo' };
  const lines: string[] = [];
  const io: CliIo = { config: loadConfig(env), print: (line) => lines.push(line) };
  const auditCount = async () => {
    const database = openDatabase({ file: io.config.sqliteFile });
    const row = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await database.close();
    return Number(row.n);
  };
  const binEnv = (extra: Record<string, string> = {}) => {
    const e: Record<string, string | undefined> = { ...process.env, ...env, ...extra };
    delete e.DATABASE_URL;
    return e;
  };
  /** Runs the binary; a failure must be exactly one line on stderr and exit code 1. */
  const failing = async (args: string[], extra: Record<string, string> = {}, cwd = ROOT) => {
    const result = await run(process.execPath, [BIN, ...args], { env: binEnv(extra), cwd }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(result?.code).toBe(1);
    const stderr = (result?.stderr ?? '').trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    return stderr;
  };

  beforeAll(async () => {
    await migrateCommand(io);
    await demoCommand(io);
  }, 60_000);
  beforeEach(() => {
    lines.length = 0;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resolves a relative DATA_DIR against the install root, from any working directory', async () => {
    expect(installRoot()).toBe(ROOT);
    expect(io.config.dataDir).toBe(dataDir);
    for (const cwd of [ROOT, path.join(ROOT, 'server'), tmpdir()]) {
      const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify'], { env: binEnv(), cwd });
      expect(stdout).toMatch(/audit log intact: \d+ entries verified/);
    }
  }, 60_000);

  it('refuses to open a database that does not exist, and creates none', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'lianxin-cli-empty-'));
    const missing: CliIo = { config: loadConfig({ DATA_DIR: empty }), print: () => {} };
    await expect(auditVerifyCommand(missing)).rejects.toThrow(/No database at .*lianxin\.db/);
    await expect(backupCommand(missing, path.join(empty, 'b.db'))).rejects.toThrow(CliFailure);
    await expect(demoCommand(missing)).rejects.toThrow(/No database at/);
    expect(readdirSync(empty)).toEqual([]);
    const zh = await failing(['audit', 'verify'], { DATA_DIR: empty });
    expect(zh).toMatch(/^错误：找不到数据库 .*请先运行/);
    const en = await failing(['backup', path.join(empty, 'b.db')], { DATA_DIR: empty, LIANXIN_LOCALE: 'en' });
    expect(en).toMatch(/^Error: No database at .*run `lianxin migrate`/);
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true, force: true });
  }, 60_000);

  it('backs up into a folder that does not exist yet', async () => {
    const file = path.join(dataDir, 'backups', 'nightly', 'one.db');
    await backupCommand(io, file);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses to restore while a server holds the database; --force restores and keeps the replaced one', async () => {
    const backup = path.join(dataDir, 'before.db');
    await backupCommand(io, backup);
    const database = openDatabase({ file: io.config.sqliteFile });
    const lock = await acquireInstanceLock(io.config, database);
    try {
      expect(existsSync(lockFilePath(io.config))).toBe(true);
      await expect(restoreCommand(io, backup)).rejects.toThrow(/in use by a running server.*--force/);
      expect(await failing(['restore', backup], { LIANXIN_LOCALE: 'en' })).toMatch(
        /in use by a running server/,
      );
      await restoreCommand(io, backup, { force: true });
    } finally {
      await lock.release();
      await database.close();
    }
    expect(existsSync(lockFilePath(io.config))).toBe(false);
    expect(output(lines)).toMatch(/kept as .*lianxin\.db\.before-restore-\d{8}T\d{9}Z/);
    const kept = readdirSync(dataDir).filter((f) => f.startsWith('lianxin.db.before-restore-'));
    expect(kept.length).toBeGreaterThan(0);
    // A lock left by a server that died does not block.
    writeFileSync(lockFilePath(io.config), '999999999\n');
    lines.length = 0;
    await restoreCommand(io, backup);
    expect(output(lines)).toContain('restored');
    expect(await auditVerifyCommand(io)).toBe(true);
  }, 60_000);

  it('audits an export only once its file is written', async () => {
    const before = await auditCount();
    const nowhere = path.join(dataDir, 'no-such-folder', 'village.xlsx');
    await expect(exportHouseholdsCommand(io, { area: '610902001001', out: nowhere })).rejects.toThrow(
      /folder .* does not exist/,
    );
    await expect(
      exportHouseholdsCommand(io, { area: '610902999999', out: path.join(dataDir, 'x.xlsx') }),
    ).rejects.toMatchObject({ code: 'AREA_UNKNOWN' });
    expect(await auditCount()).toBe(before);
    const file = path.join(dataDir, 'village.xlsx');
    await exportHouseholdsCommand(io, { area: '610902001001', out: file });
    expect(existsSync(file)).toBe(true);
    expect(await auditCount()).toBe(before + 1);
  }, 60_000);

  it('answers every failure with one line and exit 1, the stack only with --verbose', async () => {
    const text = path.join(dataDir, 'notes.txt');
    writeFileSync(
      text,
      'not a database at all, just some words that are long enough to be read\n'.repeat(20),
    );
    expect(await failing(['restore', text])).toMatch(/^错误：.*不是连心的数据库/);
    expect(await failing(['restore', text], { LANG: 'en_US.UTF-8' })).toMatch(
      /^Error: .*is not a Lianxin database/,
    );
    expect(
      await failing(['export', 'households', '--area', '610902001001', '--out', '/no/such/dir/x.xlsx'], {
        LIANXIN_LOCALE: 'en',
      }),
    ).toMatch(/folder \/no\/such\/dir does not exist/);
    expect(
      await failing([
        'export',
        'households',
        '--area',
        '610902999999',
        '--out',
        path.join(dataDir, 'y.xlsx'),
      ]),
    ).toMatch(/AREA_UNKNOWN/);
    expect(await failing(['import', 'households', path.join(dataDir, 'absent.csv')])).toMatch(/不存在/);
    expect(await failing(['no-such-command'])).toMatch(/too many arguments|unknown command/);

    // The server's port is taken: one line, and the lock is given back.
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as { port: number }).port);
    try {
      const busy = await failing(['serve'], { PORT: port, HOST: '127.0.0.1', LIANXIN_LOCALE: 'en' });
      expect(busy).toBe(`Error: Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
    expect(existsSync(lockFilePath(io.config))).toBe(false);

    const error = Object.assign(new Error('boom\nsecond line'), { code: 'EWHATEVER' });
    expect(describeFailure(error, 'en')).toBe('Error: boom (run again with --verbose for details)');
    expect(describeFailure(error, 'en', true)).toContain('    at ');
  }, 120_000);
});

// On PostgreSQL every server holds the same advisory lock, shared: the instances of a district run
// side by side, and whatever needs the database alone is refused while one of them runs.
describe.skipIf(!process.env.TEST_DATABASE_URL)('the server lock on PostgreSQL', () => {
  it('is shared by the instances, and keeps the database from being taken alone while one runs', async () => {
    const config = loadConfig({ DATABASE_URL: process.env.TEST_DATABASE_URL });
    const first = openDatabase({ url: config.databaseUrl, poolSize: 2 });
    const second = openDatabase({ url: config.databaseUrl, poolSize: 2 });
    const alone = openDatabase({ url: config.databaseUrl, poolSize: 1 });
    const takeAlone = async () => {
      const client = await alone.pool?.connect();
      if (!client) throw new Error('not PostgreSQL');
      try {
        const { rows } = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock($1) as locked',
          [ADVISORY_KEY],
        );
        if (rows[0]?.locked) await client.query('select pg_advisory_unlock($1)', [ADVISORY_KEY]);
        return rows[0]?.locked;
      } finally {
        client.release();
      }
    };
    try {
      const one = await acquireInstanceLock(config, first);
      const two = await acquireInstanceLock(config, second);
      expect(await takeAlone()).toBe(false);
      await one.release();
      expect(await takeAlone()).toBe(false);
      await two.release();
      expect(await takeAlone()).toBe(true);
    } finally {
      await first.close();
      await second.close();
      await alone.close();
    }
  });
});

function output(lines: string[]): string {
  return lines.join('\n');
}
