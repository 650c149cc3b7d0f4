import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../src/db/database';

export interface TableChecksum {
  rows: number;
  sha256: string;
}

/** The application's tables, without the migrator's bookkeeping. */
export async function tableNames(database: Database): Promise<string[]> {
  const rows =
    database.engine === 'postgres'
      ? await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db)
      : await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          database.db,
        );
  return rows.rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    Buffer.isBuffer(v) || v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('hex')}` : v,
  );

/**
 * Row count and a checksum of every table's content, in an order that does not depend on how the
 * engine returns rows: equal checksums mean equal data.
 */
export async function tableChecksums(
  database: Database,
  options: { exclude?: string[] } = {},
): Promise<Record<string, TableChecksum>> {
  const result: Record<string, TableChecksum> = {};
  for (const name of await tableNames(database)) {
    if (options.exclude?.includes(name)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
    const lines = rows.rows.map(canonical).sort();
    result[name] = {
      rows: lines.length,
      sha256: createHash('sha256').update(lines.join('\n')).digest('hex'),
    };
  }
  return result;
}
