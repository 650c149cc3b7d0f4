import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { signProof } from '../../server/src/platform/verification/proof';
import { benchClock, benchSecrets, SEED } from './dataset';
import { generateProxyRequests } from './generate-proxy-requests';
import {
  type LoadResult,
  listening,
  loadRun,
  type Metric,
  median,
  metric,
  percentile,
  raw,
  signIn,
  time,
} from './measure';

const COUNT = 100_000;

/** Forgets what a load stored: the requests (and their rows) made at the bench's fixed instant. */
async function removeStored(database: Database, kind: 'proxy' | 'appeal', at: string): Promise<number> {
  const db = database.db;
  if (kind === 'proxy') {
    const ids = (
      await db
        .selectFrom('proxy_requests')
        .select('id')
        .where('channel', '=', 'public')
        .where('created_at', '=', at)
        .execute()
    ).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await db.deleteFrom('proxy_request_events').where('request_id', 'in', part).execute();
      await db.deleteFrom('proxy_request_materials').where('request_id', 'in', part).execute();
      await db.deleteFrom('proxy_requests').where('id', 'in', part).execute();
    }
    await db.deleteFrom('public_submissions').where('at', '=', at).execute();
    return ids.length;
  }
  await db.deleteFrom('notifications').execute();
  const ids = (
    await db
      .selectFrom('appeals')
      .select('id')
      .where('channel', '=', 'public_page')
      .where('received_at', '=', at)
      .where('source_kind', 'is', null)
      .execute()
  ).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    await db.deleteFrom('appeal_events').where('appeal_id', 'in', part).execute();
    await db.deleteFrom('appeals').where('id', 'in', part).execute();
  }
  await db.deleteFrom('public_submissions').where('at', '=', at).execute();
  return ids.length;
}

/**
 * 代办's budgets (issue 20): the agent's queue (`GET /api/v1/proxy-requests?mine=true`, due first,
 * 20 a page) p95 ≤ 25 ms among 100,000 requests over three years, beside the same query by hand on
 * the raw driver; the public request's throughput (`POST /api/v1/public/proxy-requests` with a phone
 * proof) within 20 % of the public appeal's, both under the same load taking turns.
 */
