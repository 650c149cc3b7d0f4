import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../../server/src/db/database';
import type { DB } from '../../server/src/db/schema';
import { BENCH_PASSWORD } from './generate';

export interface Metric {
  value: number;
  unit: string;
  /** What the issue asks for, in the same unit; `≤` for times and sizes, `≥` for rates. */
  budget: number | null;
  budgetKind: 'max' | 'min' | null;
  /** The same work without the application: hand-written SQL on the raw driver, or a bare parse. */
  baseline: number | null;
  baselineWhat: string | null;
  /** value / baseline for times, baseline / value for rates: how many times the floor it costs. */
  ratio: number | null;
  engine: string;
  runs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function time(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `run` `times` times and gives each duration in milliseconds. */
export async function repeat(times: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await time(() => run(i)));
  return out;
}

export function metric(
  engine: string,
  value: number,
  unit: string,
  budget: { value: number; kind: 'max' | 'min' } | null,
  baseline: { value: number; what: string } | null,
  runs: number,
): Metric {
  const rate = budget?.kind === 'min' || unit.endsWith('/s');
  return {
    value: round(value),
    unit,
    budget: budget?.value ?? null,
    budgetKind: budget?.kind ?? null,
    baseline: baseline ? round(baseline.value) : null,
    baselineWhat: baseline?.what ?? null,
    ratio:
      baseline && baseline.value > 0 && value > 0
        ? round(rate ? baseline.value / value : value / baseline.value)
        : null,
    engine,
    runs,
  };
}

function round(n: number): number {
  return n >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

/** Hand-written SQL on the raw driver: the floor the application is compared with. */
export async function raw(
  database: Database,
  sqlite: string,
  postgres: string,
  params: unknown[],
): Promise<unknown[]> {
  if (database.sqlite) return database.sqlite.prepare(sqlite).all(...params);
  if (!database.pool) throw new Error('no raw driver');
  return (await database.pool.query(postgres, params)).rows;
}

/** Hand-written statements in one raw transaction that is rolled back. */
export async function rawRolledBack(
  database: Database,
  statements: { sqlite: string; postgres: string; params: unknown[] }[],
): Promise<void> {
  if (database.sqlite) {
    const sqlite = database.sqlite;
    sqlite.exec('begin');
    try {
      for (const s of statements) {
        const statement = sqlite.prepare(s.sqlite);
        if (statement.reader) statement.all(...s.params);
        else statement.run(...s.params);
      }
    } finally {
      sqlite.exec('rollback');
    }
    return;
  }
  if (!database.pool) throw new Error('no raw driver');
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    for (const s of statements) await client.query(s.postgres, s.params);
  } finally {
    await client.query('rollback');
    client.release();
  }
}

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back: the data set stays as generated. */
export async function rolledBack<T>(
  database: Database,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  try {
    await database.db.transaction().execute(async (trx) => {
      result = await work(trx);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result as T;
}

export async function signIn(app: FastifyInstance, username: string): Promise<{ cookie: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: BENCH_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'lx_session');
  if (!cookie) throw new Error(`bench sign-in failed: ${response.body}`);
  return { cookie: cookie.value };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon over loopback: 10 connections for 10 s, from its own worker thread. */
export async function loadRun(request: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
    connections: 10,
    duration: 10,
    workers: 1,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The app's address on loopback, listening on a free port the first time it is asked. */
export async function listening(app: FastifyInstance): Promise<string> {
  const address = app.server.address();
  if (address && typeof address === 'object') return `http://127.0.0.1:${address.port}`;
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** The data set's towns and villages, and signed-in sessions of the district admin and the first towns' heads. */
export async function benchPlaces(database: Database, app: FastifyInstance, headCount = 5) {
  const codes = async (kind: 'town' | 'village') =>
    (
      await database.db.selectFrom('areas').select('code').where('kind', '=', kind).orderBy('code').execute()
    ).map((a) => a.code);
  const towns = await codes('town');
  const villages = await codes('village');
  const heads = await Promise.all(towns.slice(0, headCount).map((_, i) => signIn(app, `town${i + 1}-head`)));
  return { towns, villages, heads, admin: await signIn(app, 'admin') };
}
