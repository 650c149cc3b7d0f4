import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { engineOf } from './dialect';
import { migrations } from './migrations';

/**
 * On PostgreSQL the migration tables live in the connection's current schema. Kysely looks for
 * them in every schema unless told which one, and so takes another schema's tables for its own
 * (the tests and benchmarks keep one database with many schemas).
 */
async function migrator<T>(db: Kysely<T>): Promise<Migrator> {
  const schema =
    engineOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Brings the schema to the latest version; throws (and applies nothing more) on the first failure. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  return applied(await (await migrator(db)).migrateToLatest());
}

export async function migrateDown<T>(db: Kysely<T>): Promise<string[]> {
  return applied(await (await migrator(db)).migrateDown());
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error;
  return (results ?? []).map((r) => r.migrationName);
}

export async function pendingMigrations<T>(db: Kysely<T>): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
