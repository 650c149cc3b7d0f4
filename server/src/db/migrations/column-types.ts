// Column types shared by the migrations. Frozen like the migrations themselves: a later
// migration that needs something else adds a new helper instead of changing these.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export interface ColumnTypes {
  /** An instant: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
  timestamp: ReturnType<typeof sql>;
  /** A calendar date: date on PostgreSQL, YYYY-MM-DD text on SQLite. */
  date: ReturnType<typeof sql>;
  boolean: ReturnType<typeof sql>;
  /** Large integers (counters, sequence numbers). */
  bigint: ReturnType<typeof sql>;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export function columnTypes(db: Kysely<any>): ColumnTypes {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    timestamp: postgres ? sql`timestamptz` : sql`text`,
    date: postgres ? sql`date` : sql`text`,
    boolean: postgres ? sql`boolean` : sql`integer`,
    bigint: postgres ? sql`bigint` : sql`integer`,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
