import { errorMessage, ranks, roles } from '@lianxin/common';
import { Command, Option } from 'commander';
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
  type UserAddOptions,
  userAddCommand,
} from './cli/commands';
import { registerAreasCommands } from './cli/areas.command';
import { loadConfig } from './config';
import { AppError } from './platform/errors';
import { serve } from './server';

/** Runs a command with the configuration of the environment; a failure is printed and exits 1. */
function action<A extends unknown[]>(command: (io: CliIo, ...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    const io: CliIo = { config: loadConfig(), print: (line) => process.stdout.write(`${line}\n`) };
    try {
      // A command answering false found problems it has printed.
      if ((await command(io, ...args)) === false) process.exitCode = 1;
    } catch (err) {
      const message =
        err instanceof CliFailure
          ? err.message
          : err instanceof AppError
            ? `${err.code}: ${errorMessage(err.code, 'zh-CN', err.params)}`
            : null;
      if (message === null) throw err;
      process.stderr.write(`${message}\n`);
      process.exitCode = 1;
    }
  };
}

const program = new Command('lianxin').description('连心 Lianxin — grassroots mass-work platform');

program
  .command('serve', { isDefault: true })
  .description('migrate the database and serve the console and the API')
  .action(async () => serve(loadConfig()));

program.command('migrate').description('apply pending database migrations').action(action(migrateCommand));

program
  .command('demo')
  .description('load the demo district (areas and accounts) into an empty database')
  .action(action(demoCommand));

program
  .command('user')
  .description('manage accounts')
  .command('add')
  .description('create an account')
  .requiredOption('--username <username>')
  .requiredOption('--password <password>')
  .addOption(new Option('--role <role>').choices(roles).makeOptionMandatory())
  .requiredOption('--area <code>', 'area code the account is bound to')
  .option('--name <name>', 'display name (defaults to the username)')
  .option('--phone <phone>')
  .addOption(new Option('--rank <rank>').choices(ranks))
  .action(action((io, options: UserAddOptions) => userAddCommand(io, options)));

program
  .command('backup')
  .description(
    'copy the SQLite database to FILE while the server runs (PostgreSQL: use pg_dump, see docs/operations.md)',
  )
  .argument('<file>')
  .action(action((io, file: string) => backupCommand(io, file)));

program
  .command('restore')
  .description('replace the SQLite database with a backup FILE (stop the server first)')
  .argument('<file>')
  .action(action((io, file: string) => restoreCommand(io, file)));

program
  .command('import')
  .description('import data from a file')
  .command('households')
  .description('import a household roster (.xlsx or .csv, one row per resident); all of it or nothing')
  .argument('<file>')
  .option('--dry-run', 'check the file and show what would change, without writing')
  .action(
    action((io, file: string, options: { dryRun?: boolean }) =>
      importHouseholdsCommand(io, file, options.dryRun ?? false),
    ),
  );

program
  .command('export')
  .description('export data to a file')
  .command('households')
  .description('export the households of an area as an .xlsx roster (audited)')
  .requiredOption('--area <code>', 'area code (district, town, village or group)')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(action((io, options: { area: string; out: string }) => exportHouseholdsCommand(io, options)));

program
  .command('audit')
  .description('the audit log')
  .command('verify')
  .description('check the hash chain of the audit log; exits 1 when a row was altered or removed')
  .action(action(auditVerifyCommand));

registerAreasCommands(program, action);

await program.parseAsync(process.argv);
