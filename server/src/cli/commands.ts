import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Rank, Role } from '@lianxin/common';
import BetterSqlite3 from 'better-sqlite3';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import { loadDemoDistrict } from '../demo/demo-district';
import { demoAccountsFile, randomDemoPassword } from '../demo/demo-password';
import { type CliContext, districtScope, exportRosterFile, importRosterFile } from '../modules/households';
import { createUser } from '../modules/users';
import { verifyAudit } from '../platform/audit/audit.service';
import { systemClock } from '../platform/clock';
import { withTransaction } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import { loadSecrets } from '../platform/secrets';
import { openConfiguredDatabase } from '../runtime';

/** What a command works with: the configuration it runs under and where it writes its lines. */
export interface CliIo {
  config: Config;
  print(line: string): void;
}

/** A command that cannot go on: its message is shown to the operator and the exit code is 1. */
export class CliFailure extends Error {}

const CLI_ACTOR = { id: null, name: 'lianxin cli', ip: null };

async function withDatabase<T>(io: CliIo, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(io.config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function migrateCommand(io: CliIo): Promise<void> {
  const database = await openConfiguredDatabase(io.config, { migrate: false });
  try {
    const applied = await migrateToLatest(database.db);
    io.print(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
}

export async function demoCommand(io: CliIo): Promise<void> {
  if (io.config.production) throw new CliFailure('Refusing to load demo data with NODE_ENV=production.');
  await withDatabase(io, async (database) => {
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
  });
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

export async function backupCommand(io: CliIo, file: string): Promise<void> {
  if (io.config.databaseUrl)
    throw new CliFailure('On PostgreSQL, back up with pg_dump -Fc (see docs/operations.md).');
  if (existsSync(file)) throw new CliFailure(`${file} already exists; choose a new file name.`);
  await withDatabase(io, async (database) => {
    await database.sqlite?.backup(path.resolve(file));
    io.print(`backup written to ${file}`);
  });
}

export async function restoreCommand(io: CliIo, file: string): Promise<void> {
  const { config } = io;
  if (config.databaseUrl)
    throw new CliFailure('On PostgreSQL, restore with pg_restore (see docs/operations.md).');
  if (!existsSync(file)) throw new CliFailure(`${file} does not exist.`);
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = source.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliFailure(`${file} is damaged: ${String(check)}`);
    const hasSchema = source
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!hasSchema) throw new CliFailure(`${file} is not a Lianxin database.`);
    const database = await openConfiguredDatabase(config);
    await database.close();
    // SQLite's online backup copies page by page under a lock: the target is replaced whole.
    await source.backup(config.sqliteFile);
    io.print(`restored ${file} into ${config.sqliteFile}`);
  } finally {
    source.close();
  }
}

/** Runs a registry command over the whole district, as the operator. */
async function withDistrict<T>(io: CliIo, run: (ctx: CliContext) => Promise<T>): Promise<T> {
  return withDatabase(io, async (database) =>
    run({
      db: database.db,
      clock: systemClock,
      secrets: loadSecrets(io.config),
      actor: CLI_ACTOR,
      scope: await districtScope(database.db),
      print: io.print,
    }),
  );
}

/** Imports a roster file; false when the file had problems (each printed) and nothing was written. */
export async function importHouseholdsCommand(io: CliIo, file: string, dryRun: boolean): Promise<boolean> {
  if (!existsSync(file)) throw new CliFailure(`${file} does not exist.`);
  return withDistrict(io, (ctx) => importRosterFile(ctx, file, dryRun));
}

export async function exportHouseholdsCommand(
  io: CliIo,
  options: { area: string; out: string },
): Promise<void> {
  if (existsSync(options.out)) throw new CliFailure(`${options.out} already exists; choose a new file name.`);
  await withDistrict(io, async (ctx) => {
    const rows = await exportRosterFile(ctx, { areaCode: options.area }, options.out);
    ctx.print(`${rows} rows written to ${options.out}`);
  });
}

/** Checks the audit log's hash chain; false when a row was altered or removed. */
export async function auditVerifyCommand(io: CliIo): Promise<boolean> {
  return withDatabase(io, async (database) => {
    const result = await verifyAudit(database.db);
    if (result.ok) {
      io.print(`audit log intact: ${result.checked} entries verified`);
      return true;
    }
    io.print(`audit log TAMPERED: ${result.problems.length} problem(s) in ${result.checked} entries`);
    for (const p of result.problems.slice(0, 50)) io.print(`  seq ${p.seq}: ${p.problem}`);
    return false;
  });
}
