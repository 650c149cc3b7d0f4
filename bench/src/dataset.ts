import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/src/db/database';
import { migrateToLatest } from '../../server/src/db/migrator';
import { ManualClock } from '../../server/src/platform/clock';
import { secretsFromKey } from '../../server/src/platform/secrets';
import { generateDistrict, type Scale } from './generate';
import { generateAppeals } from './generate-appeals';
import { generateProxyRequests } from './generate-proxy-requests';
import { generateVisits } from './generate-visits';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
/** Generated data sets are kept between runs (they take minutes to make); never committed. */
export const DATA_DIR = path.join(BENCH_DIR, 'data');
/** A fixed key: the data set and the benchmarks must agree on it, and nothing here is secret. */
export const benchSecrets = secretsFromKey(Buffer.alloc(32, 7));
export const benchClock = new ManualClock(new Date('2026-11-22T02:00:00.000Z'));
export const SEED = 20261122;

export type Engine = 'sqlite' | 'postgres';

/** Where a scale's data set lives on each engine: a SQLite file, or a PostgreSQL schema. */
function location(scale: Scale, engine: Engine) {
  return engine === 'sqlite' ? path.join(DATA_DIR, `${scale}.db`) : `bench_${scale}`;
}

async function pgSchemaExists(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query(
      "select 1 from information_schema.tables where table_schema = $1 and table_name = 'tier_history'",
      [schema],
    );
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function pgResetSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`create schema ${schema}`);
  await client.end();
}

/** Opens a scale's data set, generating it first if it does not exist yet. */
export async function openDataset(
  scale: Scale,
  engine: Engine,
  log: (line: string) => void,
  url = process.env.BENCH_DATABASE_URL,
): Promise<Database> {
  const where = location(scale, engine);
  if (engine === 'postgres') {
    if (!url) throw new Error('BENCH_DATABASE_URL is not set');
    if (!(await pgSchemaExists(url, where))) {
      await pgResetSchema(url, where);
      const database = openDatabase({ url, schema: where, poolSize: 4 });
      await build(database, scale, log);
      return migrated(database, log);
    }
    return migrated(openDatabase({ url, schema: where, poolSize: 8 }), log);
  }
  if (!existsSync(where)) {
    mkdirSync(DATA_DIR, { recursive: true });
    // Built under another name and renamed at the end: an interrupted build is never taken for a data set.
    const building = `${where}.building`;
    rmSync(building, { force: true });
    const database = openDatabase({ file: building });
    await build(database, scale, log);
    await database.close();
    renameSync(building, where);
    rmSync(`${building}-wal`, { force: true });
    rmSync(`${building}-shm`, { force: true });
  }
  return migrated(openDatabase({ file: where }), log);
}

/** A kept data set follows the schema as the code moves on, and gains the modules' data as they come. */
async function migrated(database: Database, log: (line: string) => void): Promise<Database> {
  await migrateToLatest(database.db);
  const appeals = await database.db.selectFrom('appeals').select('id').limit(1).executeTakeFirst();
  if (!appeals) {
    const started = Date.now();
    const households = await database.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // About one appeal per household over three years (300,000 for the district).
    const count = Number(households.n);
    if (count > 0) {
      log(`generating ${count} appeals on ${database.engine} …`);
      await generateAppeals(database.db, {
        count,
        seed: SEED,
        clock: benchClock,
        secrets: benchSecrets,
        progress: (line) => log(`  ${line}`),
      });
      log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
  const visits = await database.db.selectFrom('visits').select('id').limit(1).executeTakeFirst();
  const anyHousehold = await database.db.selectFrom('households').select('id').limit(1).executeTakeFirst();
  if (!visits && anyHousehold) {
    const started = Date.now();
    log(`generating pairings and three years of visits on ${database.engine} …`);
    const made = await generateVisits(database.db, {
      seed: SEED,
      clock: benchClock,
      progress: (line) => log(`  ${line}`),
    });
    log(`  ${made.visits} visits in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const proxy = await database.db.selectFrom('proxy_requests').select('id').limit(1).executeTakeFirst();
  if (!proxy && anyHousehold) {
    const started = Date.now();
    log(`generating 100,000 proxy requests (代办) over three years on ${database.engine} …`);
    await generateProxyRequests(database.db, {
      count: 100_000,
      seed: SEED,
      clock: benchClock,
      secrets: benchSecrets,
      progress: (line) => log(`  ${line}`),
    });
    log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return database;
}

async function build(database: Database, scale: Scale, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await migrateToLatest(database.db);
  log(`generating the ${scale} data set on ${database.engine} …`);
  const made = await generateDistrict(database.db, {
    scale,
    seed: SEED,
    clock: benchClock,
    secrets: benchSecrets,
    progress: (line) => log(`  ${line}`),
  });
  // Fresh statistics, as autovacuum would gather them in a while: plans match a settled database.
  if (database.engine === 'postgres') await sql`analyze`.execute(database.db);
  log(
    `  ${made.households} households, ${made.residents} residents, ${made.users} accounts in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

/** Throws away a data set, so that the next run generates it again. */
export async function dropDataset(scale: Scale, engine: Engine, url = process.env.BENCH_DATABASE_URL) {
  const where = location(scale, engine);
  if (engine === 'sqlite')
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${where}${suffix}`, { force: true });
  else if (url) await pgResetSchema(url, where);
}
