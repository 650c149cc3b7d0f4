import type { Quota } from '@lianxin/common';
import type { Db } from '../../../db/dialect';

/** Stores a cadre's own quota, or with null removes it (the group's quota applies again). */
export async function putCadreQuota(
  db: Db,
  cadreId: string,
  quota: Quota | null,
  by: string,
  at: string,
): Promise<void> {
  if (quota === null) {
    await db.deleteFrom('cadre_quotas').where('user_id', '=', cadreId).execute();
    return;
  }
  await db
    .insertInto('cadre_quotas')
    .values({ user_id: cadreId, min: quota.min, max: quota.max, updated_by: by, updated_at: at })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ min: quota.min, max: quota.max, updated_by: by, updated_at: at }),
    )
    .execute();
}
