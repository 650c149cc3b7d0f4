import { defineConfig } from 'vitest/config';

// The reliability suite (npm run test:reliability): crash, job restart, fuzz, access matrix and
// backup/restore, each file once per engine. RELIABILITY_ENGINES=sqlite runs without PostgreSQL.
const engines = (process.env.RELIABILITY_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());
const postgresUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const unknown = engines.filter((e) => e !== 'sqlite' && e !== 'postgres');
if (unknown.length > 0) throw new Error(`RELIABILITY_ENGINES: unknown engine ${unknown.join(', ')}`);

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    globalSetup: ['./engines.setup.ts'],
    pool: 'forks',
    // Two cores: one file per core, and the crash tests' server processes get what is left.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      ...(engines.includes('sqlite')
        ? [{ extends: true as const, test: { name: 'sqlite', env: { TEST_DATABASE_URL: '' } } }]
        : []),
      ...(engines.includes('postgres')
        ? [{ extends: true as const, test: { name: 'postgres', env: { TEST_DATABASE_URL: postgresUrl } } }]
        : []),
    ],
  },
});
