import type { ColumnType } from 'kysely';

// The column types the tables share.
// Timestamps are ISO-8601 strings in UTC on both engines (see dialect.ts);
// booleans are 0/1 on SQLite and true/false on PostgreSQL, read through `Boolean()`.
export type Timestamp = string;
export type Tier = 'stable' | 'watch' | 'priority';
export type Bool = ColumnType<boolean | number, boolean, boolean>;
