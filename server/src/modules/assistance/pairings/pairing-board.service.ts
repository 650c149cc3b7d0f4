import {
  type AssistanceSettings,
  type CadreLoad,
  chinaDate,
  type PairingBoard,
  type Quota,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { AreaContext } from '../../../platform/request-context';
import { activeCounts, type CadreRow, enabledCadresIn } from '../cadres.repository';
import { assistanceSettings, quotaOf } from '../settings/settings.service';
import { dueState } from './due-state';
import { activePairings, unpairedPriority } from './pairings.repository';
import { narrowed, needsReview } from './pairings.service';

function loadState(paired: number, quota: Quota): CadreLoad['state'] {
  if (paired > quota.max) return 'over';
  if (paired === quota.max) return 'full';
  return paired < quota.min ? 'under' : 'within';
}

async function loads(db: Db, rows: CadreRow[], settings: AssistanceSettings): Promise<CadreLoad[]> {
  const counts = await activeCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const { quota, overridden } = quotaOf(r, settings);
    const paired = counts.get(r.id) ?? 0;
    return {
      id: r.id,
      name: r.name,
      role: r.role,
      areaCode: r.area_code,
      areaName: r.area_name,
      quota,
      quotaOverridden: overridden,
      paired,
      state: loadState(paired, quota),
    };
  });
}

/** The town head's page: who is under or over quota, which priority households have no helper. */
export async function pairingBoard(
  db: Db,
  ctx: AreaContext,
  areaCode: string | undefined,
): Promise<PairingBoard> {
  const scope = await narrowed(db, ctx, areaCode);
  const settings = await assistanceSettings(db);
  const today = chinaDate(ctx.clock.now());
  const [cadreRows, unpaired, active] = await Promise.all([
    enabledCadresIn(db, scope, true),
    unpairedPriority(db, scope),
    activePairings(db, scope),
  ]);
  const byVillage = new Map<string, { villageCode: string; villageName: string; count: number }>();
  for (const h of unpaired) {
    const entry = byVillage.get(h.village_code) ?? {
      villageCode: h.village_code,
      villageName: h.village_name,
      count: 0,
    };
    entry.count++;
    byVillage.set(h.village_code, entry);
  }
  const overdue = active.filter(
    (p) =>
      dueState(p.tier, (p.last_visit as string | null) ?? null, p.start_date, today, settings).state ===
      'overdue',
  );
  return {
    areaCode: scope.areaCode,
    cadres: await loads(db, cadreRows, settings),
    unpaired: unpaired.slice(0, 500).map((h) => ({
      id: h.id,
      number: h.number,
      headName: h.head_name,
      villageCode: h.village_code,
      villageName: h.village_name,
    })),
    unpairedByVillage: [...byVillage.values()],
    needsReview: active.filter(needsReview).length,
    overdueVisits: overdue.length,
  };
}
