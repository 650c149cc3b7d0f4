import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { newId } from '../../server/src/platform/ids';
import { benchClock } from './dataset';
import { type Metric, median, metric, percentile, raw, signIn, time } from './measure';

const DAY = 86_400_000;
const UNITS = 10;
const DISPATCHES = 6000;

/**
 * Dispatch's budget (issue 18): a department's open queue (`GET /api/v1/dispatches` as its staff:
 * the active dispatches, earliest deadline first, 50 a page), p95 of 20 per run, among 6,000
 * dispatches of ten departments over the district's appeals (≈ 600 active for the department asked).
 * The rows are written before and deleted after the measurement (the app reads them through its own
 * connections, so they cannot be rolled back). The baseline is the same two-step query by hand on
 * the raw driver.
 */
export async function departmentsBench(
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
  const admin = await db
    .selectFrom('users')
    .select('password_hash')
    .where('role', '=', 'district_admin')
    .executeTakeFirstOrThrow();
  const appeals = await db.selectFrom('appeals').select('id').orderBy('id').limit(DISPATCHES).execute();
  const unitIds = Array.from({ length: UNITS }, () => newId());
  const userId = newId();
  const username = 'bench-department-staff';
  const at = (days: number) => new Date(benchClock.now().getTime() + days * DAY).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('units')
      .values(
        unitIds.map((id, i) => ({
          id,
          kind: 'department' as const,
          name: `压测部门${i + 1}`,
          area_code: district.code,
          parent_id: null,
          phone: null,
          address: null,
          working_hours: null,
          active: true,
          created_at: nowIso,
          updated_at: nowIso,
          version: 1,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        username,
        name: '压测部门干部',
        phone: null,
        role: 'department_staff',
        area_code: district.code,
        unit_id: unitIds[0] ?? null,
        rank: null,
        locale: null,
        password_hash: admin.password_hash,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .execute();
    const rows = appeals.map((a, i) => {
      const status = i % 10 < 6 ? (i % 2 === 0 ? 'pending' : 'accepted') : 'done';
      return {
        id: newId(),
        appeal_id: a.id,
        unit_id: unitIds[i % UNITS] ?? '',
        role: 'lead' as const,
        status: status as 'pending' | 'accepted' | 'done',
        decisive: false,
        dispatcher_area_code: district.code,
        dispatched_at: at(-(i % 30)),
        dispatched_by: null,
        returnable_until: at(-(i % 30) + 1),
        may_return: true,
        due_at: at(-(i % 30) + 15),
        warn_at: null,
        version: 1,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('appeal_dispatches')
        .values(rows.slice(i, i + 500))
        .execute();
    const routed = rows.map((r) => ({
      appeal_id: r.appeal_id,
      unit_id: r.unit_id,
      routed_at: nowIso,
      routed_by: null,
    }));
    for (let i = 0; i < routed.length; i += 500)
      await trx
        .insertInto('appeal_units')
        .values(routed.slice(i, i + 500))
        .execute();
  });

  const queue = `select d.*, u.name as unit_name, a.tracking_code, a.title, a.category_code, a.urgency,
      a.status as appeal_status, a.village_code, a.holder_area_code, v.name as village_name
    from appeal_dispatches d join units u on u.id = d.unit_id join appeals a on a.id = d.appeal_id
    join areas v on v.code = a.village_code`;
  // The page's ids on the dispatches alone, then only those joined: as the repository asks.
  const page = (p: string) =>
    `select id from appeal_dispatches where unit_id = ${p} and status in ('pending', 'accepted') order by due_at, id limit 50`;
  try {
    const { cookie } = await signIn(app, username);
    const p95s: number[] = [];
    const rawP95s: number[] = [];
    let count = 0;
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < 20; i++) {
        times.push(
          await time(async () => {
            const response = await app.inject({
              method: 'GET',
              url: '/api/v1/dispatches',
              cookies: { lx_session: cookie },
            });
            if (response.statusCode !== 200)
              throw new Error(`dispatches: ${response.statusCode} ${response.body}`);
            count = (response.json() as { items: unknown[] }).items.length;
          }),
        );
        rawTimes.push(
          await time(() =>
            raw(
              database,
              `${queue} where d.id in (${page('?')}) order by d.due_at, d.id`,
              `${queue} where d.id in (${page('$1')}) order by d.due_at, d.id`,
              [unitIds[0]],
            ),
          ),
        );
      }
      p95s.push(percentile(times, 95));
      rawP95s.push(percentile(rawTimes, 95));
    }
    log(`  departments.queue: ${DISPATCHES} dispatches of ${UNITS} departments; the page shows ${count}`);
    return {
      'departments.queue_p95_ms': metric(
        engine,
        median(p95s),
        'ms',
        { value: 25, kind: 'max' },
        { value: median(rawP95s), what: 'the same two-step query by hand, raw driver (p95)' },
        runs,
      ),
    };
  } finally {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('appeal_dispatches').where('unit_id', 'in', unitIds).execute();
      await trx.deleteFrom('appeal_units').where('unit_id', 'in', unitIds).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('users').where('id', '=', userId).execute();
      await trx.deleteFrom('units').where('id', 'in', unitIds).execute();
    });
  }
}
