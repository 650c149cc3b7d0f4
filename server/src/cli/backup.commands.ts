import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteLockHolder } from '../platform/instance-lock';
import { openConfiguredDatabase } from '../runtime';
import type { CliIo } from './commands';
import { withDatabase } from './database';
import { CliFailure } from './failure';

/** `lianxin backup FILE`: SQLite's online backup, safe while the server runs; makes FILE's folder. */
export async function backupCommand(io: CliIo, file: string): Promise<void> {
  if (io.config.databaseUrl)
    throw new CliFailure(
      'On PostgreSQL, back up with pg_dump -Fc (see docs/operations.md).',
      'PostgreSQL 请用 pg_dump -Fc 备份（见 docs/operations.md）。',
    );
  const target = path.resolve(file);
  if (existsSync(target))
    throw new CliFailure(
      `${file} already exists; choose a new file name.`,
      `${file} 已存在，请换一个文件名。`,
    );
  await withDatabase(io.config, async (database) => {
    mkdirSync(path.dirname(target), { recursive: true });
    await database.sqlite?.backup(target);
    io.print(`backup written to ${target}`);
  });
}

/** Checks that FILE is a sound Lianxin SQLite database; the reason on one line when it is not. */
function checkBackup(file: string): BetterSqlite3.Database {
  const notLianxin = new CliFailure(`${file} is not a Lianxin database.`, `${file} 不是连心的数据库。`);
  let source: BetterSqlite3.Database;
  try {
    source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch {
    throw notLianxin;
  }
  try {
    const check = source.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new CliFailure(`${file} is damaged: ${String(check)}`, `${file} 已损坏：${String(check)}`);
    const hasSchema = source
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!hasSchema) throw notLianxin;
    return source;
  } catch (err) {
    source.close();
    // SQLite answers "file is not a database" for a file of another kind.
    throw err instanceof CliFailure ? err : notLianxin;
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/**
 * `lianxin restore FILE [--force]`: replaces the SQLite database with a checked backup. Refused
 * while a server holds the database (unless forced); the database replaced is kept beside it as
 * lianxin.db.before-restore-<time>.
 */
export async function restoreCommand(
  io: CliIo,
  file: string,
  options: { force?: boolean } = {},
): Promise<void> {
  const { config } = io;
  if (config.databaseUrl)
    throw new CliFailure(
      'On PostgreSQL, restore with pg_restore (see docs/operations.md).',
      'PostgreSQL 请用 pg_restore 恢复（见 docs/operations.md）。',
    );
  if (!existsSync(file)) throw new CliFailure(`${file} does not exist.`, `${file} 不存在。`);
  const holder = sqliteLockHolder(config);
  if (holder !== null && !options.force)
    throw new CliFailure(
      `The database is in use by a running server (pid ${holder}); stop it first, or use --force.`,
      `数据库正被运行中的服务使用（pid ${holder}），请先停止服务，或加 --force。`,
    );
  const source = checkBackup(file);
  try {
    let kept: string | null = null;
    if (existsSync(config.sqliteFile)) {
      kept = `${config.sqliteFile}.before-restore-${stamp(new Date())}`;
      const current = new BetterSqlite3(config.sqliteFile, { fileMustExist: true });
      try {
        await current.backup(kept);
      } finally {
        current.close();
      }
    } else {
      mkdirSync(config.dataDir, { recursive: true });
    }
    // SQLite's online backup copies page by page under a lock: the target is replaced whole.
    await source.backup(config.sqliteFile);
    // Brings a backup from an older version up to the current schema.
    const database = await openConfiguredDatabase(config);
    await database.close();
    io.print(`restored ${file} into ${config.sqliteFile}`);
    if (kept) io.print(`the database replaced is kept as ${kept}`);
  } finally {
    source.close();
  }
}
