import { sql } from 'kysely';
import type { Db } from '../../db/dialect';
import { type AreaScope, inScope } from '../scope';

// The SQL of the test module that registers an indicator and a to-do (registries.fixtures.ts).

const withPhone = sql<number>`coalesce(sum(case when users.phone is not null then 1 else 0 end), 0)`;

/** Enabled accounts per child area (the first `digits` digits of the code), and those with a phone. */
export async function phonesByChild(db: Db, scope: AreaScope, digits: number) {
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
export async function phonesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, boolean>();
  const rows = await db.selectFrom('users').select(['id', 'phone']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.phone !== null]));
}

/** Enabled accounts in an area without a phone on file. */
export async function missingPhones(db: Db, scope: AreaScope) {
  const row = await db
    .selectFrom('users')
    .where('users.disabled_at', 'is', null)
    .where('users.phone', 'is', null)
    .where((eb) => inScope(eb, 'users.area_code', scope))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
