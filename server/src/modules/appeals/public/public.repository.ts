import type { PublicVillage } from '@lianxin/common';
import type { z } from 'zod';
import type { Db } from '../../../db/dialect';
import { newId } from '../../../platform/ids';
import { type AreaScope, scopeOf } from '../../../platform/scope';

/** The residents' pages: the places they report from, and what their limits count. */

/** Every village of the district, with its town's name. */
export async function publicVillages(db: Db): Promise<z.infer<typeof PublicVillage>[]> {
  const rows = await db
    .selectFrom('areas as village')
    .innerJoin('areas as town', 'town.code', 'village.parent_code')
    .select(['village.code', 'village.name', 'town.name as town_name'])
    .where('village.kind', '=', 'village')
    .orderBy('village.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, townName: r.town_name }));
}

/** The whole district, or undefined before the areas are set up. */
export async function districtScope(db: Db): Promise<AreaScope | undefined> {
  const row = await db
    .selectFrom('areas')
    .select(['code', 'kind'])
    .where('kind', '=', 'district')
    .orderBy('code')
    .executeTakeFirst();
  return row ? scopeOf(row) : undefined;
}

/** Appeals submitted from one hashed address, and for one hashed phone, since the given instants. */
export async function recentSubmissions(
  db: Db,
  by: { ipHash: string; ipSince: string; phoneHash: string; phoneSince: string },
): Promise<{ byIp: number; byPhone: number }> {
  const [byIp, byPhone] = await Promise.all([
    db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submitter_ip_hash', '=', by.ipHash)
      .where('received_at', '>=', by.ipSince)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reporter_phone_hash', '=', by.phoneHash)
      .where('received_at', '>=', by.phoneSince)
      .executeTakeFirstOrThrow(),
  ]);
  return { byIp: Number(byIp.n), byPhone: Number(byPhone.n) };
}

/** Failed attempts to follow an appeal from one hashed address since an instant. */
export async function countTrackFailures(db: Db, ipHash: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('public_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip_hash', '=', ipHash)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertTrackFailure(db: Db, ipHash: string, at: string): Promise<void> {
  await db.insertInto('public_failures').values({ id: newId(), ip_hash: ipHash, at }).execute();
}

/** Forgets failed attempts older than an instant: the limits only count recent ones. */
export async function forgetTrackFailures(db: Db, before: string): Promise<void> {
  await db.deleteFrom('public_failures').where('at', '<', before).execute();
}
