import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Engine, SqliteBooleanPlugin, TextGuardPlugin } from './dialect';
import type { DB } from './schema';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The raw SQLite handle (online backup, benchmarks); absent on PostgreSQL. */
  sqlite?: BetterSqlite3.Database;
  /** The raw PostgreSQL pool (benchmarks); absent on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A `postgres://` URL; SQLite at `file` when absent. */
  url?: string;
  file?: string;
  /** PostgreSQL schema to use (the test suite gives every test file its own). */
  schema?: string;
  /** PostgreSQL settings for every connection (the test suite turns synchronous_commit off). */
  settings?: Record<string, string>;
  poolSize?: number;
}

const PG_TYPES = {
  INT8: 20,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
};

// The application sees the same values on both engines: numbers for counts and sequence
// numbers, ISO strings for instants, YYYY-MM-DD for dates.
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    switch (oid) {
      case PG_TYPES.INT8:
        return (value: string) => Number(value);
      case PG_TYPES.DATE:
        return (value: string) => value;
      case PG_TYPES.TIMESTAMP:
      case PG_TYPES.TIMESTAMPTZ:
        return (value: string) => new Date(value).toISOString();
      default:
        return pg.types.getTypeParser(oid, format as 'text');
    }
  },
};

export function openSqlite(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // An acknowledged write survives a power cut, not only a process kill.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): district-sized indexes stay in memory, and a bulk
  // write (a roster import, a re-tier) does not spill half-written pages before it commits.
  sqlite.pragma('cache_size = -65536');
  // Sorts and temporary indexes in memory rather than in temporary files.
  sqlite.pragma('temp_store = MEMORY');
  // Table statistics for the planner, as SQLite advises for long-lived connections: without them
  // it takes any range on an indexed column as selective (a district-wide queue sorted 300,000
  // appeals instead of reading the index of open ones in order). Run at open and hourly by
  // housekeeping; only tables whose size changed much are analyzed again. No analysis_limit:
  // sampled statistics took `status = 'active'` for a selective test and paged a re-tier through
  // every household.
  sqlite.pragma('optimize = 0x10002');
  return sqlite;
}

/** Prepared statements kept per connection; a district's queries take a few hundred shapes. */
const STATEMENTS_KEPT = 500;

/**
 * The connection as Kysely sees it, keeping the statements it prepares: Kysely prepares each
 * query anew, and for a small query parsing and planning cost more than running it. A statement
 * still being iterated (a streamed result) is not handed out twice.
 */
function keepingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const statement = kept.get(text);
      if (statement && !statement.busy) {
        // Most recently used last: the first entry is the one to drop.
        kept.delete(text);
        kept.set(text, statement);
        return statement;
      }
      const prepared = sqlite.prepare(text);
      if (!statement) {
        kept.set(text, prepared);
        if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
      }
      return prepared;
    },
  };
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) {
    const settings = Object.entries({
      ...(options.schema ? { search_path: options.schema } : {}),
      ...options.settings,
    }).map(([name, value]) => `-c ${name}=${value}`);
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new TextGuardPlugin()] });
    return { db, engine: 'postgres', pool, close: () => db.destroy() };
  }
  const sqlite = openSqlite(options.file ?? ':memory:');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: keepingStatements(sqlite) }),
    plugins: [new SqliteBooleanPlugin()],
  });
  return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
}
