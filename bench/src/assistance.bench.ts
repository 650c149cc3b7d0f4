import { chinaDate, hasPermission, roles } from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { Random } from '../../server/src/demo/random';
import { benchClock, SEED } from './dataset';
import { BENCH_PASSWORD } from './generate';
import { type Metric, median, metric, percentile, raw, signIn, time } from './measure';

/** A signed-in session that may also POST (the CSRF token goes with the cookie). */
async function signInForWrites(app: FastifyInstance, username: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: BENCH_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'lx_session');
  if (!cookie) throw new Error(`bench sign-in failed: ${response.body}`);
  return { cookie: cookie.value, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
}

/** `?` placeholders as PostgreSQL numbers them. */
const numbered = (text: string) => {
  let n = 0;
  return text.replaceAll('?', () => `$${++n}`);
};
const both = (database: Database, text: string, params: unknown[]) =>
  raw(database, text, numbered(text), params);

/** The must-visit statement of the coverage report, hand-written (the district: no area index). */
function mustVisitSql(engine: string): string {
  const yes = engine === 'postgres' ? 'true' : '1';
  const veteran = `(r.party_member = ${yes} and r.party_join_year <= ?)`;
  const like = (roles: string[]) => roles.map((role) => `r.public_roles like '%"${role}"%'`).join(' or ');
  return `with flagged as (
      select id as household_id, 1 as poor, 0 as wubao, 0 as veteran, 0 as deputies, 0 as cadres
        from households where tier = 'priority' and area_code >= ? and area_code < ?
      union all
      select household_id, case when tag_code <> 'wubao' then 1 else 0 end, case when tag_code = 'wubao' then 1 else 0 end, 0, 0, 0
        from household_tags where tag_code in ('dibao', 'tekun', 'monitored', 'wubao')
      union all
      select household_id, 0, 0, case when ${veteran} then 1 else 0 end,
        case when ${like(['party_congress_deputy', 'peoples_congress_deputy', 'cppcc_member'])} then 1 else 0 end,
        case when ${like(['village_cadre', 'group_cadre'])} then 1 else 0 end
        from residents r where r.status = 'active' and substr(r.area_code, 1, 6) = ?
        and (${veteran} or r.public_roles <> '[]')),
    must as (select household_id, max(poor) as poor, max(wubao) as wubao, max(veteran) as veteran,
      max(deputies) as deputies, max(cadres) as cadres from flagged group by household_id)
    select h.id, h.area_code, h.village_code, h.number, must.poor, must.wubao, must.veteran, must.deputies, must.cadres,
      case when exists (select 1 from visits v where v.household_id = h.id and v.date >= ? and v.date <= ?) then 1 else 0 end as visited
    from must join households h on h.id = must.household_id
    where h.status = 'active' and h.area_code >= ? and h.area_code < ?`;
}

