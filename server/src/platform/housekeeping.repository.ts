import { sql } from 'kysely';
import { type Db, engineOf } from '../db/dialect';

/**
 * Brings the planner's statistics up to date with the data. SQLite needs asking
 * (`pragma optimize`); PostgreSQL's autovacuum does this by itself, so there it does nothing.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql`pragma optimize`.execute(db);
}
