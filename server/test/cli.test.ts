import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/database';
import { testConfig } from './harness';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/lianxin.mjs');

// The command line works on the configured SQLite file, as an operator would use it.
describe('lianxin command line', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const lianxin = (...args: string[]) => run(process.execPath, [BIN, ...args], { env });
  beforeAll(async () => {
    await lianxin('migrate');
    await lianxin('demo');
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a village cadre who can sign in and gets 404 for a sibling village', async () => {
    const { stdout } = await lianxin(
      'user',
      'add',
      '--username',
      'cadre-cli',
      '--password',
      'cadre-cli-password',
      '--role',
      'village_cadre',
      '--area',
      '610902101201',
      '--name',
      '刘明',
    );
    expect(stdout).toContain('created cadre-cli');
    await expect(
      lianxin(
        'user',
        'add',
        '--username',
        'cadre-cli',
        '--password',
        'another-password',
        '--role',
        'village_cadre',
        '--area',
        '610902101201',
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('USERNAME_TAKEN') });

    const database = openDatabase({ file: path.join(dataDir, 'lianxin.db') });
    const app = await buildApp({ database, config: testConfig(), logger: false, webDist: '/nonexistent' });
    const households = await database.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(households.n)).toBeGreaterThan(1_800);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'cadre-cli', password: 'cadre-cli-password' },
    });
    expect(login.statusCode).toBe(200);
    const cookies = { lx_session: login.cookies.find((c) => c.name === 'lx_session')?.value ?? '' };
    expect((await app.inject({ method: 'GET', url: '/api/v1/areas/610902101201', cookies })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/areas/610902101202', cookies })).statusCode).toBe(
      404,
    );
    await app.close();
    await database.close();
  });

  it('backs up, verifies the audit chain and restores', async () => {
    const backup = path.join(dataDir, 'backup.db');
    await lianxin('backup', backup);
    expect((await lianxin('audit', 'verify')).stdout).toMatch(/audit log intact: \d+ entries/);
    await lianxin(
      'user',
      'add',
      '--username',
      'after-backup',
      '--password',
      'after-backup-pass',
      '--role',
      'town_staff',
      '--area',
      '610902101000',
    );
    await lianxin('restore', backup);
    const database = openDatabase({ file: path.join(dataDir, 'lianxin.db') });
    const names = (await database.db.selectFrom('users').select('username').execute()).map((u) => u.username);
    await database.close();
    expect(names).toContain('cadre-cli');
    expect(names).not.toContain('after-backup');
    expect((await lianxin('audit', 'verify')).stdout).toContain('intact');
  });

  it('exports a village as a roster and imports it back, changing nothing; a dry run writes nothing', async () => {
    const file = path.join(dataDir, 'village.xlsx');
    const exported = await lianxin('export', 'households', '--area', '610902001001', '--out', file);
    expect(exported.stdout).toMatch(/\d+ rows written/);
    const again = await lianxin('import', 'households', file);
    expect(again.stdout).toMatch(/新建 create 0, 更新 update 0, 不变 unchanged \d+/);
    const csv = path.join(dataDir, 'new.csv');
    writeFileSync(csv, '村/社区,户号,姓名,与户主关系,家庭年收入\n610902001001,CLI-1,命令行,户主,50000\n');
    expect((await lianxin('import', 'households', csv, '--dry-run')).stdout).toContain('新建 create 1');
    expect((await lianxin('import', 'households', csv, '--dry-run')).stdout).toContain('新建 create 1');
    await lianxin('import', 'households', csv);
    expect((await lianxin('import', 'households', csv, '--dry-run')).stdout).toContain('不变 unchanged 1');
    const bad = path.join(dataDir, 'bad.csv');
    writeFileSync(bad, '村/社区,户号,姓名,与户主关系\n610902001001,CLI-2,坏,邻居\n');
    await expect(lianxin('import', 'households', bad)).rejects.toMatchObject({
      stdout: expect.stringContaining('第 2 行「与户主关系」'),
    });
  }, 60_000);

  it('refuses to load the demo twice', async () => {
    await expect(lianxin('demo')).rejects.toMatchObject({
      stderr: expect.stringContaining('already has areas'),
    });
  });
});
