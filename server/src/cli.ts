import { ranks, roles } from '@lianxin/common';
import { Command, Option } from 'commander';
import { registerAreasCommands } from './cli/areas.command';
import {
  auditVerifyCommand,
  backupCommand,
  type CliIo,
  demoCommand,
  exportHouseholdsCommand,
  importHouseholdsCommand,
  migrateCommand,
  restoreCommand,
  type UserAddOptions,
  userAddCommand,
} from './cli/commands';
import { cliLocale, describeFailure } from './cli/failure';
import { registerSetupCommand } from './cli/setup.command';
import { loadConfig } from './config';
import { serve } from './server';

const verbose = process.argv.includes('--verbose');

/**
 * Runs a command with the configuration of the environment. Any failure is one line on stderr
 * (in the operator's language: LIANXIN_LOCALE or LANG, Chinese by default) and exit code 1;
 * the stack only with --verbose.
 */
function action<A extends unknown[]>(command: (io: CliIo, ...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    try {
      const io: CliIo = { config: loadConfig(), print: (line) => process.stdout.write(`${line}\n`) };
      // A command answering false found problems it has printed.
      if ((await command(io, ...args)) === false) process.exitCode = 1;
    } catch (err) {
      process.stderr.write(`${describeFailure(err, cliLocale(), verbose)}\n`);
      process.exitCode = 1;
    }
  };
}

const program = new Command('lianxin')
  .description('连心 Lianxin — grassroots mass-work platform')
  .option('--verbose', 'show the full error (stack) when a command fails');

program
  .command('serve', { isDefault: true })
  .description('migrate the database and serve the console and the API')
  .action(action((io) => serve(io.config)));

program.command('migrate').description('apply pending database migrations').action(action(migrateCommand));

program
  .command('demo')
  .description('load the demo district (areas and accounts) into an empty database')
  .option('--new', 'create the database when there is none')
  .action(action((io, options: { new?: boolean }) => demoCommand(io, options)));

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
  .description(
    'replace the SQLite database with a backup FILE (stop the server first); the replaced one is kept beside it',
  )
  .argument('<file>')
  .option('--force', 'restore even though a running server holds the database')
  .action(action((io, file: string, options: { force?: boolean }) => restoreCommand(io, file, options)));

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

registerSetupCommand(program, action);

await program.parseAsync(process.argv);