export async function servicesRequestsBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const db = database.db;
  const out: Record<string, Metric> = {};
  const have = await db
    .selectFrom('proxy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(have.n) < COUNT) {
    const started = Date.now();
    log(`generating ${COUNT} proxy requests on ${engine} …`);
    await generateProxyRequests(db, {
      count: COUNT,
      seed: SEED,
      clock: benchClock,
      secrets: benchSecrets,
      progress: (l) => log(`  ${l}`),
    });
    log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const agent = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'like', 'bench-proxy-agent%')
    .orderBy('username')
    .executeTakeFirstOrThrow();
  const mine = await db
    .selectFrom('proxy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agent.id)
    .executeTakeFirstOrThrow();

  // The agent's queue: their requests, due first, a page of 20.
  const { cookie } = await signIn(app, agent.username);
  const page = `select r.*, i.name as item_name, a.name as village_name, s.name as station_name, u.name as unit_name, g.name as agent_name
    from proxy_requests r join service_items i on i.id = r.item_id join areas a on a.code = r.area_code
    join units s on s.id = r.station_id join units u on u.id = r.unit_id left join users g on g.id = r.agent_id
    where r.agent_id = $1 order by r.due_at, r.id limit 21`;
  const p95s: number[] = [];
  const rawP95s: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      times.push(
        await time(async () => {
          const response = await app.inject({
            method: 'GET',
            url: '/api/v1/proxy-requests?mine=true',
            cookies: { lx_session: cookie },
          });
          if (response.statusCode !== 200) throw new Error(`queue: ${response.statusCode} ${response.body}`);
        }),
      );
      rawTimes.push(await time(() => raw(database, page.replaceAll(/\$\d/g, '?'), page, [agent.id])));
    }
    p95s.push(percentile(times, 95));
    rawP95s.push(percentile(rawTimes, 95));
  }
  log(
    `  agent queue p95 ${median(p95s).toFixed(2)} ms (raw ${median(rawP95s).toFixed(2)} ms), ${mine.n} of the agent's among ${COUNT}`,
  );
  out['services.proxy_queue.p95_ms'] = metric(
    engine,
    Number(median(p95s).toFixed(2)),
    'ms',
    { value: 25, kind: 'max' },
    { value: Number(median(rawP95s).toFixed(2)), what: 'the page query by hand on the raw driver' },
    runs,
  );

  // Public submissions: the appeal's and the proxy request's, the same load, taking turns.
  if (engine !== 'sqlite' && process.env.BENCH_LOAD_POSTGRES !== 'true') return out;
  const village = await db
    .selectFrom('proxy_requests')
    .select('area_code')
    .where('channel', '=', 'public')
    .executeTakeFirstOrThrow();
  const item = await db
    .selectFrom('service_items')
    .select('id')
    .where('proxy_allowed', '=', true)
    .executeTakeFirstOrThrow();
  const address = await listening(app);
  const now = app.ctx.clock.now().toISOString();
  const proof = signProof(app.ctx.secrets, {
    phone: '13900001234',
    purpose: 'proxy_request',
    expiresAt: new Date(app.ctx.clock.now().getTime() + 86_400_000),
  });
  const category = await db
    .selectFrom('appeal_categories')
    .select('code')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  const appealLoad = {
    url: `${address}/api/v1/public/appeals`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      villageCode: village.area_code.slice(0, 12),
      categoryCode: category.code,
      title: '养老金没到账',
      description: '上个月的养老金一直没到账，想问问怎么回事。',
      phone: '13900001234',
    }),
  };
  const proxyLoad = {
    url: `${address}/api/v1/public/proxy-requests`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      itemId: item.id,
      villageCode: village.area_code.slice(0, 12),
      name: '刘秀英',
      proof,
      description: '老人腿脚不便，请代办员上门收材料',
    }),
  };
  const first = await app.inject({
    method: 'POST',
    url: '/api/v1/public/proxy-requests',
    headers: proxyLoad.headers,
    payload: proxyLoad.body,
  });
  if (first.statusCode !== 201)
    throw new Error(`public proxy request refused: ${first.statusCode} ${first.body}`);
  const appealRuns: LoadResult[] = [];
  const proxyRuns: LoadResult[] = [];
  const stored = { appeal: 0, proxy: 0 };
  for (let r = 0; r < Math.min(runs, 3); r++) {
    appealRuns.push(await loadRun(appealLoad));
    stored.appeal += await removeStored(database, 'appeal', now);
    proxyRuns.push(await loadRun(proxyLoad));
    stored.proxy += await removeStored(database, 'proxy', now);
  }
  const rps = (results: LoadResult[]) => median(results.map((x) => x.rps));
  const refused = (results: LoadResult[]) => results.reduce((n, x) => n + x.non2xx + x.errors, 0);
  log(
    `  public proxy request ${rps(proxyRuns)} req/s (${stored.proxy} stored, ${refused(proxyRuns)} refused); public appeal ${rps(appealRuns)} req/s (${stored.appeal} stored, ${refused(appealRuns)} refused); runs ${proxyRuns.map((x) => x.rps).join(', ')} against ${appealRuns.map((x) => x.rps).join(', ')}`,
  );
  out['services.public_proxy_request.req_per_s'] = metric(
    engine,
    rps(proxyRuns),
    'req/s',
    { value: Math.round(rps(appealRuns) * 0.8), kind: 'min' },
    {
      value: rps(appealRuns),
      what: 'the public appeal submission (POST /api/v1/public/appeals), same load, taking turns',
    },
    proxyRuns.length,
  );
  return out;
}
