import type { Db } from '../../db/dialect';

export async function readSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function writeSetting(db: Db, key: string, value: unknown, now: string, by: string | null) {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: now, updated_by: by })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now, updated_by: by }),
    )
    .execute();
}
