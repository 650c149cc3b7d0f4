import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AnyContract,
  type AreaKind,
  type ContractInput,
  type ContractOutput,
  pathOf,
  queryString,
  type Rank,
  type Role,
  roleUnitKinds,
  type UnitKind,
} from '@lianxin/common';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type Database, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { hashPassword } from '../src/platform/auth/passwords';
import { ManualClock } from '../src/platform/clock';
import { newId } from '../src/platform/ids';

export const TEST_PASSWORD = 'correct-horse-battery';
export const TEST_SECRET_KEY = randomBytes(32).toString('base64');

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new schema in the
 * PostgreSQL database named by TEST_DATABASE_URL.
 */
export type TestDatabase = Database & {
  /** The PostgreSQL schema of this test file; empty on SQLite. */
  schema: string;
  dispose(): Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `t_${newId().replaceAll('-', '').slice(-16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    // A test's schema is dropped after it: a commit need not wait for the disk (a third of the
    // suite's time on PostgreSQL), and a server crash loses nothing a test needs.
    const database = openDatabase({ url, schema, settings: { synchronous_commit: 'off' }, poolSize: 4 });
    await migrateToLatest(database.db);
    return {
      ...database,
      schema,
      dispose: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-test-'));
  const database = openDatabase({ file: path.join(dir, 'test.db') });
  await migrateToLatest(database.db);
  return {
    ...database,
    schema: '',
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' }),
    secretKey: TEST_SECRET_KEY,
    ...overrides,
  };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date('2026-11-22T08:00:00.000Z'));
  const config = testConfig(overrides);
  const app = await buildApp({ database, config, clock, logger: false, webDist: '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

/** The district used by the tests: two towns, each with villages; one village has a group. */
export const AREAS = {
  district: '610902000000',
  townA: '610902001000',
  townB: '610902002000',
  villageA1: '610902001001',
  villageA2: '610902001002',
  villageB1: '610902002001',
  groupA1: '610902001001001',
} as const;

export async function buildArea(
  database: Database,
  area: { code: string; name?: string; kind: AreaKind; parentCode: string | null },
): Promise<void> {
  const now = new Date('2026-01-01T00:00:00.000Z').toISOString();
  await database.db
    .insertInto('areas')
    .values({
      code: area.code,
      name: area.name ?? `区域${area.code.slice(-6)}`,
      kind: area.kind,
      parent_code: area.parentCode,
      extremely_poor: false,
      remote: false,
      hard_to_advance: false,
      disaster_hit: false,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function seedAreas(database: Database): Promise<void> {
  await buildArea(database, { code: AREAS.district, name: '汉滨区', kind: 'district', parentCode: null });
  await buildArea(database, { code: AREAS.townA, name: '关庙镇', kind: 'town', parentCode: AREAS.district });
  await buildArea(database, { code: AREAS.townB, name: '张滩镇', kind: 'town', parentCode: AREAS.district });
  await buildArea(database, {
    code: AREAS.villageA1,
    name: '大同村',
    kind: 'village',
    parentCode: AREAS.townA,
  });
  await buildArea(database, {
    code: AREAS.villageA2,
    name: '石梯村',
    kind: 'village',
    parentCode: AREAS.townA,
  });
  await buildArea(database, {
    code: AREAS.villageB1,
    name: '东坡村',
    kind: 'village',
    parentCode: AREAS.townB,
  });
  await buildArea(database, {
    code: AREAS.groupA1,
    name: '一组',
    kind: 'group',
    parentCode: AREAS.villageA1,
  });
}

/**
 * The random end of a UUIDv7 (48 bits): names made from it stay unique among the thousands of
 * accounts and units a reliability run makes (six hex digits collided within one run).
 */
const randomTail = (id: string) => id.replaceAll('-', '').slice(-12);

let cachedHash: Promise<string> | undefined;

export async function buildUser(
  database: Database,
  user: {
    username?: string;
    role: Role;
    areaCode: string;
    name?: string;
    rank?: Rank;
    disabled?: boolean;
    /** The unit of a unit's role; made at the area when not given (see `buildUnit`). */
    unitId?: string | null;
  },
): Promise<{ id: string; username: string; unitId: string | null }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const username = user.username ?? `${user.role.replaceAll('_', '')}${randomTail(id)}`;
  const now = new Date('2026-01-01T00:00:00.000Z').toISOString();
  const unitKind = roleUnitKinds[user.role]?.[0];
  const unitId =
    user.unitId !== undefined
      ? user.unitId
      : unitKind
        ? await buildUnit(database, { kind: unitKind, areaCode: user.areaCode })
        : null;
  await database.db
    .insertInto('users')
    .values({
      id,
      username,
      name: user.name ?? `测试${user.role}`,
      phone: null,
      role: user.role,
      area_code: user.areaCode,
      unit_id: unitId,
      rank: user.rank ?? null,
      locale: null,
      password_hash: await cachedHash,
      disabled_at: user.disabled ? now : null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, username, unitId };
}

/** A handling unit at an area (a department at the district, a station in a village…). */
export async function buildUnit(
  database: Database,
  unit: { kind: UnitKind; areaCode: string; name?: string; categories?: string[] },
): Promise<string> {
  const id = newId();
  const now = new Date('2026-01-01T00:00:00.000Z').toISOString();
  await database.db
    .insertInto('units')
    .values({
      id,
      kind: unit.kind,
      name: unit.name ?? `测试单位${randomTail(id)}`,
      area_code: unit.areaCode,
      parent_id: null,
      phone: null,
      address: null,
      working_hours: null,
      active: true,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  for (const code of unit.categories ?? []) {
    await database.db.insertInto('unit_categories').values({ unit_id: id, category_code: code }).execute();
  }
  return id;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Calls the endpoint a contract declares, as this session's caller. */
  call<C extends AnyContract>(
    contract: C,
    input: ContractInput<C>,
    headers?: Record<string, string>,
  ): Promise<CallResult<C>>;
}

/** An answer to a contract call: its status, and its body read as the contract says. */
export interface CallResult<C extends AnyContract> {
  statusCode: number;
  response: LightMyRequestResponse;
  /** The success answer, checked against the contract's response schema; throws on any other status. */
  readonly data: ContractOutput<C>;
  /** The error answer (code, message, field details); throws on a success. */
  readonly error: { code: string; message: string; details?: { path: string; message: string }[] };
}

type Request = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

function urlOf(contract: AnyContract, input: { params?: unknown; query?: unknown }): string {
  return `/api/v1${pathOf(contract, input.params)}${queryString(input.query)}`;
}

async function callWith<C extends AnyContract>(
  request: Request,
  contract: C,
  input: ContractInput<C>,
  headers?: Record<string, string>,
): Promise<CallResult<C>> {
  const response = await request(contract.method, urlOf(contract, input), input.body, headers);
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  const describe = () =>
    `${contract.method} ${contract.path} answered ${response.statusCode}: ${response.body.slice(0, 500)}`;
  return {
    statusCode: response.statusCode,
    response,
    get data() {
      if (!ok) throw new Error(describe());
      if (contract.response === undefined) return undefined as ContractOutput<C>;
      const parsed = contract.response.safeParse(response.json());
      if (!parsed.success) throw new Error(`${describe()}\n${parsed.error.message}`);
      return parsed.data as ContractOutput<C>;
    },
    get error() {
      if (ok) throw new Error(`expected an error: ${describe()}`);
      return (response.json() as { error: CallResult<C>['error'] }).error;
    },
  };
}

/** Calls without signing in, as a resident on the public pages does. */
export function anonymous(app: FastifyInstance) {
  const request: Request = (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    request,
    call: <C extends AnyContract>(contract: C, input: ContractInput<C>, headers?: Record<string, string>) =>
      callWith(request, contract, input, headers),
  };
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'lx_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const request: Request = (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      cookies: { lx_session: cookie.value },
      headers: { 'x-csrf-token': csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie: cookie.value,
    csrfToken,
    request,
    call: (contract, input, headers) => callWith(request, contract, input, headers),
  };
}

/** Calls as a system with an `Authorization: Bearer` key (an integration's `lxi_…`): no cookie, no CSRF. */
export function bearerSession(app: FastifyInstance, key: string): Session {
  const request: Request = (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${key}`, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie: '',
    csrfToken: '',
    request,
    call: (contract, input, headers) => callWith(request, contract, input, headers),
  };
}

/** A new account of `role` at `areaCode`, signed in. */
export async function signInAs(t: TestContext, role: Role, areaCode: string): Promise<Session> {
  return login(t.app, (await buildUser(t.database, { role, areaCode })).username);
}

/**
 * Runs a script of `test/fixtures/` in its own process on this test file's database, and waits
 * until it prints a line matching `ready` (so a test can then SIGKILL it at a known point).
 */
export async function spawnFixture(
  database: TestDatabase,
  fixture: string,
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve(import.meta.dirname, 'fixtures', fixture)],
    {
      env: {
        ...process.env,
        LIANXIN_TEST_SQLITE: database.sqlite?.name ?? '',
        LIANXIN_TEST_SCHEMA: database.schema,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const found = ready.exec(chunk.toString());
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`${fixture} exited early with ${code}`)));
  });
  return { child, match };
}
