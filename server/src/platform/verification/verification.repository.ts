import type { VerificationPurpose } from '@lianxin/common';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { VerificationCodesTable } from '../../db/schema';

export type VerificationCodeRow = Selectable<VerificationCodesTable>;

/** The district's code: verification texts are the district's, shown in its notification log. */
export async function districtCode(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('areas')
    .select('code')
    .where('kind', '=', 'district')
    .orderBy('code')
    .executeTakeFirst();
  return row?.code ?? null;
}

/** When codes were sent to a phone (any purpose) and from an address since the given instants, newest first. */
export async function recentSends(
  db: Db,
  by: {
    phoneHash: string;
    phoneSince: string;
    phoneLimit: number;
    ipHash: string;
    ipSince: string;
    ipLimit: number;
  },
): Promise<{ byPhone: string[]; byIp: string[] }> {
  const [byPhone, byIp] = await Promise.all([
    db
      .selectFrom('verification_codes')
      .select('created_at')
      .where('phone_hash', '=', by.phoneHash)
      .where('created_at', '>', by.phoneSince)
      .orderBy('created_at', 'desc')
      .limit(by.phoneLimit)
      .execute(),
    db
      .selectFrom('verification_codes')
      .select('created_at')
      .where('ip_hash', '=', by.ipHash)
      .where('created_at', '>', by.ipSince)
      .orderBy('created_at', 'desc')
      .limit(by.ipLimit)
      .execute(),
  ]);
  return { byPhone: byPhone.map((r) => r.created_at), byIp: byIp.map((r) => r.created_at) };
}

export async function insertCode(db: Db, row: VerificationCodeRow): Promise<void> {
  await db.insertInto('verification_codes').values(row).execute();
}

/** The code in force for a phone and purpose: the newest one, which supersedes any before it. */
export function latestCode(
  db: Db,
  phoneHash: string,
  purpose: VerificationPurpose,
): Promise<VerificationCodeRow | undefined> {
  return db
    .selectFrom('verification_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Counts one check against a code, if it has checks left and is unused: false when it has none.
 * One conditional update, so concurrent guesses cannot check more often than the limit allows.
 */
export async function takeAttempt(db: Db, id: string, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a code used; false when another request used it first. */
export async function consumeCode(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('verification_codes')
    .set({ consumed_at: at })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets codes older than an instant: the limits look back one day at most. */
export async function forgetCodes(db: Db, before: string): Promise<void> {
  await db.deleteFrom('verification_codes').where('created_at', '<', before).execute();
}