/** The contact and assistance budgets (issue: contact and assistance). */
export async function assistanceBench(
  database: Database,
  app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const out: Record<string, Metric> = {};
  const random = new Random(SEED + 12);
  const today = chinaDate(benchClock.now());
  const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);

  // 1. Must-visit coverage of the whole district for the last twelve months.
  const admin = await signIn(app, 'admin');
  const coverage: number[] = [];
  const coverageRaw: number[] = [];
  let figures = '';
  for (let r = 0; r < runs; r++) {
    coverage.push(
      await time(async () => {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/coverage/must-visit?from=${yearAgo}&to=${today}`,
          cookies: { lx_session: admin.cookie },
        });
        if (response.statusCode !== 200) throw new Error(`coverage: ${response.statusCode} ${response.body}`);
        const body = response.json() as { total: number; visited: number };
        figures = `${body.visited} of ${body.total} must-visit households visited`;
      }),
    );
    const joinedBy = Number(today.slice(0, 4)) - 50;
    coverageRaw.push(
      await time(() =>
        both(database, mustVisitSql(engine), [
          '610902',
          '610903',
          joinedBy,
          '610902',
          joinedBy,
          yearAgo,
          today,
          '610902',
          '610903',
        ]),
      ),
    );
  }
  out['assistance.must_visit_coverage.ms'] = metric(
    engine,
    median(coverage),
    'ms',
    { value: 1000, kind: 'max' },
    {
      value: median(coverageRaw),
      what: 'the same must-visit statement, hand-written, on the raw driver (no figures, no list)',
    },
    runs,
  );
  log(`  must-visit coverage ${median(coverage).toFixed(0)} ms (${figures})`);

  // 2. A village cadre's worklist: their paired households, due dates and village days this month.
  const helpers = await database.db
    .selectFrom('pairings')
    .innerJoin('users', 'users.id', 'pairings.cadre_id')
    .select(['users.id', 'users.username'])
    .where('users.role', '=', 'village_cadre')
    .where('pairings.status', '=', 'active')
    .groupBy(['users.id', 'users.username'])
    .orderBy('users.username')
    .execute();
  const chosen: { id: string; username: string }[] = [];
  while (chosen.length < Math.min(20, helpers.length)) {
    const h = random.pick(helpers);
    if (!chosen.includes(h)) chosen.push(h);
  }
  const sessions = await Promise.all(chosen.map(async (c) => ({ ...c, ...(await signIn(app, c.username)) })));
  const monthStart = `${today.slice(0, 8)}01`;
  const worklist: number[] = [];
  const worklistRaw: number[] = [];
  let items = 0;
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const cadre = random.pick(sessions);
      times.push(
        await time(async () => {
          const response = await app.inject({
            method: 'GET',
            url: '/api/v1/worklist',
            cookies: { lx_session: cadre.cookie },
          });
          if (response.statusCode !== 200)
            throw new Error(`worklist: ${response.statusCode} ${response.body}`);
          items = (response.json() as { items: unknown[] }).items.length;
        }),
      );
      rawTimes.push(
        await time(() =>
          Promise.all([
            both(
              database,
              `select p.id, p.household_id, p.start_date, h.number, h.address, h.phone, h.tier, head.name as head_name,
                 village.name as village_name,
                 (select max(v.date) from visits v where v.household_id = p.household_id) as last_visit
               from pairings p join households h on h.id = p.household_id join areas village on village.code = p.village_code
               left join residents head on head.id = h.head_resident_id
               where p.cadre_id = ? and p.status = 'active'`,
              [cadre.id],
            ),
            both(
              database,
              'select count(distinct date) as n from visit_cadres where cadre_id = ? and date >= ? and date <= ?',
              [cadre.id, monthStart, today],
            ),
          ]),
        ),
      );
    }
    worklist.push(percentile(times, 95));
    worklistRaw.push(percentile(rawTimes, 95));
  }
  out['assistance.worklist.p95_ms'] = metric(
    engine,
    median(worklist),
    'ms',
    { value: 20, kind: 'max' },
    { value: median(worklistRaw), what: 'the same two queries, hand-written, on the raw driver' },
    runs,
  );
  log(
    `  worklist p95 ${median(worklist).toFixed(2)} ms (${sessions.length} cadres, the last had ${items} households)`,
  );

  // 3. The pairing proposal for one town, as its town head (nothing is saved).
  const town = '610902001000';
  const head = await signInForWrites(app, 'town1-head');
  const helperRoles = roles.filter((role) => hasPermission(role, 'assistance.visit'));
  const proposal: number[] = [];
  const proposalRaw: number[] = [];
  let proposed = '';
  for (let r = 0; r < runs; r++) {
    proposal.push(
      await time(async () => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/pairings/proposal',
          cookies: { lx_session: head.cookie },
          headers: { 'x-csrf-token': head.csrfToken },
          payload: { areaCode: town },
        });
        if (response.statusCode !== 200) throw new Error(`proposal: ${response.statusCode} ${response.body}`);
        const body = response.json() as { items: unknown[]; unassigned: unknown[] };
        proposed = `${body.items.length} proposed, ${body.unassigned.length} without room`;
      }),
    );
    const roleList = helperRoles.map((role) => `'${role}'`).join(', ');
    proposalRaw.push(
      await time(async () => {
        const [, cadres] = await Promise.all([
          both(
            database,
            `select h.id, h.number, h.village_code, village.name as village_name, head.name as head_name
             from households h join areas village on village.code = h.village_code
             left join residents head on head.id = h.head_resident_id
             where h.status = 'active' and h.tier = 'priority' and h.area_code >= ? and h.area_code < ?
             and not exists (select 1 from pairings p where p.household_id = h.id and p.status = 'active')
             order by h.village_code, h.number`,
            ['610902001', '610902002'],
          ),
          both(
            database,
            `select u.id, u.name, u.role, u.rank, u.area_code, a.name as area_name, q.min, q.max
             from users u join areas a on a.code = u.area_code left join cadre_quotas q on q.user_id = u.id
             where u.role in (${roleList}) and u.disabled_at is null and u.area_code >= ? and u.area_code < ?`,
            ['610902001', '610902002'],
          ),
          both(
            database,
            `select leader_id, village_code from contact_points where village_code >= ? and village_code < ?
             and start_date <= ? and (end_date is null or end_date >= ?)`,
            ['610902001', '610902002', today, today],
          ),
        ]);
        const ids = (cadres as { id: string }[]).map((c) => c.id);
        await both(
          database,
          `select cadre_id, count(*) as n from pairings where status = 'active' and cadre_id in (${ids.map(() => '?').join(', ')}) group by cadre_id`,
          ids,
        );
      }),
    );
  }
  out['assistance.proposal.ms'] = metric(
    engine,
    median(proposal),
    'ms',
    { value: 2000, kind: 'max' },
    {
      value: median(proposalRaw),
      what: 'the proposal’s four reads, hand-written, on the raw driver (no assignment)',
    },
    runs,
  );
  log(`  proposal ${median(proposal).toFixed(0)} ms for ${town} (${proposed})`);
  return out;
}
