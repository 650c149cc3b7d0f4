import { defaultAssistanceSettings, helpMeasureKinds, needKinds } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type { HelpMeasuresTable, VisitCadresTable, VisitsTable } from '../db/schema';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import {
  demoUsers,
  demoVillages,
  insertContactPoint,
  insertHelperRating,
  insertPairing,
  insertVisitHistory,
  priorityHouseholds,
} from './demo.repository';
import type { Random } from './random';

const DAY = 86_400_000;

const findings = [
  '户主身体状况稳定，按时服药，家中生活基本有保障。',
  '了解到孩子上学交通不便，已记下需求。',
  '老人独居，门窗漏风，需要帮助维修。',
  '家中劳动力外出务工，收入较去年有增加。',
  '医保已续缴，提醒按时复查。',
  '宣讲了产业扶持政策，户主有意发展养殖。',
];

/**
 * Pairings, contact points, visits, help measures and ratings for the demo district: most
 * priority households paired with their village's cadres (some not yet, for the board), visits
 * over the last three months (some overdue), leaders' visits to must-go villages.
 * Written as history, straight into the tables (the visits predate the household files, which the
 * demo creates today).
 */
export async function loadDemoAssistance(trx: Db, clock: Clock, random: Random) {
  const now = clock.now();
  const nowIso = now.toISOString();
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const users = await demoUsers(trx);
  const villages = await demoVillages(trx);
  const households = await priorityHouseholds(trx);
  const load = new Map<string, number>();
  const max = defaultAssistanceSettings.quotas.village_cadre.max;
  const visits: Insertable<VisitsTable>[] = [];
  const visitCadres: Insertable<VisitCadresTable>[] = [];
  const measures: Insertable<HelpMeasuresTable>[] = [];
  const visit = (
    householdId: string | null,
    village: string,
    area: string,
    date: string,
    cadres: string[],
  ) => {
    const id = newId();
    visits.push({
      id,
      household_id: householdId,
      village_code: village,
      area_code: area,
      date,
      kind: householdId ? random.pick(['in_home', 'in_home', 'in_home', 'phone'] as const) : 'group_meeting',
      findings: random.pick(findings),
      needs: JSON.stringify(random.chance(0.5) ? [random.pick(needKinds)] : []),
      latitude: null,
      longitude: null,
      created_by: cadres[0] ?? '',
      created_at: nowIso,
    });
    for (const cadre_id of cadres) visitCadres.push({ visit_id: id, cadre_id, date, village_code: village });
    return id;
  };

  for (const h of households) {
    // A few priority households wait for a helper, so the board has work to show.
    if (random.chance(0.12)) continue;
    const cadres = users.filter((u) => u.role === 'village_cadre' && u.area_code === h.village_code);
    const cadre = cadres
      .filter((c) => (load.get(c.id) ?? 0) < max)
      .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))[0];
    if (!cadre) continue;
    load.set(cadre.id, (load.get(cadre.id) ?? 0) + 1);
    const pairingId = newId();
    const start = random.int(60, 120);
    await insertPairing(trx, {
      id: pairingId,
      household_id: h.id,
      cadre_id: cadre.id,
      village_code: h.village_code,
      area_code: h.area_code,
      start_date: day(start),
      reason: '连心户一对一帮扶',
      status: 'active',
      reviewed_tier: 'priority',
      created_at: nowIso,
      version: 1,
      updated_at: nowIso,
    });
    // Roughly monthly visits since the start; some cadres fall behind.
    const behind = random.chance(0.2);
    for (let d = start - random.int(3, 15); d > (behind ? 40 : 2); d -= random.int(24, 34)) {
      const visitId = visit(h.id, h.village_code, h.area_code, day(d), [cadre.id]);
      if (random.chance(0.15)) {
        measures.push({
          id: newId(),
          household_id: h.id,
          cadre_id: cadre.id,
          area_code: h.area_code,
          kind: random.pick(helpMeasureKinds),
          status: random.pick(['done', 'in_progress', 'planned'] as const),
          description: '走访中商定的帮扶措施',
          outcome: '',
          start_date: day(d),
          finished_at: null,
          visit_id: visitId,
          created_at: nowIso,
          version: 1,
          updated_at: nowIso,
        });
      }
    }
    if (random.chance(0.3)) {
      await insertHelperRating(trx, {
        id: newId(),
        pairing_id: pairingId,
        cadre_id: cadre.id,
        rating: random.chance(0.8) ? 'satisfied' : random.chance(0.7) ? 'basically_satisfied' : 'unsatisfied',
        comment: '',
        via: 'callback',
        created_at: nowIso,
      });
    }
  }

  // Leaders with contact points visit their villages; must-go villages get visits too, not all.
  const leaders = users.filter((u) => u.rank === 'leader');
  const flagged = villages.filter((v) => v.extremely_poor || v.remote || v.hard_to_advance);
  for (const [i, leader] of leaders.entries()) {
    const village = flagged[i % Math.max(flagged.length, 1)] ?? villages[i % villages.length];
    if (!village) continue;
    await insertContactPoint(trx, {
      id: newId(),
      leader_id: leader.id,
      village_code: village.code,
      start_date: day(300),
      end_date: null,
      created_by: null,
      created_at: nowIso,
    });
    if (random.chance(0.7)) visit(null, village.code, village.code, day(random.int(5, 80)), [leader.id]);
  }
  for (const village of flagged) {
    if (!random.chance(0.6)) continue;
    const cadre = users.find((u) => u.role === 'village_cadre' && u.area_code === village.code);
    if (cadre) visit(null, village.code, village.code, day(random.int(3, 60)), [cadre.id]);
  }
  await insertVisitHistory(trx, { visits, visitCadres, measures });
}
