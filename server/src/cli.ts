// The `lianxin` command line. This file only declares the commands: each command's code (the
// database, the modules, the spreadsheet and PDF libraries) is loaded when that command runs, so
// `lianxin --help` and a failing argument answer at once.
import { ranks, roles } from '@lianxin/common/roles';
import { Command, Option } from 'commander';
import type { CliIo, UserAddOptions } from './cli/commands';
import type { SetupOptions } from './cli/setup.command';
import { loadConfig } from './config';

const verbose = process.argv.includes('--verbose');

const commands = () => import('./cli/commands');

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
      const { cliLocale, describeFailure } = await import('./cli/failure');
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
  .action(action(async (io) => (await import('./server')).serve(io.config)));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(action(async (io) => (await commands()).migrateCommand(io)));

program
  .command('demo')
  .description('load the demo district (areas and accounts) into an empty database')
  .option('--new', 'create the database when there is none')
  .action(action(async (io, options: { new?: boolean }) => (await commands()).demoCommand(io, options)));

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
  .action(action(async (io, options: UserAddOptions) => (await commands()).userAddCommand(io, options)));

program
  .command('backup')
  .description(
    'copy the SQLite database to FILE while the server runs (PostgreSQL: use pg_dump, see docs/operations.md)',
  )
  .argument('<file>')
  .action(action(async (io, file: string) => (await commands()).backupCommand(io, file)));

program
  .command('restore')
  .description(
    'replace the SQLite database with a backup FILE (stop the server first); the replaced one is kept beside it',
  )
  .argument('<file>')
  .option('--force', 'restore even though a running server holds the database')
  .action(
    action(async (io, file: string, options: { force?: boolean }) =>
      (await commands()).restoreCommand(io, file, options),
    ),
  );

program
  .command('import')
  .description('import data from a file')
  .command('households')
  .description('import a household roster (.xlsx or .csv, one row per resident); all of it or nothing')
  .argument('<file>')
  .option('--village <code>', 'the village of a one-village roster (a file without a 村/社区 column)')
  .option(
    '--mapping <file>',
    'a JSON of column → field (null to ignore a column) for headers the importer does not know',
  )
  .option('--dry-run', 'check the file and show what would change, without writing')
  .action(
    action(async (io, file: string, options: { dryRun?: boolean; village?: string; mapping?: string }) =>
      (await commands()).importHouseholdsCommand(io, file, options),
    ),
  );

program
  .command('export')
  .description('export data to a file')
  .command('households')
  .description('export the households of an area as an .xlsx roster (audited)')
  .requiredOption('--area <code>', 'area code (district, town, village or group)')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(
    action(async (io, options: { area: string; out: string }) =>
      (await commands()).exportHouseholdsCommand(io, options),
    ),
  );

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description(
    'check the audit chain and its checkpoints; exits 1 when an entry was altered or removed, the tail cut or the chain rewritten',
  )
  .option(
    '--anchors <path>',
    'checkpoints to check against (a .jsonl file or a folder); AUDIT_ANCHOR_DIR by default',
  )
  .action(
    action(async (io, options: { anchors?: string }) => (await commands()).auditVerifyCommand(io, options)),
  );
audit
  .command('checkpoint')
  .description(
    'seal the waiting entries and write a signed checkpoint to AUDIT_ANCHOR_DIR and the webhooks now',
  )
  .action(action(async (io) => (await commands()).auditCheckpointCommand(io)));

program
  .command('areas')
  .description('the area tree')
  .command('import')
  .description(
    'import towns, villages and groups from the statistical division codes (.xlsx or .csv with 代码, 名称); all of it or nothing',
  )
  .argument('<file>')
  .option('--dry-run', 'check the file and show what would change, without writing')
  .action(
    action(async (io, file: string, options: { dryRun?: boolean }) =>
      (await import('./cli/areas.command')).areasImportCommand(io, file, options.dryRun ?? false),
    ),
  );

program
  .command('setup')
  .description('first run: create the district and its first administrator (refused once an account exists)')
  .option('--district-code <code>', 'the district’s 12-digit area code (unless an area tree was imported)')
  .option('--district-name <name>')
  .option('--username <username>', 'the first administrator’s username')
  .option('--name <name>', 'the first administrator’s name')
  .action(
    action(async (io, options: SetupOptions) =>
      (await import('./cli/setup.command')).terminalSetup(io, options),
    ),
  );

await program.parseAsync(process.argv);
