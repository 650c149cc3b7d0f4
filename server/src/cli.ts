import { existsSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, ranks, roles } from '@lianxin/common';
import BetterSqlite3 from 'better-sqlite3';
import { Command, Option } from 'commander';
import { loadConfig } from './config';
import { migrateToLatest } from './db/migrator';
import { DEMO_PASSWORD, loadDemoDistrict } from './demo/demo-district';
import { type CliContext, districtScope, exportRosterFile, importRosterFile } from './modules/households';
import { createUser } from './modules/users';
import { verifyAudit } from './platform/audit/audit.service';
import { systemClock } from './platform/clock';
import { AppError } from './platform/errors';
import { scopeOf } from './platform/scope';
import { loadSecrets } from './platform/secrets';
import { openConfiguredDatabase } from './runtime';
import { serve } from './server';

const CLI_ACTOR = { id: null, name: 'lianxin cli', ip: null };

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const program = new Command('lianxin').description('连心 Lianxin — grassroots mass-work platform');

program
  .command('serve', { isDefault: true })
  .description('migrate the database and serve the console and the API')
  .action(async () => serve(loadConfig()));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config, { migrate: false });
    const applied = await migrateToLatest(database.db);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    await database.close();
  });

program
  .command('demo')
  .description('load the demo district (areas and accounts) into an empty database')
  .action(async () => {
    const config = loadConfig();
    if (config.production) fail('Refusing to load demo data with NODE_ENV=production.');
    const database = await openConfiguredDatabase(config);
    try {
      const accounts = await loadDemoDistrict(database.db, systemClock, loadSecrets(config));
      process.stdout.write(`demo district loaded; accounts (password ${DEMO_PASSWORD}):\n`);
      for (const a of accounts) process.stdout.write(`  ${a.username} (${a.role}, ${a.areaName})\n`);
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('manage accounts');
user
  .command('add')
  .description('create an account')
  .requiredOption('--username <username>')
  .requiredOption('--password <password>')
  .addOption(new Option('--role <role>').choices(roles).makeOptionMandatory())
  .requiredOption('--area <code>', 'area code the account is bound to')
  .option('--name <name>', 'display name (defaults to the username)')
  .option('--phone <phone>')
  .addOption(new Option('--rank <rank>').choices(ranks))
  .action(
    async (options: {
      username: string;
      password: string;
      role: (typeof roles)[number];
      area: string;
      name?: string;
      phone?: string;
      rank?: (typeof ranks)[number];
    }) => {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      try {
        // The command line acts with the district administrator's rights over the whole district.
        const districtCode = `${options.area.slice(0, 6)}000000`;
        const created = await database.db.transaction().execute((trx) =>
          createUser(
            trx,
            {
              clock: systemClock,
              actor: CLI_ACTOR,
              caller: {
                id: 'cli',
                username: 'cli',
                name: 'cli',
                role: 'district_admin',
                areaCode: districtCode,
                areaKind: 'district',
                locale: null,
              },
              scope: scopeOf({ code: districtCode, kind: 'district' }),
            },
            {
              username: options.username,
              password: options.password,
              role: options.role,
              areaCode: options.area,
              name: options.name ?? options.username,
              phone: options.phone ?? null,
              rank: options.rank ?? null,
            },
          ),
        );
        process.stdout.write(
          `created ${created.username} (${created.role}) in ${created.area.name} ${created.areaCode}\n`,
        );
      } catch (err) {
        if (err instanceof AppError) fail(`${err.code}: ${errorMessage(err.code, 'zh-CN', err.params)}`);
        throw err;
      } finally {
        await database.close();
      }
    },
  );

program
  .command('backup')
  .description(
    'copy the SQLite database to FILE while the server runs (PostgreSQL: use pg_dump, see docs/operations.md)',
  )
  .argument('<file>')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) fail('On PostgreSQL, back up with pg_dump -Fc (see docs/operations.md).');
    if (existsSync(file)) fail(`${file} already exists; choose a new file name.`);
    const database = await openConfiguredDatabase(config);
    try {
      await database.sqlite?.backup(path.resolve(file));
      process.stdout.write(`backup written to ${file}\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description('replace the SQLite database with a backup FILE (stop the server first)')
  .argument('<file>')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) fail('On PostgreSQL, restore with pg_restore (see docs/operations.md).');
    if (!existsSync(file)) fail(`${file} does not exist.`);
    const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const check = source.pragma('quick_check', { simple: true });
      if (check !== 'ok') fail(`${file} is damaged: ${String(check)}`);
      const hasSchema = source
        .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
        .get();
      if (!hasSchema) fail(`${file} is not a Lianxin database.`);
      const database = await openConfiguredDatabase(config);
      await database.close();
      // SQLite's online backup copies page by page under a lock: the target is replaced whole.
      await source.backup(config.sqliteFile);
      process.stdout.write(`restored ${file} into ${config.sqliteFile}\n`);
    } finally {
      source.close();
    }
  });

/** Runs a registry command over the whole district, as the operator. */
async function withDistrict(run: (ctx: CliContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await run({
      db: database.db,
      clock: systemClock,
      secrets: loadSecrets(config),
      actor: CLI_ACTOR,
      scope: await districtScope(database.db),
      print: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (err) {
    if (err instanceof AppError) fail(`${err.code}: ${errorMessage(err.code, 'zh-CN', err.params)}`);
    throw err;
  } finally {
    await database.close();
  }
}

program
  .command('import')
  .description('import data from a file')
  .command('households')
  .description('import a household roster (.xlsx or .csv, one row per resident); all of it or nothing')
  .argument('<file>')
  .option('--dry-run', 'check the file and show what would change, without writing')
  .action(async (file: string, options: { dryRun?: boolean }) =>
    withDistrict(async (ctx) => {
      if (!existsSync(file)) fail(`${file} does not exist.`);
      if (!(await importRosterFile(ctx, file, options.dryRun ?? false))) process.exitCode = 1;
    }),
  );

program
  .command('export')
  .description('export data to a file')
  .command('households')
  .description('export the households of an area as an .xlsx roster (audited)')
  .requiredOption('--area <code>', 'area code (district, town, village or group)')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(async (options: { area: string; out: string }) =>
    withDistrict(async (ctx) => {
      if (existsSync(options.out)) fail(`${options.out} already exists; choose a new file name.`);
      const rows = await exportRosterFile(ctx, { areaCode: options.area }, options.out);
      ctx.print(`${rows} rows written to ${options.out}`);
    }),
  );

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('check the hash chain of the audit log; exits 1 when a row was altered or removed')
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    try {
      const result = await verifyAudit(database.db);
      if (result.ok) {
        process.stdout.write(`audit log intact: ${result.checked} entries verified\n`);
        return;
      }
      process.stdout.write(
        `audit log TAMPERED: ${result.problems.length} problem(s) in ${result.checked} entries\n`,
      );
      for (const p of result.problems.slice(0, 50)) process.stdout.write(`  seq ${p.seq}: ${p.problem}\n`);
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

await program.parseAsync(process.argv);
