import {
  type ErrorCode,
  errorCodes,
  errorStatus,
  importColumns,
  rolePermissions,
  tokensApi,
} from '@lianxin/common';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_ROUTES } from '../src/platform/auth/auth.hooks';
import type { RouteEntry } from '../src/platform/context';
import { buildTarget, createMatrixWorld, type MatrixWorld } from '../test/access-matrix';
import { AREAS, createTestApp, type Session, signInAs } from '../test/harness';
import {
  isPublicRoute,
  missingProbeMessage,
  NOT_YET_PROBED,
  type Probe,
  probeCoverageProblems,
  ROUTE_PROBES,
  routeKey,
  type Target,
} from '../test/route-probes';
import { applyPlan, bodyPlans, type JsonSchema, serialize } from './bodies';

// Runs per route; RELIABILITY_FUZZ_SEED replays a failure fast-check reported.
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 100);
const SEED = process.env.RELIABILITY_FUZZ_SEED ? Number(process.env.RELIABILITY_FUZZ_SEED) : undefined;
// A fresh target (household, account) every so many runs, so that earlier runs' effects (a
// household grown to its member limit, a disabled account) do not stop later runs going deep.
const RUNS_PER_TARGET = 25;
// Answers given before the request reaches the service.
const SHALLOW = ['VALIDATION_FAILED', 'INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

// The fuzz signs in with wrong passwords a hundred times: the throttle would then lock out the
// accounts the later routes sign in with, whatever order the routes run in.
const t = await createTestApp({ loginThrottle: { perAccount: 1_000_000, perIp: 1_000_000, minutes: 15 } });
const isMutating = (route: RouteEntry) =>
  ['POST', 'PUT', 'PATCH'].includes(route.method) && route.url.startsWith('/api/v1/');
const mutating = t.app.ctx.routes.filter(isMutating);

interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}
const openapi = t.app.swagger() as unknown as OpenApi;
const resolve = (ref: string): JsonSchema => openapi.components?.schemas?.[ref.split('/').pop() ?? ''] ?? {};

/** The JSON body schema the route declares, as published in the OpenAPI document. */
function bodySchemaOf(route: RouteEntry): JsonSchema | null {
  const path = route.url.replace(/:(\w+)/g, '{$1}');
  const operation = (openapi.paths[path] ?? openapi.paths[`${path}/`])?.[route.method.toLowerCase()];
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  return schema && Object.keys(schema).length > 0 ? schema : null;
}

/** Who a fuzzed request comes from: a signed-in session, an API token, or nobody (the public pages). */
type Bearer = { bearer: string };
type Caller = Session | Bearer | null;

