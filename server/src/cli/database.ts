import { existsSync } from 'node:fs';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { openConfiguredDatabase } from '../runtime';
import { CliFailure } from './failure';

export interface CliOpenOptions {
  /** Only commands that make a database by nature (`migrate`, `setup`, `demo --new`) create one. */
  create?: boolean;
  /** Apply pending migrations after opening (the default). */
  migrate?: boolean;
}

/** Refuses a SQLite file that does not exist, unless the command creates the database. */
export function requireDatabase(config: Config, { create = false }: CliOpenOptions = {}): void {
  if (create || config.databaseUrl || existsSync(config.sqliteFile)) return;
  throw new CliFailure(
    `No database at ${config.sqliteFile}: run \`lianxin migrate\` (or start the server) first, or set DATA_DIR / DATABASE_URL.`,
    `找不到数据库 ${config.sqliteFile}：请先运行 \`lianxin migrate\`（或启动服务），或设置 DATA_DIR / DATABASE_URL。`,
  );
}

/** Opens the database a command works on: the one the server uses, never a new one by accident. */
export async function openCliDatabase(config: Config, options: CliOpenOptions = {}): Promise<Database> {
  requireDatabase(config, options);
  return openConfiguredDatabase(config, { migrate: options.migrate ?? true });
}

/** Runs work on the command's database and closes it. */
export async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
  options: CliOpenOptions = {},
): Promise<T> {
  const database = await openCliDatabase(config, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
