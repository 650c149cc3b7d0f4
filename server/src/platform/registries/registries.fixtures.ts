import { sql } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppContext } from '../context';
import { type AreaScope, inScope } from '../scope';

// A module that exists only in the tests: it registers an indicator and a to-do on one test app,
// through the same API a domain's plugin uses, so that the dashboard, the assessment, the
// bulletin and the bell are seen to take a new module's figures without being edited.

export const TEST_INDICATOR = 'test.phoneOnFile';
export const TEST_TODO = 'test.phoneMissing';

const withPhone = sql<number>`coalesce(sum(case when users.phone is not null then 1 else 0 end), 0)`;

/** Enabled accounts per child area (the first `digits` digits of the code), and those with a phone. */
async function phonesByChild(db: Db, scope: AreaScope, digits: number) {
  const child = sql<string>`substr(users.area_code, 1, ${sql.lit(digits)})`;
  const rows = await db
    .selectFrom('users')
    .where('users.disabled_at', 'is', null)
    .where((eb) => inScope(eb, 'users.area_code', scope))
    .select([child.as('child'), sql<number>`count(*)`.as('accounts'), withPhone.as('phones')])
    .groupBy(child)
    .execute();
  return rows.map((r) => ({ child: r.child, numerator: Number(r.phones), denominator: Number(r.accounts) }));
}

/** Whether each of these accounts has a phone on file. */
async function phonesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, boolean>();
  const rows = await db.selectFrom('users').select(['id', 'phone']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.phone !== null]));
}

/** Enabled accounts in an area without a phone on file. */
async function missingPhones(db: Db, scope: AreaScope) {
  const row = await db
    .selectFrom('users')
    .where('users.disabled_at', 'is', null)
    .where('users.phone', 'is', null)
    .where((eb) => inScope(eb, 'users.area_code', scope))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Registers the test module's indicator (on every surface, for village cadres) and to-do. */
export function registerTestModule(ctx: AppContext): void {
  ctx.indicators.register({
    key: TEST_INDICATOR,
    name: { 'zh-CN': '留有电话的账号比例', en: 'Accounts with a phone on file' },
    definition: {
      'zh-CN': '启用的账号中，留有电话的比例（测试模块）',
      en: 'Of enabled accounts, the share with a phone on file (test module)',
    },
    kind: 'ratio',
    surfaces: ['dashboard', 'assessment', 'bulletin'],
    cohorts: ['village_cadres'],
    group: { key: 'test', name: { 'zh-CN': '测试模块', en: 'Test module' } },
    byArea: (q) => phonesByChild(q.db, q.scope, q.digits),
    byCadre: async (q) => {
      const phones = await phonesOf(
        q.db,
        q.cadres.map((c) => c.id),
      );
      return new Map(
        q.cadres.map((c) => [c.id, { numerator: phones.get(c.id) ? 1 : 0, denominator: 1 }] as const),
      );
    },
  });
  ctx.todos.register({
    key: TEST_TODO,
    label: { 'zh-CN': '缺少电话的账号', en: 'Accounts without a phone' },
    permission: 'users.read',
    link: '/users?phone=none',
    count: async (rc) => (rc.scope.reach === 'area' ? missingPhones(rc.db, rc.scope) : 0),
  });
}
