import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { newId } from '../../server/src/platform/ids';
import { benchClock } from './dataset';
import { type Metric, median, metric, percentile, raw, time } from './measure';

const TOWN_ITEMS = 25;
const DISTRICT_ITEMS = 400;
const SEARCHES = ['低保', 'ylbx', '补贴', '证', '医保', '残疾', 'zjd', '登记'];

/**
 * The catalogue's budget (issue 20): a catalogue search (`GET /api/v1/public/service-items?q=…`,
 * the search residents and the console both run: name, keywords and pinyin initials, active only,
 * by category and name, 20 a page with the total), p95 of 40 searches per run over a catalogue of
 * 400 district items and 25 local items per town. The rows are written before and deleted after.
 * The baseline is the same page and count by hand on the raw driver.
 */
export async function servicesCatalogueBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const db = database.db;
  const nowIso = benchClock.now().toISOString();
  const district = await db
    .selectFrom('areas')
    .select('code')
    .where('kind', '=', 'district')
    .executeTakeFirstOrThrow();
  const towns = await db.selectFrom('areas').select('code').where('kind', '=', 'town').execute();
  const unitId = newId();
  const words = [
    '城乡居民养老保险',
    '最低生活保障',
    '医保参保',
    '残疾人证',
    '耕地地力保护补贴',
    '宅基地',
    '出生登记',
    '就业创业证',
  ];
  const initials = ['cxjmylbx', 'zdshbz dibao 低保', 'ybcb', 'cjrz', 'gddlbhbt', 'zjd', 'csdj', 'jycyz'];
  const itemIds: string[] = [];
  const item = (areaCode: string, n: number) => {
    const id = newId();
    itemIds.push(id);
    const name = `${words[n % words.length]}${n % 3 === 0 ? '申请' : n % 3 === 1 ? '登记' : '补贴申领'}${n}`;
    return {
      id,
      code: `B${id.replace(/-/g, '').slice(-14)}`,
      area_code: areaCode,
      category: 'other' as const,
      name,
      search_text: `${name} ${initials[n % initials.length]}`.toLowerCase(),
      unit_id: unitId,
      proxy_allowed: n % 4 !== 0,
      promised_days: 5 + (n % 20),
      current_version: 1,
      active: n % 10 !== 9,
      created_at: nowIso,
      updated_at: nowIso,
      version: 1,
    };
  };
  const rows = [
    ...Array.from({ length: DISTRICT_ITEMS }, (_, n) => item(district.code, n)),
    ...towns.flatMap((t, ti) =>
      Array.from({ length: TOWN_ITEMS }, (_, n) => item(t.code, ti * TOWN_ITEMS + n)),
    ),
  ];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('units')
      .values({
        id: unitId,
        kind: 'department',
        name: '压测事项办理单位',
        area_code: district.code,
        parent_id: null,
        phone: null,
        address: null,
        working_hours: null,
        active: true,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      })
      .execute();
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('service_items')
        .values(rows.slice(i, i + 200))
        .execute();
  });

  const from = `from service_items i join areas a on a.code = i.area_code join units u on u.id = i.unit_id
    where i.search_text like`;
  const page = (p: string, active: string) =>
    `select i.id, i.code, i.area_code, a.name as area_name, i.category, i.name, i.unit_id, u.name as unit_name,
      u.address, u.phone, i.proxy_allowed, i.promised_days, i.current_version, i.active, i.updated_at, i.version
    ${from} ${p} and i.active = ${active} order by i.category, i.name, i.id limit 20`;
  const count = (p: string, active: string) => `select count(*) as n ${from} ${p} and i.active = ${active}`;
  try {
    const p95s: number[] = [];
    const rawP95s: number[] = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < 40; i++) {
        const q = SEARCHES[i % SEARCHES.length] ?? '';
        times.push(
          await time(async () => {
            const response = await app.inject({
              method: 'GET',
              url: `/api/v1/public/service-items?q=${encodeURIComponent(q)}`,
            });
            if (response.statusCode !== 200)
              throw new Error(`catalogue: ${response.statusCode} ${response.body}`);
            found = (response.json() as { total: number }).total;
          }),
        );
        const like = `%${q.toLowerCase()}%`;
        rawTimes.push(
          await time(async () => {
            await raw(database, page('?', '1'), page('$1', 'true'), [like]);
            await raw(database, count('?', '1'), count('$1', 'true'), [like]);
          }),
        );
      }
      p95s.push(percentile(times, 95));
      rawP95s.push(percentile(rawTimes, 95));
    }
    log(`  servicesCatalogue.search: ${rows.length} items; the last search found ${found}`);
    return {
      'servicesCatalogue.search_p95_ms': metric(
        engine,
        median(p95s),
        'ms',
        { value: 10, kind: 'max' },
        { value: median(rawP95s), what: 'the same page and count by hand, raw driver (p95)' },
        runs,
      ),
    };
  } finally {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('service_items').where('unit_id', '=', unitId).execute();
      await trx.deleteFrom('units').where('id', '=', unitId).execute();
    });
  }
}
