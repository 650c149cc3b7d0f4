import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { appealsApi, areasApi, unitsApi } from '@lianxin/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import {
  auditVerifyCommand,
  backupCommand,
  CliFailure,
  type CliIo,
  demoCommand,
  exportHouseholdsCommand,
  importHouseholdsCommand,
  migrateCommand,
  restoreCommand,
  userAddCommand,
} from '../src/cli/commands';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { readDemoPassword } from '../src/demo/demo-password';
import { login, testConfig } from './harness';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/lianxin.mjs');

// The command line works on the configured SQLite file, as an operator would use it. The commands
// run in this process, as the `lianxin` binary runs them; one test spawns the binary itself.
describe('lianxin command line', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-cli-'));
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development' };
  const lines: string[] = [];
  const io: CliIo = { config: loadConfig(env), print: (line) => lines.push(line) };
  const output = () => lines.join('\n');
  // No DEMO_PASSWORD here: the demo gets its random password, read back as the README says.
  const demoPassword = () => readDemoPassword(dataDir) ?? 'missing demo-accounts.txt';
  beforeAll(async () => {
    await migrateCommand(io);
    await demoCommand(io);
  }, 60_000);
  beforeEach(() => {
    lines.length = 0;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a village cadre who can sign in and gets 404 for a sibling village', async () => {
    const cadre = {
      username: 'cadre-cli',
      password: 'cadre-cli-password',
      role: 'village_cadre' as const,
      area: '610902101201',
    };
    await userAddCommand(io, { ...cadre, name: '刘明' });
    expect(output()).toContain('created cadre-cli');
    await expect(userAddCommand(io, { ...cadre, password: 'another-password' })).rejects.toMatchObject({
      code: 'USERNAME_TAKEN',
    });

    const database = openDatabase({ file: io.config.sqliteFile });
    const app = await buildApp({ database, config: testConfig(), logger: false, webDist: '/nonexistent' });
    const households = await database.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(households.n)).toBeGreaterThan(1_800);
    const session = await login(app, 'cadre-cli', 'cadre-cli-password');
    expect((await session.call(areasApi.get, { params: { code: '610902101201' } })).statusCode).toBe(200);
    expect((await session.call(areasApi.get, { params: { code: '610902101202' } })).statusCode).toBe(404);
    await app.close();
    await database.close();
  });

  it('backs up, verifies the audit chain and restores', async () => {
    const backup = path.join(dataDir, 'backup.db');
    await backupCommand(io, backup);
    await expect(backupCommand(io, backup)).rejects.toThrow(CliFailure);
    expect(await auditVerifyCommand(io)).toBe(true);
    expect(output()).toMatch(/audit log intact: \d+ entries/);
    await userAddCommand(io, {
      username: 'after-backup',
      password: 'Kept after the backup, 2026',
      role: 'town_staff',
      area: '610902101000',
    });
    await restoreCommand(io, backup);
    const database = openDatabase({ file: io.config.sqliteFile });
    const names = (await database.db.selectFrom('users').select('username').execute()).map((u) => u.username);
    await database.close();
    expect(names).toContain('cadre-cli');
    expect(names).not.toContain('after-backup');
    lines.length = 0;
    expect(await auditVerifyCommand(io)).toBe(true);
    expect(output()).toContain('intact');
  });

  it('exports a village as a roster and imports it back, changing nothing; a dry run writes nothing', async () => {
    const file = path.join(dataDir, 'village.xlsx');
    await exportHouseholdsCommand(io, { area: '610902001001', out: file });
    expect(output()).toMatch(/\d+ rows written/);
    await expect(exportHouseholdsCommand(io, { area: '610902001001', out: file })).rejects.toThrow(
      'already exists',
    );
    const imported = async (
      source: string,
      dryRun: boolean,
      options: { village?: string; mapping?: string } = {},
    ) => {
      lines.length = 0;
      const ok = await importHouseholdsCommand(io, source, { dryRun, ...options });
      return { ok, text: output() };
    };
    expect((await imported(file, false)).text).toMatch(/新建 create 0, 更新 update 0, 不变 unchanged \d+/);
    const csv = path.join(dataDir, 'new.csv');
    writeFileSync(csv, '村/社区,户号,姓名,与户主关系,家庭年收入\n610902001001,CLI-1,命令行,户主,50000\n');
    expect((await imported(csv, true)).text).toContain('新建 create 1');
    expect((await imported(csv, true)).text).toContain('新建 create 1');
    await imported(csv, false);
    expect((await imported(csv, true)).text).toContain('不变 unchanged 1');
    const bad = path.join(dataDir, 'bad.csv');
    writeFileSync(bad, '村/社区,户号,姓名,与户主关系\n610902001001,CLI-2,坏,邻居\n');
    const refused = await imported(bad, false);
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain('第 2 行「与户主关系」');

    // One village's 台账: a title line, a 备注 column, no village column.
    const ledger = path.join(dataDir, 'ledger.csv');
    writeFileSync(ledger, '大同村民情台账,,,\n户号,姓名,与户主关系,备注\nCLI-3,单村,户主,村口第一家\n');
    const noVillage = await imported(ledger, true);
    expect(noVillage.ok).toBe(false);
    expect(noVillage.text).toContain('请选择');
    const forVillage = await imported(ledger, true, { village: '610902001001' });
    expect(forVillage.text).toContain('表头 header: 第 2 行');
    expect(forVillage.text).toContain('未导入的列 ignored columns: 备注');
    expect(forVillage.text).toContain('新建 create 1');
    const mapping = path.join(dataDir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 备注: 'address' }));
    const mapped = await imported(ledger, false, { village: '610902001001', mapping });
    expect(mapped.ok).toBe(true);
    expect(mapped.text).not.toContain('ignored columns');
    writeFileSync(mapping, '{"备注": "blood"}');
    await expect(imported(ledger, true, { mapping })).rejects.toThrow('not a column mapping');
  }, 60_000);

  it('says to load the districts first when importing a roster into an empty database', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'lianxin-cli-empty-'));
    try {
      const empty: CliIo = {
        config: loadConfig({ DATA_DIR: emptyDir, NODE_ENV: 'development' }),
        print: () => {},
      };
      await migrateCommand(empty);
      const roster = path.join(emptyDir, 'roster.csv');
      writeFileSync(roster, '户号,姓名,与户主关系\nE-1,甲,户主\n');
      const refused = importHouseholdsCommand(empty, roster, { village: '610902001001', dryRun: true });
      await expect(refused).rejects.toBeInstanceOf(CliFailure);
      await expect(refused).rejects.toThrow('load the districts first');
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it("gives the district departments with staff, and a department's staff routed appeals to see", async () => {
    const database = openDatabase({ file: io.config.sqliteFile });
    const app = await buildApp({ database, config: testConfig(), logger: false, webDist: '/nonexistent' });
    const admin = await login(app, 'admin', demoPassword());
    const departments = (await admin.call(unitsApi.list, { query: { kind: 'department' } })).data.items;
    expect(departments.map((u) => u.name)).toEqual(
      expect.arrayContaining(['区人社局', '区卫健局', '区信访局']),
    );
    expect(
      departments
        .filter((u) => u.staffCount >= 2)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['区人社局', '区卫健局']);
    const staff = await login(app, 'hrss-staff', demoPassword());
    const seen = (await staff.call(appealsApi.list, { query: {} })).data.items;
    expect(seen.length).toBeGreaterThan(0);
    // Routed to it for its categories, or dispatched to it (a road it returned, a medical appeal it helped with).
    expect(new Set(seen.map((a) => a.categoryCode))).toSatisfy((codes: Set<string>) =>
      [...codes].every((c) =>
        ['employment', 'social_security', 'wage_dispute', 'roads_water', 'medical'].includes(c),
      ),
    );
    for (const username of ['station1-agent1', 'cppcc-office', 'health-head']) {
      const session = await login(app, username, demoPassword());
      expect((await session.call(unitsApi.list, { query: {} })).data.items).toHaveLength(1);
    }
    await app.close();
    await database.close();
  });

  it('gives the demo accounts a random password, kept owner-only in demo-accounts.txt, not the published one', async () => {
    const file = path.join(dataDir, 'demo-accounts.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = demoPassword();
    expect(password).toMatch(/^[a-z2-9]{12}$/);
    expect(password).not.toBe('lianxin-demo');
    expect(readFileSync(file, 'utf8')).toContain('admin\tdistrict_admin');
    const database = openDatabase({ file: io.config.sqliteFile });
    const app = await buildApp({ database, config: testConfig(), logger: false, webDist: '/nonexistent' });
    const published = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'auditor', password: 'lianxin-demo' },
    });
    expect(published.statusCode).toBe(401);
    expect((await login(app, 'auditor', password)).cookie).toBeTruthy();
    await app.close();
    await database.close();
  });

  it('refuses to load the demo twice', async () => {
    await expect(demoCommand(io)).rejects.toThrow(/already has areas/);
  });

  it('runs as the lianxin binary: prints, and exits 1 with the reason on stderr', async () => {
    const binEnv = { ...process.env, ...env };
    delete (binEnv as Record<string, string | undefined>).DATABASE_URL;
    const lianxin = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: binEnv });
    expect((await lianxin('audit', 'verify')).stdout).toMatch(/audit log intact: \d+ entries verified/);
    await expect(lianxin('demo')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already has areas'),
    });
  }, 60_000);
});
