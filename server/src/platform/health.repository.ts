import { sql } from 'kysely';
import type { Db } from '../db/dialect';

/** Answers when the database takes a query; throws when it cannot be reached. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
