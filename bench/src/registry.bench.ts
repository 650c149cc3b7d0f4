import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { chinaDate, defaultTierRules } from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../server/src/db/database';
import { retierAll } from '../../server/src/modules/tiering/tiering.service';
import { BENCH_DIR, benchClock } from './dataset';
import {
  type Metric,
  median,
  metric,
  percentile,
  raw,
  rawRolledBack,
  repeat,
  rolledBack,
  signIn,
  time,
} from './measure';
import { rosterFile } from './roster-file';

const run = promisify(execFile);

/** The registry's budgets (issue: household registry and tiering). */
export async function registryBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const out: Record<string, Metric> = {};

  // 1. Import of a 100,000-resident roster, end to end, in its own process (for its memory).
  const file = await rosterFile(100_000);
  // A village office's roster of 3,000 residents: its preview (the check, nothing written).
  const previewFile = await rosterFile(3_000);
  const imports: {
    parseMs: number;
    layoutMs: number;
    previewMs: number;
    importMs: number;
    rows: number;
    peakRssMb: number;
  }[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_DIR, 'src/import-child.ts'), engine, file, previewFile],
      { env: process.env, maxBuffer: 1 << 20 },
    );
    imports.push(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
    log(`  import run ${i + 1}: ${Math.round(imports[i]?.importMs ?? 0)} ms`);
  }
  const rowsPerS = median(imports.map((r) => (r.rows / r.importMs) * 1000));
  const parsePerS = median(imports.map((r) => (r.rows / r.parseMs) * 1000));
  out['registry.import.rows_per_s'] = metric(
    engine,
    rowsPerS,
    'rows/s',
    { value: 10_000, kind: 'min' },
    { value: parsePerS, what: 'bare streaming parse of the same file (exceljs WorkbookReader)' },
    runs,
  );
  out['registry.import.layout_ms'] = metric(
    engine,
    median(imports.map((r) => r.layoutMs)),
    'ms',
    { value: 100, kind: 'max' },
    null,
    runs,
  );
  out['registry.import.preview_3k_ms'] = metric(
    engine,
    median(imports.map((r) => r.previewMs)),
    'ms',
    null,
    null,
    runs,
  );
  out['registry.import.peak_rss_mb'] = metric(
    engine,
    median(imports.map((r) => r.peakRssMb)),
    'MB',
    { value: 400, kind: 'max' },
    null,
    runs,
  );

  // 2. Full re-tier under a new rule-set version (a raised minimum-living line): every active
  // household is evaluated; those whose tier or reasons change are written.
  const today = chinaDate(benchClock.now());
  const retier: number[] = [];
  for (let i = 0; i < runs; i++) {
    retier.push(
      await rolledBack(database, async (trx) => {
        await trx
          .insertInto('tier_rule_sets')
          .values({
            version: 1000,
            effective_from: today,
            rules: JSON.stringify(defaultTierRules),
            note: 'bench',
            created_by: null,
            created_at: benchClock.now().toISOString(),
          })
          .execute();
        const started = performance.now();
        await retierAll(trx, benchClock, 'rules', null);
        return performance.now() - started;
      }),
    );
  }
  // The floor: read the same inputs and write every active household once, by hand.
  const retierBaseline = await repeat(runs, () =>
    rawRolledBack(database, [
      {
        sqlite: "select id, tier, member_count from households where status = 'active'",
        postgres: "select id, tier, member_count from households where status = 'active'",
        params: [],
      },
      {
        sqlite: 'select household_id, year, total_income, debt, hardships from household_indicators',
        postgres: 'select household_id, year, total_income, debt, hardships from household_indicators',
        params: [],
      },
      {
        sqlite: 'select household_id, tag_code from household_tags',
        postgres: 'select household_id, tag_code from household_tags',
        params: [],
      },
      {
        sqlite: "update households set tier_rule_version = 1000, tier_updated_at = ? where status = 'active'",
        postgres:
          "update households set tier_rule_version = 1000, tier_updated_at = $1 where status = 'active'",
        params: [benchClock.now().toISOString()],
      },
    ]),
  );
  out['registry.retier_all.ms'] = metric(
    engine,
    median(retier),
    'ms',
    { value: 5_000, kind: 'max' },
    {
      value: median(retierBaseline),
      what: 'hand-written reads of the inputs and one UPDATE of every household (raw driver)',
    },
    runs,
  );
  log(`  re-tier: ${Math.round(median(retier))} ms`);
  // Each rolled-back pass leaves 300,000 dead row versions on PostgreSQL; autovacuum would clear
  // them in a while. Clear them now, so the reads below do not wade through them.
  if (engine === 'postgres') await sql`vacuum analyze`.execute(database.db);

  // 3. The filtered list (area + tier + tag) at any depth, and 4. the household page.
  const { cookie } = await signIn(app, 'admin');
  const towns = (await raw(
    database,
    "select code from areas where kind = 'town' order by code",
    "select code from areas where kind = 'town' order by code",
    [],
  )) as { code: string }[];
  const listTimes: number[] = [];
  const listBaseline: number[] = [];
  const pageTimes: number[] = [];
  const pageBaseline: number[] = [];
  const ids = (await raw(
    database,
    'select id from households order by id limit 400',
    'select id from households order by id limit 400',
    [],
  )) as { id: string }[];
  for (let r = 0; r < runs; r++) {
    const list: number[] = [];
    const listRaw: number[] = [];
    for (let i = 0; i < 100; i++) {
      const town = towns[(r * 100 + i) % towns.length]?.code ?? '';
      const prefix = town.slice(0, 9);
      const upper = `${prefix.slice(0, 8)}${Number(prefix.slice(8)) + 1}`;
      // A cursor at a random depth of the filtered list, as the 'next page' button would send it.
      const depth = (i * 37) % 200;
      const at = (await raw(
        database,
        `select h.area_code, h.number, h.id from households h where h.area_code >= ? and h.area_code < ? and h.tier = 'priority'
         order by h.area_code, h.number, h.id limit 1 offset ?`,
        `select h.area_code, h.number, h.id from households h where h.area_code >= $1 and h.area_code < $2 and h.tier = 'priority'
         order by h.area_code, h.number, h.id limit 1 offset $3`,
        [prefix, upper, depth],
      )) as { area_code: string; number: string; id: string }[];
      const cursor = at[0]
        ? Buffer.from(JSON.stringify([at[0].area_code, at[0].number, at[0].id])).toString('base64url')
        : '';
      const url = `/api/v1/households?areaCode=${town}&tier=priority&tag=dibao&limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      list.push(
        await time(async () => {
          const response = await app.inject({ method: 'GET', url, cookies: { lx_session: cookie } });
          if (response.statusCode !== 200) throw new Error(`list: ${response.statusCode} ${response.body}`);
        }),
      );
      const params = [
        prefix,
        upper,
        'priority',
        'dibao',
        at[0]?.area_code ?? '',
        at[0]?.number ?? '',
        at[0]?.id ?? '',
      ];
      listRaw.push(
        await time(() =>
          Promise.all([
            raw(
              database,
              `select h.*, a.name as area_name, r.name as head_name from households h join areas a on a.code = h.area_code
               left join residents r on r.id = h.head_resident_id
               where h.area_code >= ? and h.area_code < ? and h.tier = ? and exists (select 1 from household_tags t where t.household_id = h.id and t.tag_code = ?)
               and (h.area_code, h.number, h.id) > (?, ?, ?) order by h.area_code, h.number, h.id limit 21`,
              `select h.*, a.name as area_name, r.name as head_name from households h join areas a on a.code = h.area_code
               left join residents r on r.id = h.head_resident_id
               where h.area_code >= $1 and h.area_code < $2 and h.tier = $3 and exists (select 1 from household_tags t where t.household_id = h.id and t.tag_code = $4)
               and (h.area_code, h.number, h.id) > ($5, $6, $7) order by h.area_code, h.number, h.id limit 21`,
              params,
            ),
            raw(
              database,
              `select h.tier, count(*) as n from households h where h.area_code >= ? and h.area_code < ? and h.tier = ?
               and exists (select 1 from household_tags t where t.household_id = h.id and t.tag_code = ?) group by h.tier`,
              `select h.tier, count(*) as n from households h where h.area_code >= $1 and h.area_code < $2 and h.tier = $3
               and exists (select 1 from household_tags t where t.household_id = h.id and t.tag_code = $4) group by h.tier`,
              params.slice(0, 4),
            ),
          ]),
        ),
      );
    }
    listTimes.push(percentile(list, 95));
    listBaseline.push(percentile(listRaw, 95));

    const page: number[] = [];
    const pageRaw: number[] = [];
    for (let i = 0; i < 100; i++) {
      const id = ids[(r * 100 + i) % ids.length]?.id ?? '';
      page.push(
        await time(async () => {
          const response = await app.inject({
            method: 'GET',
            url: `/api/v1/households/${id}`,
            cookies: { lx_session: cookie },
          });
          if (response.statusCode !== 200) throw new Error(`page: ${response.statusCode}`);
        }),
      );
      pageRaw.push(
        await time(async () => {
          for (const [sqlite, pg] of [
            [
              'select h.*, a.name from households h join areas a on a.code = h.area_code where h.id = ?',
              'select h.*, a.name from households h join areas a on a.code = h.area_code where h.id = $1',
            ],
            [
              'select * from residents where household_id = ? order by created_at, id',
              'select * from residents where household_id = $1 order by created_at, id',
            ],
            [
              'select rt.resident_id, rt.tag_code from resident_tags rt join residents r on r.id = rt.resident_id where r.household_id = ?',
              'select rt.resident_id, rt.tag_code from resident_tags rt join residents r on r.id = rt.resident_id where r.household_id = $1',
            ],
            [
              'select tag_code from household_tags where household_id = ?',
              'select tag_code from household_tags where household_id = $1',
            ],
            [
              'select * from household_indicators where household_id = ? order by year desc',
              'select * from household_indicators where household_id = $1 order by year desc',
            ],
            [
              'select * from tier_history where household_id = ? order by at desc, id desc limit 100',
              'select * from tier_history where household_id = $1 order by at desc, id desc limit 100',
            ],
          ] as const) {
            await raw(database, sqlite, pg, [id]);
          }
        }),
      );
    }
    pageTimes.push(percentile(page, 95));
    pageBaseline.push(percentile(pageRaw, 95));
  }
  out['registry.list.p95_ms'] = metric(
    engine,
    median(listTimes),
    'ms',
    { value: 25, kind: 'max' },
    { value: median(listBaseline), what: 'the same page and count queries, hand-written, on the raw driver' },
    runs,
  );
  out['registry.household_page.p95_ms'] = metric(
    engine,
    median(pageTimes),
    'ms',
    { value: 15, kind: 'max' },
    { value: median(pageBaseline), what: 'the same six queries, hand-written, on the raw driver' },
    runs,
  );
  log(`  list p95 ${median(listTimes).toFixed(1)} ms, household page p95 ${median(pageTimes).toFixed(1)} ms`);
  return out;
}
