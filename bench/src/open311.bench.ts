import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { benchClock } from './dataset';
import { BENCH_PASSWORD } from './generate';
import { benchPlaces, type LoadResult, listening, loadRun, type Metric, median, metric } from './measure';

/** An integration of the district with a key, made as an administrator makes one in the console. */
async function districtKey(app: FastifyInstance, districtCode: string): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: BENCH_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'lx_session')?.value ?? '';
  const headers = { 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  const made = await app.inject({
    method: 'POST',
    url: '/api/v1/integrations',
    cookies: { lx_session: cookie },
    headers,
    payload: {
      name: `市民通 App（压测 ${Date.now()}）`,
      areaCode: districtCode,
      scopes: ['appeals.create', 'appeals.read'],
      // The most an integration may have: 10,000 a minute, a burst larger than the run sends.
      rateLimitPerMinute: 10_000,
    },
  });
  const { id } = made.json() as { id: string };
  const key = await app.inject({
    method: 'POST',
    url: `/api/v1/integrations/${id}/keys`,
    cookies: { lx_session: cookie },
    headers,
    payload: {},
  });
  return (key.json() as { secret: string }).secret;
}

/** Takes out the appeals a load run stored, so that the data set stays as generated. */
async function removeStored(database: Database, sourceKind: 'open311' | null, receivedAt: string) {
  await database.db.deleteFrom('notifications').execute();
  let query = database.db
    .selectFrom('appeals')
    .select('id')
    .where('channel', '=', 'public_page')
    .where('received_at', '=', receivedAt);
  query = sourceKind ? query.where('source_kind', '=', sourceKind) : query.where('source_kind', 'is', null);
  const made = await query.execute();
  for (let i = 0; i < made.length; i += 500) {
    const ids = made.slice(i, i + 500).map((m) => m.id);
    await database.db.deleteFrom('open311_requests').where('appeal_id', 'in', ids).execute();
    await database.db.deleteFrom('appeal_events').where('appeal_id', 'in', ids).execute();
    await database.db.deleteFrom('appeals').where('id', 'in', ids).execute();
  }
  await database.db.deleteFrom('public_submissions').where('at', '=', receivedAt).execute();
  return made.length;
}

/**
 * Open311's budget (issue: departments and dispatch, item 8): `POST requests.json` at least the
 * public submission's throughput within 20 %, both measured in this run under the same load
 * (autocannon, 10 connections, 10 s, up to three turns each, medians) with every request stored.
 */
export async function open311Bench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const out: Record<string, Metric> = {};
  if (engine !== 'sqlite' && process.env.BENCH_LOAD_POSTGRES !== 'true') return out;
  const { villages } = await benchPlaces(database, app, 0);
  const district = await database.db
    .selectFrom('areas')
    .select('code')
    .where('kind', '=', 'district')
    .executeTakeFirstOrThrow();
  const villageCode = villages[0] ?? '';
  const now = benchClock.now().toISOString();
  const address = await listening(app);
  const description = '垃圾池满了好几天没人清运，天气热了有异味。';

  const publicLoad = {
    url: `${address}/api/v1/public/appeals`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      villageCode,
      categoryCode: 'environment',
      title: '垃圾清运不及时',
      description,
      phone: '13900001234',
    }),
  };
  const key = await districtKey(app, district.code);
  const open311Load = {
    url: `${address}/open311/v2/requests.json`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: key,
      service_code: 'environment',
      'attribute[village]': villageCode,
      address_string: '村委会旁边的垃圾池',
      description,
      phone: '13900001234',
      device_id: 'bench',
    }).toString(),
  };
  // One request first: the load must measure stored requests, not refusals.
  const first = await app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: open311Load.headers,
    payload: open311Load.body,
  });
  if (first.statusCode !== 201) throw new Error(`Open311 request refused: ${first.statusCode} ${first.body}`);

  // The two loads take turns, so that whatever else the machine does weighs on both alike.
  const publicRuns: LoadResult[] = [];
  const open311Runs: LoadResult[] = [];
  let stored = { public: 0, open311: 0 };
  for (let r = 0; r < Math.min(runs, 3); r++) {
    publicRuns.push(await loadRun(publicLoad));
    stored = { ...stored, public: stored.public + (await removeStored(database, null, now)) };
    open311Runs.push(await loadRun(open311Load));
    stored = { ...stored, open311: stored.open311 + (await removeStored(database, 'open311', now)) };
  }
  const rps = (results: LoadResult[]) => median(results.map((x) => x.rps));
  const p99 = (results: LoadResult[]) => median(results.map((x) => x.p99));
  const refused = (results: LoadResult[]) => results.reduce((n, x) => n + x.non2xx + x.errors, 0);
  log(
    `  Open311 POST requests.json ${rps(open311Runs)} req/s, p99 ${p99(open311Runs)} ms (${stored.open311} stored, ${refused(open311Runs)} refused or failed); public submission ${rps(publicRuns)} req/s, p99 ${p99(publicRuns)} ms (${stored.public} stored, ${refused(publicRuns)} refused or failed); runs ${open311Runs.map((x) => x.rps).join(', ')} against ${publicRuns.map((x) => x.rps).join(', ')}`,
  );
  out['open311.create_request.req_per_s'] = metric(
    engine,
    rps(open311Runs),
    'req/s',
    // Within 20 % of the public submission's throughput, measured in the same run.
    { value: Math.round(rps(publicRuns) * 0.8), kind: 'min' },
    {
      value: rps(publicRuns),
      what: 'the public submission (POST /api/v1/public/appeals), same load, taking turns',
    },
    open311Runs.length,
  );
  out['open311.create_request.p99_ms'] = metric(
    engine,
    p99(open311Runs),
    'ms',
    null,
    { value: p99(publicRuns), what: 'the public submission' },
    open311Runs.length,
  );
  return out;
}
