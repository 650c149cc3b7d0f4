import type { PublicVillage } from '@lianxin/common';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Db, engineOf } from '../../../db/dialect';
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

export interface SubmissionLimits {
  ipHash: string;
  ipSince: string;
  perIp: number;
  phoneHash: string;
  phoneSince: string;
  perPhone: number;
}

/**
 * Takes a place for one public submission if the address and the phone are both under their
 * limits, counting and inserting as one step: on PostgreSQL under transaction-scoped advisory
 * locks on the address and the phone (taken in a fixed order, so two submissions never wait on
 * each other crosswise); on SQLite the transaction alone, as the one connection runs one
 * transaction at a time. Call it inside a transaction. Returns the place's id, or null when over.
 */
export async function reserveSubmission(
  trx: Db,
  limits: SubmissionLimits,
  at: string,
): Promise<string | null> {
  if (engineOf(trx) === 'postgres') {
    for (const key of [`public-ip:${limits.ipHash}`, `public-phone:${limits.phoneHash}`].sort()) {
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    }
  }
  const count = async (column: 'ip_hash' | 'phone_hash', hash: string, since: string) => {
    const row = await trx
      .selectFrom('public_submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', hash)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  if ((await count('ip_hash', limits.ipHash, limits.ipSince)) >= limits.perIp) return null;
  if ((await count('phone_hash', limits.phoneHash, limits.phoneSince)) >= limits.perPhone) return null;
  const id = newId();
  await trx
    .insertInto('public_submissions')
    .values({ id, ip_hash: limits.ipHash, phone_hash: limits.phoneHash, at })
    .execute();
  return id;
}

/** Gives back a place whose appeal was not stored after all. */
export async function releaseSubmission(db: Db, id: string): Promise<void> {
  await db.deleteFrom('public_submissions').where('id', '=', id).execute();
}

/** Forgets submissions older than an instant: the longest limit counts one day. */
export async function forgetSubmissions(db: Db, before: string): Promise<void> {
  await db.deleteFrom('public_submissions').where('at', '<', before).execute();
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
