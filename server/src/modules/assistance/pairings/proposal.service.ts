import { chinaDate, type Proposal } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError } from '../../../platform/errors';
import type { AreaContext } from '../../../platform/request-context';
import { scopeOf } from '../../../platform/scope';
import { findArea } from '../../areas';
import { activeCounts, cadresByIds, enabledCadresIn } from '../cadres.repository';
import { contactPointsOn } from '../contact-points/contact-points.repository';
import { assistanceSettings, quotaOf } from '../settings/settings.service';
import { unpairedPriority } from './pairings.repository';
import { createPairing } from './pairings.service';

/**
 * A balanced proposal for a town's unpaired priority households: village cadres of the
 * household's own village first, then leaders with a contact point there, then town staff;
 * within each, the least loaded against quota; nobody above quota. Nothing is saved.
 */
export async function proposePairings(db: Db, ctx: AreaContext, areaCode: string): Promise<Proposal> {
  const town = await findArea(db, ctx.scope, areaCode);
  if (town?.kind !== 'town') throw new AppError('AREA_UNKNOWN', { code: areaCode });
  const scope = scopeOf(town);
  const settings = await assistanceSettings(db);
  const today = chinaDate(ctx.clock.now());
  const [households, cadreRows, points] = await Promise.all([
    unpairedPriority(db, scope),
    enabledCadresIn(db, scope),
    contactPointsOn(db, scope, today),
  ]);
  // Leaders with a contact point in the town may live outside it (at the district).
  const leaderIds = [...new Set(points.map((p) => p.leader_id))].filter(
    (id) => !cadreRows.some((c) => c.id === id),
  );
  const leaders = (await cadresByIds(db, leaderIds)).filter((c) => c.disabled_at === null);
  const all = [...cadreRows, ...leaders];
  const counts = await activeCounts(
    db,
    all.map((c) => c.id),
  );
  const capacity = new Map(
    all.map((c) => [c.id, { cadre: c, max: quotaOf(c, settings).quota.max, load: counts.get(c.id) ?? 0 }]),
  );
  const contactAt = new Map<string, Set<string>>();
  for (const p of points)
    contactAt.set(p.village_code, (contactAt.get(p.village_code) ?? new Set()).add(p.leader_id));

  const pick = (ids: string[]) => {
    let best: { id: string; ratio: number } | null = null;
    for (const id of ids) {
      const c = capacity.get(id);
      if (!c || c.load >= c.max) continue;
      const ratio = c.load / Math.max(c.max, 1);
      if (!best || ratio < best.ratio) best = { id, ratio };
    }
    return best?.id ?? null;
  };
  const items: Proposal['items'] = [];
  const unassigned: string[] = [];
  for (const h of households) {
    const village = all.filter((c) => c.area_code.startsWith(h.village_code)).map((c) => c.id);
    const contact = [...(contactAt.get(h.village_code) ?? [])];
    const townStaff = all.filter((c) => c.area_code === town.code).map((c) => c.id);
    let because: Proposal['items'][number]['because'] = 'village';
    let chosen = pick(village);
    if (!chosen) {
      because = 'contact_point';
      chosen = pick(contact);
    }
    if (!chosen) {
      because = 'town';
      chosen = pick(townStaff);
    }
    const c = chosen ? capacity.get(chosen) : undefined;
    if (!c) {
      unassigned.push(h.id);
      continue;
    }
    c.load++;
    items.push({
      householdId: h.id,
      householdNumber: h.number,
      villageCode: h.village_code,
      cadreId: c.cadre.id,
      cadreName: c.cadre.name,
      because,
    });
  }
  return { items, unassigned };
}

/** Accepts a (reviewed, edited) proposal: every pairing is checked as if made by hand; all or nothing. */
export async function acceptProposal(
  db: Db,
  ctx: AreaContext,
  body: { startDate: string; items: { householdId: string; cadreId: string }[] },
): Promise<number> {
  const settings = await assistanceSettings(db);
  for (const item of body.items) {
    await createPairing(
      db,
      ctx,
      { ...item, startDate: body.startDate, endDate: null, reason: '结对建议' },
      settings,
    );
  }
  return body.items.length;
}
