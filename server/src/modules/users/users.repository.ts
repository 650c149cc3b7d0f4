import type { UsersListQuery } from '@lianxin/common';
import { type Db, ilikeOperator, likeContains } from '../../db/dialect';
import type { UserRow, UserUpdate } from '../../db/schema';
import type { AccountRow } from '../../platform/auth/auth.repository';
import { type AreaScope, inScope } from '../../platform/scope';

export type UserWithArea = AccountRow;

const ACCOUNT_COLUMNS = [
  'areas.name as area_name',
  'areas.kind as area_kind',
  'units.name as unit_name',
  'units.kind as unit_kind',
] as const;

function usersWithArea(db: Db, scope: AreaScope) {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .where((eb) => inScope(eb, 'users.area_code', scope));
}

export async function listUsers(
  db: Db,
  scope: AreaScope,
  query: UsersListQuery,
): Promise<{ rows: UserWithArea[]; total: number }> {
  const filtered = usersWithArea(db, scope)
    .$if(query.role !== undefined, (qb) => qb.where('users.role', '=', query.role ?? ''))
    .$if(query.status === 'active', (qb) => qb.where('users.disabled_at', 'is', null))
    .$if(query.status === 'disabled', (qb) => qb.where('users.disabled_at', 'is not', null))
    .$if(Boolean(query.q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('users.name', ilikeOperator(db), likeContains(query.q ?? '')),
          eb('users.username', ilikeOperator(db), likeContains(query.q ?? '')),
          eb('users.phone', '=', query.q ?? ''),
        ]),
      ),
    );
  const [rows, count] = await Promise.all([
    filtered
      .selectAll('users')
      .select(ACCOUNT_COLUMNS)
      .orderBy('users.area_code')
      .orderBy('users.username')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findUser(db: Db, scope: AreaScope, id: string): Promise<UserWithArea | undefined> {
  return usersWithArea(db, scope)
    .selectAll('users')
    .select(ACCOUNT_COLUMNS)
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, version: number, changes: UserUpdate): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findPasswordHash(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}
