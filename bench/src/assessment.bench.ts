import { chinaDayStart } from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../server/src/db/database';
import { computeAssessment } from '../../server/src/modules/assessment/assessment.service';
import { wholeMonths } from '../../server/src/modules/assessment/dashboard/dashboard.service';
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
  // The dashboards' counts of the data set, counted once (as after an upgrade) before measuring.
  await get('from=2026-11-01&to=2026-11-22');
  const rated = await database.db
    .selectFrom('appeals')
    .select('id')
    .where('rating', 'in', ['satisfied', 'basically_satisfied'])
    .orderBy('id')
    .limit(1000)
    .execute();
  const cold: number[] = [];
  const coldMedian: number[] = [];
  const coldRaw: number[] = [];
  const warm: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    // A different period each time, so nothing is cached (the last twelve months, ending on another
    // day), and three appeals rated again before each, as other cadres' work goes on meanwhile:
    // the dashboard recounts what they moved before it reads.
    for (let i = 0; i < 20; i++) {
      const to = new Date(Date.UTC(2026, 10, 22) - (r * 20 + i) * DAY).toISOString().slice(0, 10);
      const from = new Date(Date.parse(to) - 364 * DAY).toISOString().slice(0, 10);
      await rateAgain(
        database,
        rated.slice(((r * 20 + i) * 3) % 990, (((r * 20 + i) * 3) % 990) + 3).map((a) => a.id),
      );
      times.push(await time(() => get(`from=${from}&to=${to}`)));
      rawTimes.push(await time(() => rawDashboard(database, from, to)));
    }
    cold.push(percentile(times, 95));
    coldMedian.push(percentile(times, 50));
    coldRaw.push(percentile(rawTimes, 95));
    const warmTimes: number[] = [];
    for (let i = 0; i < 50; i++) warmTimes.push(await time(() => get('from=2025-11-23&to=2026-11-22')));
    warm.push(percentile(warmTimes, 95));
  }
  log(
    `  district dashboard p95: cold ${median(cold).toFixed(0)} ms (median ${median(coldMedian).toFixed(0)} ms), warm ${median(warm).toFixed(2)} ms`,
  );
  // The cadres' work for the year so far: a town's (about 200 cadres) and the district's (about 5,000).
  const town = await database.db
    .selectFrom('areas')
    .select('code')
    .where('kind', '=', 'town')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const work = async (areaCode: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/dashboard/work?from=2026-01-01&to=2026-11-22${areaCode ? `&areaCode=${areaCode}` : ''}`,
      cookies: { lx_session: cookie },
    });
    if (response.statusCode !== 200) throw new Error(`work: ${response.statusCode} ${response.body}`);
  };
  const workTown: number[] = [];
  const workDistrict: number[] = [];
  for (let r = 0; r < runs; r++) {
    workTown.push(await time(() => work(town.code)));
    workDistrict.push(await time(() => work('')));
  }
  log(
    `  cadres' work: a town ${median(workTown).toFixed(0)} ms, the district ${median(workDistrict).toFixed(0)} ms`,
  );
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
          const actor = { id: null, name: 'bench', ip: null };
          cadres = await computeAssessment(
            trx,
            { clock: benchClock, actor, indicators: app.ctx.indicators },
            2026,
          );
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
      {
        value: median(coldRaw),
        what: 'the same reads (kept counts, pairings, tier moves), hand-written, on the raw driver; without the recount',
      },
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
    'assessment.work_town.ms': metric(engine, median(workTown), 'ms', null, null, runs),
    'assessment.work_district.ms': metric(engine, median(workDistrict), 'ms', null, null, runs),
  };
}

/** Satisfied becomes basically satisfied and back: a write that moves no figure, but is recounted. */
async function rateAgain(database: Database, ids: string[]) {
  await database.db
    .updateTable('appeals')
    .set({
      rating: sql<
        'satisfied' | 'basically_satisfied'
      >`case when rating = 'satisfied' then 'basically_satisfied' else 'satisfied' end`,
    })
    .where('id', 'in', ids)
    .execute();
}

/**
 * The district overview's reads by hand: the kept counts of the whole months and of the days
 * around them, per town; households per town; paired households visited; tier moves.
 */
async function rawDashboard(database: Database, from: string, to: string) {
  const pg = database.engine === 'postgres';
  const p = (n: number) => (pg ? `$${n}` : '?');
  const q = (text: string, params: unknown[]) => raw(database, text, text, params);
  const months = wholeMonths(from, to);
  const fromTs = chinaDayStart(from).toISOString();
  const toTs = new Date(chinaDayStart(to).getTime() + DAY).toISOString();
  const figures =
    'sum(received), sum(responded), sum(resolved), sum(on_time), sum(rated), sum(satisfied), sum(at_village), sum(at_town), sum(to_district), sum(to_town)';
  const ranges: [string, string, string][] = months
    ? [
        ['monthly', months[0], months[1]],
        ['daily', from, `${months[0]}-00`],
        ['daily', `${months[1]}-32`, to],
      ]
    : [['daily', from, to]];
  await Promise.all([
    ...ranges.flatMap(([grain, first, last]) => [
      q(
        `select substr(village_code, 1, 9) c, period, ${figures} from appeal_counts_${grain}
         where period >= ${p(1)} and period <= ${p(2)} group by substr(village_code, 1, 9), period`,
        [first, last],
      ),
      q(
        `select category_code, sum(received) from appeal_categories_${grain}
         where period >= ${p(1)} and period <= ${p(2)} group by category_code`,
        [first, last],
      ),
    ]),
    q(
      `select substr(area_code, 1, 9) c, sum(stable), sum(watch), sum(priority), sum(priority_paired)
       from household_counts group by substr(area_code, 1, 9)`,
      [],
    ),
    q(
      `select substr(area_code, 1, 9) c, count(*), coalesce(sum(case when exists (select 1 from visits v where v.household_id = pairings.household_id and v.date >= ${p(1)} and v.date <= ${p(2)}) then 1 else 0 end), 0)
       from pairings where status = 'active' group by substr(area_code, 1, 9)`,
      [from, to],
    ),
    q(
      `select substr(h.area_code, 1, 9) c, count(*) from tier_history th join households h on h.id = th.household_id
       where th.from_tier = 'priority' and th.to_tier <> 'priority' and th.at >= ${p(1)} and th.at < ${p(2)} group by substr(h.area_code, 1, 9)`,
      [fromTs, toTs],
    ),
  ]);
}
