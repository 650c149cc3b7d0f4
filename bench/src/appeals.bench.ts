import { openAppealStatuses } from '@lianxin/common';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { sweepAppeals } from '../../server/src/modules/appeals/sweep/sweep';
import { benchClock } from './dataset';
import {
  benchPlaces,
  listening,
  loadRun,
  type Metric,
  median,
  metric,
  percentile,
  raw,
  rawRolledBack,
  rolledBack,
  time,
} from './measure';

const open = [...openAppealStatuses];

/** `$1`, `$2` … for each placeholder, as PostgreSQL numbers them. */
function numbered(text: string): string {
  let n = 0;
  return text.replaceAll('NOW_PARAM', () => `$${++n}`);
}

/** The appeals budgets (issue: appeals and the three-level problem repository). */
export async function appealsBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const out: Record<string, Metric> = {};
  const { towns, villages, heads, admin } = await benchPlaces(database, app);
  const now = benchClock.now().toISOString();

  // 1. The queue page: a town head's open appeals at town level, and the district's all-levels queue.
  const queue: number[] = [];
  const queueRaw: number[] = [];
  const similar: number[] = [];
  const similarRaw: number[] = [];
  const openList = open.map((s) => `'${s}'`).join(', ');
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = i % heads.length;
      const town = towns[t] ?? '';
      const prefix = town.slice(0, 9);
      const upper = `${prefix.slice(0, 8)}${Number(prefix.slice(8)) + 1}`;
      const district = i % 4 === 3;
      const url = district
        ? '/api/v1/appeals?status=open&limit=20'
        : '/api/v1/appeals?level=town&status=open&limit=20';
      const cookie = district ? admin.cookie : (heads[t]?.cookie ?? '');
      times.push(
        await time(async () => {
          const response = await app.inject({ method: 'GET', url, cookies: { lx_session: cookie } });
          if (response.statusCode !== 200) throw new Error(`queue: ${response.statusCode} ${response.body}`);
        }),
      );
      const select = `select a.*, v.name as village_name, u.name as handler_name from appeals a
        join areas v on v.code = a.village_code left join users u on u.id = a.handler_id`;
      rawTimes.push(
        await time(() =>
          district
            ? raw(
                database,
                `${select} where a.village_code >= '610902' and a.village_code < '610903' and a.status in (${openList})
                 order by a.received_at desc, a.id desc limit 21`,
                `${select} where a.village_code >= '610902' and a.village_code < '610903' and a.status in (${openList})
                 order by a.received_at desc, a.id desc limit 21`,
                [],
              )
            : raw(
                database,
                `${select} where a.village_code >= ? and a.village_code < ? and a.level = 'town' and a.status in (${openList})
                 order by a.received_at desc, a.id desc limit 21`,
                `${select} where a.village_code >= $1 and a.village_code < $2 and a.level = 'town' and a.status in (${openList})
                 order by a.received_at desc, a.id desc limit 21`,
                [prefix, upper],
              ),
        ),
      );
    }
    queue.push(percentile(times, 95));
    queueRaw.push(percentile(rawTimes, 95));

    // 2. Duplicate suggestion for a new appeal in a village and category.
    const sim: number[] = [];
    const simRaw: number[] = [];
    const since = new Date(benchClock.now().getTime() - 30 * 86_400_000).toISOString();
    for (let i = 0; i < 100; i++) {
      const village = villages[(r * 100 + i * 7) % villages.length] ?? '';
      const text = encodeURIComponent('村道坑洼难行，雨天积水，出行不便');
      sim.push(
        await time(async () => {
          const response = await app.inject({
            method: 'GET',
            url: `/api/v1/appeals/similar?villageCode=${village}&categoryCode=roads_water&text=${text}`,
            cookies: { lx_session: admin.cookie },
          });
          if (response.statusCode !== 200)
            throw new Error(`similar: ${response.statusCode} ${response.body}`);
        }),
      );
      simRaw.push(
        await time(() =>
          raw(
            database,
            `select id, tracking_code, title, description, status, received_at from appeals where village_code = ? and category_code = ?
             and received_at >= ? and status in (${openList}, 'resolved') order by received_at desc limit 500`,
            `select id, tracking_code, title, description, status, received_at from appeals where village_code = $1 and category_code = $2
             and received_at >= $3 and status in (${openList}, 'resolved') order by received_at desc limit 500`,
            [village, 'roads_water', since],
          ),
        ),
      );
    }
    similar.push(percentile(sim, 95));
    similarRaw.push(percentile(simRaw, 95));
  }
  out['appeals.queue.p95_ms'] = metric(
    engine,
    median(queue),
    'ms',
    { value: 25, kind: 'max' },
    { value: median(queueRaw), what: 'the same page query, hand-written, on the raw driver' },
    runs,
  );
  out['appeals.similar.p95_ms'] = metric(
    engine,
    median(similar),
    'ms',
    { value: 50, kind: 'max' },
    { value: median(similarRaw), what: 'the candidate query alone on the raw driver (no text comparison)' },
    runs,
  );
  log(`  queue p95 ${median(queue).toFixed(2)} ms, similar p95 ${median(similar).toFixed(2)} ms`);

  // 3. The overdue sweep over the whole table, in a transaction that is rolled back.
  const sweeps: number[] = [];
  const sweepRaw: number[] = [];
  let escalated = 0;
  for (let r = 0; r < runs; r++) {
    sweeps.push(
      await time(() =>
        rolledBack(database, async (trx) => {
          const result = await sweepAppeals(database.db, benchClock, (work) => work(trx));
          escalated = result.escalated;
        }),
      ),
    );
    const statements = (['town', 'district'] as const).map((to) => {
      const digits = to === 'town' ? 9 : 6;
      const text = `update appeals set level = '${to}', holder_area_code = substr(village_code, 1, ${digits}) || '${'0'.repeat(12 - digits)}',
        handler_id = null, status = 'received', version = version + 1, updated_at = NOW_PARAM
        where status in (${openList}) and resolution_due_at < NOW_PARAM and level = '${to === 'town' ? 'village' : 'town'}'`;
      return { sqlite: text.replaceAll('NOW_PARAM', '?'), postgres: numbered(text), params: [now, now] };
    });
    const warn = (column: string) => {
      const text = `update appeals set ${column} = null where ${column} < NOW_PARAM and status in (${openList})`;
      return { sqlite: text.replaceAll('NOW_PARAM', '?'), postgres: numbered(text), params: [now] };
    };
    sweepRaw.push(
      await time(() =>
        rawRolledBack(database, [...statements, warn('response_warn_at'), warn('resolution_warn_at')]),
      ),
    );
  }
  out['appeals.sweep.ms'] = metric(
    engine,
    median(sweeps),
    'ms',
    { value: 2000, kind: 'max' },
    {
      value: median(sweepRaw),
      what: 'the escalation and warning updates as four set-based statements, no timeline or notices',
    },
    runs,
  );
  log(`  sweep ${median(sweeps).toFixed(0)} ms (escalates ${escalated} overdue appeals)`);

  // 4. Public submissions under load (SQLite budget), against a bare Fastify route.
  if (engine === 'sqlite' || process.env.BENCH_LOAD_POSTGRES === 'true') {
    const villageCode = villages[0] ?? '';
    const body = JSON.stringify({
      villageCode,
      categoryCode: 'environment',
      title: '垃圾清运不及时',
      description: '垃圾池满了好几天没人清运，天气热了有异味。',
      phone: '13900001234',
    });
    const address = await listening(app);
    const bare = Fastify();
    bare.post('/api/v1/public/appeals', async (_request, reply) =>
      reply.status(201).send({ trackingCode: 'X' }),
    );
    const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
    const load = (url: string) =>
      loadRun({
        url: `${url}/api/v1/public/appeals`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const before = await database.db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const measured = await load(address);
    const baseline = await load(bareAddress);
    const after = await database.db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The submissions are real rows: take them out again so the data set stays as generated.
    await database.db.deleteFrom('notifications').execute();
    const made = await database.db
      .selectFrom('appeals')
      .select('id')
      .where('channel', '=', 'public_page')
      .where('received_at', '=', now)
      .execute();
    for (let i = 0; i < made.length; i += 500) {
      const ids = made.slice(i, i + 500).map((m) => m.id);
      await database.db.deleteFrom('appeal_events').where('appeal_id', 'in', ids).execute();
      await database.db.deleteFrom('appeals').where('id', 'in', ids).execute();
    }
    await bare.close();
    log(
      `  public submissions ${measured.rps} req/s, p99 ${measured.p99} ms (${Number(after.n) - Number(before.n)} stored, ${measured.non2xx} non-2xx, ${measured.errors} errors); bare route ${baseline.rps} req/s`,
    );
    out['appeals.public_submit.req_per_s'] = metric(
      engine,
      measured.rps,
      'req/s',
      // The budget is named for SQLite; PostgreSQL is measured for the record.
      engine === 'sqlite' ? { value: 500, kind: 'min' } : null,
      { value: baseline.rps, what: 'a bare Fastify route answering 201, same body, same load' },
      1,
    );
    out['appeals.public_submit.p99_ms'] = metric(
      engine,
      measured.p99,
      'ms',
      engine === 'sqlite' ? { value: 100, kind: 'max' } : null,
      { value: baseline.p99, what: 'the bare Fastify route' },
      1,
    );
  }
  return out;
}
