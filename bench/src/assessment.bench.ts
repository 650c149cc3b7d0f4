import { chinaDayStart } from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { computeAssessment } from '../../server/src/modules/assessment/assessment.service';
import { benchClock } from './dataset';
import {
  listening,
  loadRun,
  type Metric,
  median,
  metric,
  percentile,
  raw,
  rolledBack,
  signIn,
  time,
} from './measure';

const DAY = 86_400_000;

/** The dashboards' budgets: the district overview cold (computed) and warm (served again). */
export async function assessmentBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const { cookie } = await signIn(app, 'admin');
  const get = async (query: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/dashboard?${query}`,
      cookies: { lx_session: cookie },
    });
    if (response.statusCode !== 200) throw new Error(`dashboard: ${response.statusCode} ${response.body}`);
  };
  const cold: number[] = [];
  const coldRaw: number[] = [];
  const warm: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    // A different period each time: nothing is cached (the last twelve months, ending on another day).
    for (let i = 0; i < 20; i++) {
      const to = new Date(Date.UTC(2026, 10, 22) - (r * 20 + i) * DAY).toISOString().slice(0, 10);
      const from = new Date(Date.parse(to) - 364 * DAY).toISOString().slice(0, 10);
      times.push(await time(() => get(`from=${from}&to=${to}`)));
      const fromTs = chinaDayStart(from).toISOString();
      const toTs = new Date(chinaDayStart(to).getTime() + DAY).toISOString();
      rawTimes.push(await time(() => rawDashboard(database, fromTs, toTs, from, to)));
    }
    cold.push(percentile(times, 95));
    coldRaw.push(percentile(rawTimes, 95));
    const warmTimes: number[] = [];
    for (let i = 0; i < 50; i++) warmTimes.push(await time(() => get('from=2025-11-23&to=2026-11-22')));
    warm.push(percentile(warmTimes, 95));
  }
  log(`  district dashboard p95: cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(2)} ms`);
  const address = await listening(app);
  const loaded = await loadRun({
    url: `${address}/api/v1/dashboard?from=2025-11-23&to=2026-11-22`,
    headers: { cookie: `lx_session=${cookie}` },
  });
  log(`  district dashboard under load: ${loaded.rps} req/s, p99 ${loaded.p99} ms`);
  // The annual assessment for every cadre (≈ 5,000), computed in a transaction rolled back.
  const annual: number[] = [];
  let cadres = 0;
  for (let r = 0; r < runs; r++) {
    annual.push(
      await time(() =>
        rolledBack(database, async (trx) => {
          cadres = await computeAssessment(trx, benchClock, { id: null, name: 'bench', ip: null }, 2026);
        }),
      ),
    );
  }
  log(`  annual assessment: ${median(annual).toFixed(0)} ms for ${cadres} cadres`);
  return {
    'assessment.annual.ms': metric(engine, median(annual), 'ms', { value: 10_000, kind: 'max' }, null, runs),
    'assessment.dashboard_cold.p95_ms': metric(
      engine,
      median(cold),
      'ms',
      { value: 300, kind: 'max' },
      { value: median(coldRaw), what: 'the same five grouped queries, hand-written, on the raw driver' },
      runs,
    ),
    'assessment.dashboard_warm.p95_ms': metric(
      engine,
      median(warm),
      'ms',
      { value: 50, kind: 'max' },
      null,
      runs,
    ),
    'load.dashboard.req_per_s': metric(engine, loaded.rps, 'req/s', null, null, 1),
    'load.dashboard.p99_ms': metric(engine, loaded.p99, 'ms', null, null, 1),
  };
}

/** The district overview's queries by hand: appeals by town, month and category; households; pairings; tier moves. */
async function rawDashboard(database: Database, fromTs: string, toTs: string, from: string, to: string) {
  const pg = database.engine === 'postgres';
  const month = pg
    ? "to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM')"
    : "strftime('%Y-%m', received_at, '+8 hours')";
  const p = (n: number) => (pg ? `$${n}` : '?');
  const q = (text: string, params: unknown[]) => raw(database, text, text, params);
  const sum = (c: string) => `coalesce(sum(case when ${c} then 1 else 0 end), 0)`;
  await Promise.all([
    q(
      `select substr(village_code, 1, 9) c, ${month} m, category_code, count(*), ${sum("accepted_at is not null or status = 'returned'")},
       ${sum('resolved_at is not null')}, ${sum('resolved_at is not null and resolved_at <= resolution_due_at')}, ${sum('rating is not null')},
       ${sum("rating in ('satisfied', 'basically_satisfied')")}, ${sum("resolved_level = 'village'")}, ${sum("resolved_level = 'town'")},
       ${sum("max_level = 'district'")}, ${sum("max_level in ('town', 'district')")}
       from appeals where received_at >= ${p(1)} and received_at < ${p(2)} and status != 'merged'
       group by substr(village_code, 1, 9), ${month}, category_code`,
      [fromTs, toTs],
    ),
    q(
      `select substr(area_code, 1, 9) c, count(*), ${sum("tier = 'stable'")}, ${sum("tier = 'watch'")}, ${sum("tier = 'priority'")}
       from households where status = 'active' group by substr(area_code, 1, 9)`,
      [],
    ),
    q(
      `select substr(h.area_code, 1, 9) c, count(*) from pairings p join households h on h.id = p.household_id
       where p.status = 'active' and h.tier = 'priority' and h.status = 'active' group by substr(h.area_code, 1, 9)`,
      [],
    ),
    q(
      `select substr(area_code, 1, 9) c, count(*), ${sum(`exists (select 1 from visits v where v.household_id = pairings.household_id and v.date >= ${p(1)} and v.date <= ${p(2)})`)}
       from pairings where status = 'active' group by substr(area_code, 1, 9)`,
      [from, to],
    ),
    q(
      `select substr(h.area_code, 1, 9) c, count(*) from tier_history th join households h on h.id = th.household_id
       where th.from_tier = 'priority' and th.to_tier != 'priority' and th.at >= ${p(1)} and th.at < ${p(2)} group by substr(h.area_code, 1, 9)`,
      [fromTs, toTs],
    ),
  ]);
}
