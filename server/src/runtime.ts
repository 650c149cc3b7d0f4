import { mkdirSync } from 'node:fs';
import type { Config } from './config';
import { type Database, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrator';

/** Opens the configured database (creating the data folder for SQLite) and migrates it. */
export async function openConfiguredDatabase(config: Config, { migrate = true } = {}): Promise<Database> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = openDatabase({ url: config.databaseUrl, file: config.sqliteFile });
  if (migrate) await migrateToLatest(database.db);
  return database;
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `SQLite ${config.sqliteFile}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