/** A bad request is answered with a 4xx in the error catalogue's shape, never a 5xx. */
function expectStructured(key: string, sent: string, response: LightMyRequestResponse) {
  const where = `${key} answered ${response.statusCode} to ${sent.slice(0, 300)}: ${response.body.slice(0, 500)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode < 400) return;
  let body: { error?: { code?: unknown; message?: unknown } } = {};
  try {
    body = JSON.parse(response.body) as typeof body;
  } catch {
    expect.fail(`${where}: not JSON`);
  }
  const code = body.error?.code;
  expect(errorCodes, where).toContain(code);
  expect(errorStatus(code as ErrorCode), where).toBe(response.statusCode);
  expect(typeof body.error?.message === 'string' && body.error.message.length > 0, where).toBe(true);
}

// Rosters arrive as raw files: bytes, CSV text with the real headers, and damaged workbooks.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const oddCells = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e',
  '=cmd|"/c calc"!A1',
  '"',
  '',
  ' ',
  '𠀀'.repeat(200),
];
const rosterCell = fc.oneof(
  fc.constantFrom(
    AREAS.villageA1,
    AREAS.groupA1,
    '户主',
    '配偶',
    '50000',
    '-1',
    '1e9',
    '是',
    '=1+1',
    ...oddCells,
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const rosterCsv = fc
  .tuple(
    fc.shuffledSubarray(
      importColumns.map((c) => c.header),
      { minLength: 1 },
    ),
    fc.array(fc.array(rosterCell, { maxLength: 14 }), { maxLength: 30 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([headers, rows, separator, newline]) =>
    [headers, ...rows].map((cells) => cells.join(separator)).join(newline),
  );

// Rosters that pass their check but for one cell: these go on to be committed.
const nearlyValidRoster = fc
  .tuple(
    fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.nat(200_000)), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.constantFrom('户号', '姓名', '地址', '主要收入来源', '家庭年收入'),
    fc.oneof(fc.constantFrom(...oddCells), fc.string({ unit: 'binary', maxLength: 30 })),
  )
  .map(([rows, column, odd]) => {
    const headers = ['村/社区', '户号', '姓名', '与户主关系', '地址', '主要收入来源', '家庭年收入'];
    const at = headers.indexOf(column);
    const lines = rows.map(([name, income], i) => {
      const cells = [AREAS.villageA1, `Z${i}${name.length}`, name, '户主', '大同村', '务农', String(income)];
      if (i === 0) cells[at] = odd;
      return cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
    });
    return [headers.join(','), ...lines].join('\n');
  });

function rosterFiles(template: Buffer) {
  return fc.record({
    contentType: fc.constantFrom('text/csv', 'application/octet-stream', XLSX),
    fileName: fc.oneof(
      fc.constantFrom('名册.xlsx', '名册.csv'),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
    ),
    body: fc.oneof(
      fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
      rosterCsv.map((text) => Buffer.from(text)),
      nearlyValidRoster.map((text) => Buffer.from(text)),
      fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 }).map((flips) => {
        const damaged = Buffer.from(template);
        for (const [at, byte] of flips) damaged[at % damaged.length] = byte;
        return damaged;
      }),
      fc.nat(template.length).map((length) => template.subarray(0, length)),
    ),
  });
}

describe('fuzz: every POST, PUT and PATCH route answers bad bodies with a structured 4xx, never a 5xx', () => {
  let world: MatrixWorld;
  let template: Buffer;
  /** The administrator's API token listing every permission of the role: the token path, fuzzed. */
  let adminToken: Bearer;
  beforeAll(async () => {
    world = await createMatrixWorld(t);
    template = (await world.admin.request('GET', '/api/v1/household-imports/template')).rawPayload;
    const created = await world.admin.call(tokensApi.create, {
      body: {
        name: '模糊测试',
        expiresInDays: 30,
        scope: { kind: 'permissions', permissions: [...rolePermissions.district_admin] },
      },
    });
    adminToken = { bearer: created.data.token };
  });
  afterAll(() => t.close());

  const send = (caller: Caller, options: InjectOptions) =>
    t.app.inject({
      ...options,
      ...(caller === null
        ? {}
        : 'bearer' in caller
          ? { headers: { ...options.headers, authorization: `Bearer ${caller.bearer}` } }
          : {
              cookies: { lx_session: caller.cookie },
              headers: { ...options.headers, 'x-csrf-token': caller.csrfToken },
            }),
    });

  /** Background work the request queued (a roster check, a re-tier) runs, and fails on nothing. */
  async function expectJobsHealthy(key: string, sent: string) {
    await t.app.ctx.jobs.drain();
    const failed = await t.database.db
      .selectFrom('jobs')
      .select(['kind', 'last_error'])
      .where('last_error', 'is not', null)
      .execute();
    expect(failed, `${key}: a job failed after ${sent.slice(0, 300)}`).toEqual([]);
  }

  /** What a fuzzed request leads to is tried too: a roster that passes its check is committed. */
  const followUps: Record<
    string,
    (caller: Caller, response: LightMyRequestResponse) => Promise<LightMyRequestResponse | null>
  > = {
    'POST /api/v1/household-imports': async (caller, response) => {
      if (response.statusCode !== 202) return null;
      const { id } = response.json() as { id: string };
      const checked = await send(caller, { method: 'GET', url: `/api/v1/household-imports/${id}` });
      if ((checked.json() as { status: string }).status !== 'ready') return null;
      return send(caller, { method: 'POST', url: `/api/v1/household-imports/${id}/commit` });
    },
  };

  it('can fuzz every mutating route: each one with path parameters has a probe', () => {
    const needsProbe = (route: RouteEntry) => isMutating(route) && route.url.includes(':');
    expect(probeCoverageProblems(t.app, needsProbe)).toEqual([]);
  });

  it.for(mutating.map((route) => ({ ...route, key: routeKey(route) })))('$key', async (route, context) => {
    const { key } = route;
    const build = ROUTE_PROBES[key];
    // Without a probe, a route with no path parameters is still fuzzed, from an empty example.
    if (!build && route.url.includes(':')) {
      if (NOT_YET_PROBED.includes(key)) return context.skip(`${key} is not yet probed`);
      throw new Error(missingProbeMessage(key));
    }
    const schema = bodySchemaOf(route);

    // Who calls: nobody on the public pages, an account of its own on "my account" routes, and
    // otherwise the district administrator, who holds every permission.
    const ownAccount = route.permission === 'authenticated';
    const freshAccount = () => signInAs(t, 'district_staff', AREAS.district);
    let session: Session | null = isPublicRoute(route)
      ? null
      : ownAccount
        ? await freshAccount()
        : world.admin;
    const freshTarget = async (): Promise<Target> => {
      const target = await buildTarget(t, world, 'district_admin', 'own');
      if (!target) throw new Error('no own target');
      const created = await world.admin.request('POST', '/api/v1/households', {
        areaCode: target.village,
        number: `F${Math.random().toString(36).slice(2, 10)}`,
        members: [{ name: '户主', relation: 'head' }],
      });
      const household = created.json() as { id: string; members: { id: string }[] };
      return { ...target, household: { id: household.id, residentId: household.members[0]?.id ?? '' } };
    };
    let target = await freshTarget();
    let runs = 0;
    // Every other run of a route the administrator's token may call goes through the token: its
    // authentication and scope check meet the same hostile bodies as a session does.
    const tokenMay = session === world.admin && !CREDENTIAL_ROUTES.has(key);
    const caller = (): Caller => (tokenMay && runs % 2 === 1 ? adminToken : session);
    const probe = async (): Promise<Probe> => {
      if (++runs % RUNS_PER_TARGET === 0) target = await freshTarget();
      return build ? build(t, target) : { url: route.url, body: {} };
    };
    const afterRun = async (sent: string, response: LightMyRequestResponse, by: Caller = session) => {
      expectStructured(key, sent, response);
      await expectJobsHealthy(key, sent);
      const next = await followUps[key]?.(by, response);
      if (next) {
        expectStructured(`${key} (what it led to)`, sent, next);
        await expectJobsHealthy(key, sent);
      }
      // A successful sign-out or password change ends the session: carry on with a new account.
      if (ownAccount && response.statusCode < 300) {
        const me = await send(session, { method: 'GET', url: '/api/v1/auth/me' });
        if (me.statusCode !== 200) session = await freshAccount();
      }
    };

    // The probe's own request first: it must reach the service, or the fuzz would only ever test
    // the validation in front of it.
    const example = await probe();
    const raw = Buffer.isBuffer(example.body);
    const examplePayload = raw ? (example.body as Buffer) : serialize(example.body);
    const answer = await send(session, {
      method: route.method as 'POST',
      url: example.url,
      ...(examplePayload === undefined
        ? {}
        : { payload: examplePayload, headers: { 'content-type': 'application/json', ...example.headers } }),
    });
    const refused = answer.statusCode >= 400 ? (answer.json() as { error: { code: string } }).error.code : '';
    if (build)
      expect(SHALLOW, `${key}: the probe's own request is refused: ${answer.body}`).not.toContain(refused);
    await afterRun(examplePayload?.toString() ?? '(no body)', answer);

    if (raw) {
      await fc.assert(
        fc.asyncProperty(rosterFiles(template), async (file) => {
          const { url } = await probe();
          const by = caller();
          const sent = `${file.contentType}, ${file.body.length} bytes: ${JSON.stringify(file.body.subarray(0, 200).toString())}`;
          const response = await send(by, {
            method: route.method as 'POST',
            url: `${url.split('?')[0]}?fileName=${encodeURIComponent(file.fileName)}`,
            headers: { 'content-type': file.contentType },
            payload: file.body,
          });
          await afterRun(sent, response, by);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    } else {
      await fc.assert(
        fc.asyncProperty(bodyPlans(schema, resolve), async (plan) => {
          const { url, body: base } = await probe();
          const body = applyPlan(base, plan, schema, resolve);
          const payload = serialize(body);
          const by = caller();
          const response = await send(by, {
            method: route.method as 'POST',
            url,
            ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }),
          });
          await afterRun(payload ?? '(no body)', response, by);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
  });
});
