import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** Fails the PostgreSQL half of the suite at once, and plainly, when the server is not there. */
export async function setup(project: TestProject): Promise<void> {
  const url = project.config.env?.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${err instanceof Error ? err.message : String(err)}). ` +
        'Start it, point TEST_DATABASE_URL at it, or run only SQLite with RELIABILITY_ENGINES=sqlite.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
