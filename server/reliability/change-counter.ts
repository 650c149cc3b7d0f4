import { sql } from 'kysely';
import type { Database } from '../src/db/database';
import { tableNames } from './table-checksums';

const COUNTER = 'test_row_changes';

/**
 * Counts every row inserted, updated or deleted in the application's tables (those in `exclude`
 * left out), with a row trigger on each table that adds one to a counter table. Reading the
 * counter before and after a request tells whether it wrote anything, at the cost of one query
 * instead of reading every table; a write rolled back takes its count with it. For test databases
 * only: the triggers are never removed.
 */
export async function installChangeCounter(
  database: Database,
  options: { exclude?: string[] } = {},
): Promise<() => Promise<number>> {
  const tables = (await tableNames(database)).filter((name) => !options.exclude?.includes(name));
  const { db } = database;
  await sql`create table ${sql.table(COUNTER)} (n bigint not null)`.execute(db);
  await sql`insert into ${sql.table(COUNTER)} (n) values (0)`.execute(db);
  if (database.engine === 'postgres') {
    await sql`
      create function test_count_row_change() returns trigger language plpgsql as $$
      begin
        update test_row_changes set n = n + 1;
        return null;
      end $$`.execute(db);
    for (const table of tables)
      await sql`
        create trigger ${sql.id(`test_changes_${table}`)}
        after insert or update or delete on ${sql.table(table)}
        for each row execute function test_count_row_change()`.execute(db);
  } else {
    for (const table of tables)
      for (const event of ['insert', 'update', 'delete'])
        await sql`
          create trigger ${sql.id(`test_changes_${table}_${event}`)}
          after ${sql.raw(event)} on ${sql.table(table)}
          begin update test_row_changes set n = n + 1; end`.execute(db);
  }
  return async () => {
    const row = await sql<{ n: number | string }>`select n from ${sql.table(COUNTER)}`.execute(db);
    return Number(row.rows[0]?.n ?? 0);
  };
}
