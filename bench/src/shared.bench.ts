import { addWorkingDays, chinaDayStart, holidayCalendar } from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { loadHolidayCalendar } from '../../server/src/platform/calendar';
import { benchClock } from './dataset';
import { benchPlaces, type Metric, median, metric, percentile, raw, time } from './measure';

/**
 * The shared pieces' budgets (issue: shared pieces for the new domains): the header bell's counts,
 * a village page built afresh, the units list, and working-day arithmetic.
 */
export async function sharedBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const out: Record<string, Metric> = {};
  const { towns, villages, heads, admin } = await benchPlaces(database, app);
  const now = benchClock.now().toISOString();
  const openList = "'received', 'accepted', 'in_progress', 'deferred', 'reopened'";

  // 1. The bell: every signed-in cadre asks for its to-do counts each minute.
  const bell: number[] = [];
  const bellRaw: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = i % heads.length;
      const town = towns[t] ?? '';
      const prefix = town.slice(0, 9);
      const upper = `${prefix.slice(0, 8)}${Number(prefix.slice(8)) + 1}`;
      times.push(
        await time(async () => {
          const response = await app.inject({
            method: 'GET',
            url: '/api/v1/todos',
            cookies: { lx_session: heads[t]?.cookie ?? '' },
          });
          if (response.statusCode !== 200) throw new Error(`todos: ${response.statusCode} ${response.body}`);
        }),
      );
      // The floor: the two appeal counts the bell shows a town head, by hand.
      rawTimes.push(
        await time(async () => {
          await raw(
            database,
            `select count(*) as n from appeals where holder_area_code >= ? and holder_area_code < ? and status = 'received' and handler_id is null`,
            `select count(*) as n from appeals where holder_area_code >= $1 and holder_area_code < $2 and status = 'received' and handler_id is null`,
            [prefix, upper],
          );
          await raw(
            database,
            `select count(*) as n from appeals where village_code >= ? and village_code < ? and status in (${openList}) and resolution_due_at < ?`,
            `select count(*) as n from appeals where village_code >= $1 and village_code < $2 and status in (${openList}) and resolution_due_at < $3`,
            [prefix, upper, now],
          );
        }),
      );
    }
    bell.push(median(times));
    bellRaw.push(median(rawTimes));
  }
  out['shared.todos.town_head_ms'] = metric(
    engine,
    median(bell),
    'ms',
    { value: 200, kind: 'max' },
    { value: median(bellRaw), what: 'the two appeal counts by hand (awaiting acceptance, overdue)' },
    runs,
  );
  log(`  todos: ${median(bell)} ms`);

  // 2. A village page built afresh (the server keeps each for a minute; a write drops them).
  const page: number[] = [];
  const pageP95: number[] = [];
  const pageRaw: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const village = villages[(r * 50 + i * 7) % villages.length] ?? '';
      app.ctx.writes.count++;
      times.push(
        await time(async () => {
          const response = await app.inject({ method: 'GET', url: `/api/v1/public/villages/${village}` });
          if (response.statusCode !== 200)
            throw new Error(`village page: ${response.statusCode} ${response.body}`);
        }),
      );
      rawTimes.push(
        await time(() =>
          raw(
            database,
            `select count(*) as received, sum(case when resolved_at is not null then 1 else 0 end) as resolved,
               sum(case when rating in ('satisfied', 'basically_satisfied') then 1 else 0 end) as satisfied
             from appeals where village_code = ? and received_at >= ? and status != 'merged'`,
            `select count(*) as received, sum(case when resolved_at is not null then 1 else 0 end) as resolved,
               sum(case when rating in ('satisfied', 'basically_satisfied') then 1 else 0 end) as satisfied
             from appeals where village_code = $1 and received_at >= $2 and status != 'merged'`,
            [village, chinaDayStart('2026-01-01').toISOString()],
          ),
        ),
      );
    }
    page.push(median(times));
    pageP95.push(percentile(times, 95));
    pageRaw.push(median(rawTimes));
  }
  out['shared.village_page.median_ms'] = metric(
    engine,
    median(page),
    'ms',
    { value: 100, kind: 'max' },
    { value: median(pageRaw), what: "the village's appeal figures of the year by hand" },
    runs,
  );
  out['shared.village_page.p95_ms'] = metric(
    engine,
    median(pageP95),
    'ms',
    { value: 250, kind: 'max' },
    null,
    runs,
  );
  log(`  village page: ${median(page)} ms`);

  // 3. The units list as the district admin sees it.
  const units: number[] = [];
  const unitsRaw: number[] = [];
  for (let r = 0; r < runs; r++) {
    units.push(
      await time(async () => {
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/units',
          cookies: { lx_session: admin.cookie },
        });
        if (response.statusCode !== 200) throw new Error(`units: ${response.statusCode} ${response.body}`);
      }),
    );
    unitsRaw.push(
      await time(() =>
        raw(
          database,
          'select u.*, (select count(*) from users s where s.unit_id = u.id) as staff from units u order by area_code, kind, name limit 1000',
          'select u.*, (select count(*) from users s where s.unit_id = u.id) as staff from units u order by area_code, kind, name limit 1000',
          [],
        ),
      ),
    );
  }
  out['shared.units.list_ms'] = metric(
    engine,
    median(units),
    'ms',
    { value: 100, kind: 'max' },
    { value: median(unitsRaw), what: 'the same rows by hand' },
    runs,
  );

  // 4. Working-day arithmetic: a deadline of 15 working days from each hour of a year.
  const calendar = await loadHolidayCalendar(database.db, 2025, 2027);
  const plain = holidayCalendar([], [2025, 2026, 2027]);
  const starts = Array.from(
    { length: 8760 },
    (_, h) => new Date(Date.parse('2026-01-01T00:00:00Z') + h * 3_600_000),
  );
  const perS: number[] = [];
  const plainPerS: number[] = [];
  for (let r = 0; r < runs; r++) {
    const ms = await time(async () => {
      for (const start of starts) addWorkingDays(calendar, start, 15);
    });
    perS.push((starts.length / ms) * 1000);
    const plainMs = await time(async () => {
      for (const start of starts) addWorkingDays(plain, start, 15);
    });
    plainPerS.push((starts.length / plainMs) * 1000);
  }
  out['shared.working_days.add_per_s'] = metric(
    engine,
    median(perS),
    'ops/s',
    { value: 100_000, kind: 'min' },
    { value: median(plainPerS), what: 'the same on a calendar of weekends only' },
    runs,
  );
  return out;
}
