import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type { VisitCadresTable, VisitsTable } from '../db/schema';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import {
  contactPointVillages,
  demoUsers,
  demoVillages,
  insertContactPoint,
  insertVisitHistory,
} from './demo.repository';
import type { Random } from './random';

const DAY = 86_400_000;

const receptionFindings = [
  '接访日：听取群众对村道硬化和路灯的意见，已交村两委研究。',
  '接访日：两户反映低保复核进度，当场联系镇民政办答复。',
  '接访日：了解到灌溉渠堵塞，安排村里组织清淤。',
  '接访日：群众反映饮水水压不足，已转镇水利站核查。',
];

/**
 * So every demo village's page has someone to find: the villages without a leader's contact point
 * get one of their town's leaders (the head and the middle-ranked staff take the town's villages in
 * turn, as towns do when 包村), and most contact points have a recent reception day (接访日).
 */
export async function loadDemoVillagePages(trx: Db, clock: Clock, random: Random): Promise<void> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const users = await demoUsers(trx);
  const villages = await demoVillages(trx);
  const covered = new Set(await contactPointVillages(trx));
  const leaderOf = new Map<string, string[]>();
  for (const village of villages) {
    const town = village.parent_code ?? '';
    if (!leaderOf.has(town)) {
      leaderOf.set(
        town,
        users
          .filter((u) => u.area_code === town && (u.rank === 'leader' || u.rank === 'middle'))
          .map((u) => u.id),
      );
    }
  }
  const turn = new Map<string, number>();
  const points: { leader: string; village: string }[] = [];
  for (const village of villages) {
    const town = village.parent_code ?? '';
    const leaders = leaderOf.get(town) ?? [];
    if (covered.has(village.code) || leaders.length === 0) continue;
    const next = turn.get(town) ?? 0;
    turn.set(town, next + 1);
    const leader = leaders[next % leaders.length] as string;
    await insertContactPoint(trx, {
      id: newId(),
      leader_id: leader,
      village_code: village.code,
      start_date: day(random.int(150, 400)),
      end_date: null,
      created_by: null,
      created_at: nowIso,
    });
    points.push({ leader, village: village.code });
  }

  const visits: Insertable<VisitsTable>[] = [];
  const visitCadres: Insertable<VisitCadresTable>[] = [];
  for (const { leader, village } of points) {
    if (!random.chance(0.75)) continue;
    const id = newId();
    const date = day(random.int(2, 45));
    visits.push({
      id,
      household_id: null,
      village_code: village,
      area_code: village,
      date,
      kind: 'reception_day',
      findings: random.pick(receptionFindings),
      needs: '[]',
      latitude: null,
      longitude: null,
      created_by: leader,
      created_at: nowIso,
    });
    visitCadres.push({ visit_id: id, cadre_id: leader, date, village_code: village });
  }
  await insertVisitHistory(trx, { visits, visitCadres, measures: [] });
}
