import { chinaDayStart, chinaYear, type VillageAppealsSection } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { scopeOf } from '../../../platform/scope';
import type { VillageSectionContext } from '../../../platform/village-page';
import { appealCounts } from '../queries/queries.repository';

/**
 * The village page's `appeals` section: this year's (China time) appeals received in the village,
 * resolved, and their satisfaction rate — counts only, no appeal and no person. Counted as the
 * assessment counts them (merged appeals left out).
 */
export async function villageAppealsSection(
  db: Db,
  village: { code: string },
  ctx: VillageSectionContext,
): Promise<VillageAppealsSection> {
  const year = chinaYear(ctx.clock.now());
  const from = chinaDayStart(`${year}-01-01`).toISOString();
  const to = chinaDayStart(`${year + 1}-01-01`).toISOString();
  const c = await appealCounts(db, scopeOf({ code: village.code, kind: 'village' }), from, to);
  return {
    year,
    received: c.received,
    resolved: c.resolved,
    rated: c.rated,
    satisfactionRate: c.rated === 0 ? null : c.satisfied / c.rated,
  };
}
