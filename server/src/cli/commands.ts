import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImportMapping, type Rank, type Role } from '@lianxin/common';
import type { Config } from '../config';
import { migrateToLatest } from '../db/migrator';
import { loadDemoDistrict } from '../demo/demo-district';
import { demoAccountsFile, randomDemoPassword } from '../demo/demo-password';
import { type CliContext, districtScope, exportRosterFile, importRosterFile } from '../modules/households';
import { createUser } from '../modules/users';
import { systemClock } from '../platform/clock';
import { withTransaction } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import { loadSecrets } from '../platform/secrets';
import { type CliOpenOptions, openCliDatabase, withDatabase as withConfigDatabase } from './database';
import { CliFailure } from './failure';

export { auditCheckpointCommand, auditVerifyCommand } from './audit.commands';
export { backupCommand, restoreCommand } from './backup.commands';
export { type CliOpenOptions, openCliDatabase } from './database';
export { CliFailure } from './failure';

/** What a command works with: the configuration it runs under and where it writes its lines. */
export interface CliIo {
  config: Config;
  print(line: string): void;
}

const CLI_ACTOR = { id: null, name: 'lianxin cli', ip: null };

/** Runs work on the server's database; a missing SQLite file is refused unless options.create. */
function withDatabase<T>(
  io: CliIo,
  work: Parameters<typeof withConfigDatabase<T>>[1],
  options?: CliOpenOptions,
): Promise<T> {
  return withConfigDatabase(io.config, work, options);
}

/** `lianxin migrate`: creates the database when there is none, and applies pending migrations. */
export async function migrateCommand(io: CliIo): Promise<void> {
  const database = await openCliDatabase(io.config, { create: true, migrate: false });
  try {
    const applied = await migrateToLatest(database.db);
    io.print(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
}

/** `lianxin demo [--new]`: the demo district into an empty database; --new may create the database. */
export async function demoCommand(io: CliIo, options: { new?: boolean } = {}): Promise<void> {
  if (io.config.production)
    throw new CliFailure(
      'Refusing to load demo data with NODE_ENV=production.',
      'NODE_ENV=production 时不加载演示数据。',
    );
  await withDatabase(
    io,
    async (database) => {
      let accounts: Awaited<ReturnType<typeof loadDemoDistrict>>;
      const password = io.config.demoPassword ?? randomDemoPassword();
      try {
        accounts = await loadDemoDistrict(database.db, systemClock, loadSecrets(io.config), {
          password,
          dataDir: io.config.dataDir,
        });
      } catch (err) {
        throw new CliFailure(err instanceof Error ? err.message : String(err));
      }
      io.print(
        `demo district loaded; accounts (password ${password}, kept in ${demoAccountsFile(io.config.dataDir)}):`,
      );
      for (const a of accounts) io.print(`  ${a.username} (${a.role}, ${a.areaName})`);
    },
    { create: options.new ?? false },
  );
}

export interface UserAddOptions {
  username: string;
  password: string;
  role: Role;
  area: string;
  name?: string;
  phone?: string;
  rank?: Rank;
}

export async function userAddCommand(io: CliIo, options: UserAddOptions): Promise<void> {
  await withDatabase(io, async (database) => {
    // The command line acts with the district administrator's rights over the whole district.
    const districtCode = `${options.area.slice(0, 6)}000000`;
    const ctx = {
      clock: systemClock,
      actor: CLI_ACTOR,
      caller: {
        id: 'cli',
        username: 'cli',
        name: 'cli',
        role: 'district_admin' as const,
        areaCode: districtCode,
        areaKind: 'district' as const,
        unitId: null,
        locale: null,
      },
      scope: scopeOf({ code: districtCode, kind: 'district' }),
    };
    const created = await withTransaction(database, (trx) =>
      createUser(trx, ctx, {
        unitId: null,
        username: options.username,
        password: options.password,
        role: options.role,
        areaCode: options.area,
        name: options.name ?? options.username,
        phone: options.phone ?? null,
        rank: options.rank ?? null,
      }),
    );
    io.print(`created ${created.username} (${created.role}) in ${created.area.name} ${created.areaCode}`);
  });
}

/** Runs a registry command over the whole district, as the operator. */
async function withDistrict<T>(io: CliIo, run: (ctx: CliContext) => Promise<T>): Promise<T> {
  return withDatabase(io, async (database) => {
    const scope = await districtScope(database.db);
    if (!scope)
      throw new CliFailure(
        'No district in the database yet: load the districts first (lianxin areas import FILE).',
        '数据库中还没有区划：请先导入区划（lianxin areas import FILE）。',
      );
    return run({
      db: database.db,
      clock: systemClock,
      secrets: loadSecrets(io.config),
      actor: CLI_ACTOR,
      scope,
      print: io.print,
    });
  });
}

/** Imports a roster file; false when the file had problems (each printed) and nothing was written. */
export async function importHouseholdsCommand(
  io: CliIo,
  file: string,
  options: { dryRun?: boolean; village?: string; mapping?: string },
): Promise<boolean> {
  if (!existsSync(file)) throw new CliFailure(`${file} does not exist.`, `${file} 不存在。`);
  let mapping: ImportMapping | undefined;
  if (options.mapping) {
    if (!existsSync(options.mapping))
      throw new CliFailure(`${options.mapping} does not exist.`, `${options.mapping} 不存在。`);
    const parsed = ImportMapping.safeParse(
      (() => {
        try {
          return JSON.parse(readFileSync(options.mapping, 'utf8')) as unknown;
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success)
      throw new CliFailure(
        `${options.mapping} is not a column mapping: a JSON object of column → field (or null to ignore it), e.g. {"备注": null, "户主姓名": "name"}.`,
        `${options.mapping} 不是列映射：应为“列名 → 字段”（null 表示不导入该列）的 JSON，如 {"备注": null, "户主姓名": "name"}。`,
      );
    mapping = parsed.data;
  }
  if (options.village && !/^\d{12}$/.test(options.village))
    throw new CliFailure(
      `--village takes a village's 12-digit code, not ${options.village}.`,
      `--village 应为村（社区）的 12 位区划代码，而不是 ${options.village}。`,
    );
  return withDistrict(io, (ctx) =>
    importRosterFile(ctx, file, options.dryRun ?? false, { villageCode: options.village, mapping }),
  );
}

export async function exportHouseholdsCommand(
  io: CliIo,
  options: { area: string; out: string },
): Promise<void> {
  if (existsSync(options.out))
    throw new CliFailure(
      `${options.out} already exists; choose a new file name.`,
      `${options.out} 已存在，请换一个文件名。`,
    );
  const folder = path.dirname(path.resolve(options.out));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new CliFailure(`The folder ${folder} does not exist.`, `目录 ${folder} 不存在。`);
  await withDistrict(io, async (ctx) => {
    try {
      const rows = await exportRosterFile(ctx, { areaCode: options.area }, options.out);
      ctx.print(`${rows} rows written to ${options.out}`);
    } catch (err) {
      // A file cut short is not left behind (and was not audited).
      rmSync(options.out, { force: true });
      throw err;
    }
  });
}
