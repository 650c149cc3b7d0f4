import { chinaDate, defaultAssistanceSettings, type needKinds } from '@lianxin/common';
import { type Insertable, type Kysely, sql } from 'kysely';
import { engineOf } from '../../server/src/db/dialect';
import type {
  ContactPointsTable,
  DB,
  PairingsTable,
  VisitCadresTable,
  VisitsTable,
} from '../../server/src/db/schema';
import { Random } from '../../server/src/demo/random';
import type { Clock } from '../../server/src/platform/clock';
import { newId } from '../../server/src/platform/ids';

const DAY = 86_400_000;

const householdFindings = [
  '入户了解家庭收支，户主务工收入稳定，孩子在校情况良好。',
  '老人慢性病用药正常，提醒按时复查，医保报销已办理。',
  '查看房屋安全，雨季前需修补屋顶，已登记。',
  '了解就业意愿，儿子想就近务工，推荐镇上用工信息。',
  '电话询问近况，家中无新增困难。',
  '低保待遇按月到账，家庭收入无明显变化。',
  '协助填写医疗救助申请材料。',
  '与户主商量发展养殖，介绍产业扶持政策。',
];
const villageFindings = [
  '走村查看道路和饮水工程进度，与村两委研究下一步安排。',
  '召开群众会，听取对村务公开和低保评议的意见。',
  '查看灾后重建和受灾户安置情况。',
  '与村干部排查矛盾纠纷，逐户了解信访老户近况。',
];
type Need = (typeof needKinds)[number];
const needChoices: Need[] = ['income', 'medical', 'housing', 'education', 'employment', 'elderly_care'];

interface Household {
  id: string;
  village_code: string;
  area_code: string;
}

/**
 * Three years of contact work for the generated district: the priority households paired
 * within the default quotas (village cadres of the village up to 10 each, then the town's staff
 * up to 5 each; a few recent ones left for a proposal), contact points for the town heads, and
 * about a million visits with their cadres — most by the paired cadre at about the priority
 * tier's frequency, some to other must-visit and watch households by a village cadre, and
 * village visits to the must-go villages. Deterministic for a seed (contents; ids are new).
 */
export async function generateVisits(
  db: Kysely<DB>,
  options: { seed: number; clock: Clock; progress?: (line: string) => void },
): Promise<{ pairings: number; visits: number; visitCadres: number }> {
  const random = new Random(options.seed + 11);
  const now = options.clock.now();
  const today = chinaDate(now);
  const start = now.getTime() - 3 * 365 * DAY;
  const day = (t: number) => chinaDate(new Date(t));
  const quotas = defaultAssistanceSettings.quotas;

  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'area_code'])
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
  const cadresOf = new Map<string, string[]>();
  const staffOf = new Map<string, string[]>();
  const headOf = new Map<string, string>();
  for (const u of users) {
    if (u.role === 'village_cadre') cadresOf.set(u.area_code, [...(cadresOf.get(u.area_code) ?? []), u.id]);
    if (u.role === 'town_staff') staffOf.set(u.area_code, [...(staffOf.get(u.area_code) ?? []), u.id]);
    if (u.role === 'town_head') headOf.set(u.area_code, u.id);
  }
  const townOf = (village: string) => `${village.slice(0, 9)}000`;

  // ---- pairings ------------------------------------------------------------------------------
  const priority = await db
    .selectFrom('households')
    .select(['id', 'village_code', 'area_code'])
    .where('tier', '=', 'priority')
    .where('status', '=', 'active')
    .orderBy('village_code')
    .orderBy('number')
    .execute();
  const load = new Map<string, number>();
  const leastLoaded = (ids: string[], max: number) => {
    let best: string | null = null;
    for (const id of ids) {
      const n = load.get(id) ?? 0;
      if (n < max && (best === null || n < (load.get(best) ?? 0))) best = id;
    }
    return best;
  };
  const pairings: Insertable<PairingsTable>[] = [];
  const pairedWith = new Map<string, { cadre: string; since: number }>();
  for (const h of priority) {
    // Households that became priority lately wait for the town head's next proposal.
    if (random.chance(0.04)) continue;
    const cadre =
      leastLoaded(cadresOf.get(h.village_code) ?? [], quotas.village_cadre.max) ??
      leastLoaded(staffOf.get(townOf(h.village_code)) ?? [], quotas.town_staff.max);
    if (!cadre) continue;
    load.set(cadre, (load.get(cadre) ?? 0) + 1);
    // Most pairings date from the campaign's start; the rest came as households moved up a tier.
    const since = random.chance(0.6) ? start : start + random.next() * (3 * 365 - 60) * DAY;
    pairedWith.set(h.id, { cadre, since });
    pairings.push({
      id: newId(),
      household_id: h.id,
      cadre_id: cadre,
      village_code: h.village_code,
      area_code: h.area_code,
      start_date: day(since),
      end_date: null,
      reason: '连心户结对帮扶',
      status: 'active',
      reviewed_tier: 'priority',
      end_reason: null,
      created_by: null,
      created_at: new Date(since).toISOString(),
      version: 1,
      updated_at: new Date(since).toISOString(),
    });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < pairings.length; i += 2000)
      await trx
        .insertInto('pairings')
        .values(pairings.slice(i, i + 2000))
        .execute();
  });
  options.progress?.(
    `${pairings.length} pairings (${priority.length - pairings.length} priority households unpaired)`,
  );

  // ---- contact points: each town head takes two of the town's flagged villages ----------------
  const villages = await db
    .selectFrom('areas')
    .select(['code', 'extremely_poor', 'remote', 'hard_to_advance'])
    .where('kind', '=', 'village')
    .orderBy('code')
    .execute();
  const flagged = new Set(
    villages.filter((v) => v.extremely_poor || v.remote || v.hard_to_advance).map((v) => v.code),
  );
  const points: Insertable<ContactPointsTable>[] = [];
  for (const [town, head] of headOf) {
    const mine = villages.filter((v) => townOf(v.code) === town && flagged.has(v.code)).slice(0, 2);
    for (const v of mine)
      points.push({
        id: newId(),
        leader_id: head,
        village_code: v.code,
        start_date: day(start),
        end_date: null,
        created_by: null,
        created_at: new Date(start).toISOString(),
      });
  }
  if (points.length) await db.insertInto('contact_points').values(points).execute();

  // ---- visits --------------------------------------------------------------------------------
  let visits: Insertable<VisitsTable>[] = [];
  let visitCadres: Insertable<VisitCadresTable>[] = [];
  let made = 0;
  let cadreRows = 0;
  const flush = async () => {
    const v = visits;
    const c = visitCadres;
    visits = [];
    visitCadres = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < v.length; i += 2000)
        await trx
          .insertInto('visits')
          .values(v.slice(i, i + 2000))
          .execute();
      for (let i = 0; i < c.length; i += 5000)
        await trx
          .insertInto('visit_cadres')
          .values(c.slice(i, i + 5000))
          .execute();
    });
  };
  const add = async (
    target: { household: Household | null; village: string },
    at: number,
    cadres: string[],
    kind: VisitsTable['kind'],
  ) => {
    const id = newId();
    const date = day(at);
    const needs = random.chance(0.3) ? [random.pick(needChoices)] : [];
    visits.push({
      id,
      household_id: target.household?.id ?? null,
      village_code: target.village,
      area_code: target.household?.area_code ?? target.village,
      date,
      kind,
      findings: random.pick(target.household ? householdFindings : villageFindings),
      needs: JSON.stringify(needs),
      latitude: null,
      longitude: null,
      created_by: cadres[0] ?? '',
      // Recorded in the evening of the visit (China time), or synced the next morning.
      created_at: new Date(
        Date.parse(`${date}T10:00:00.000Z`) + random.next() * 14 * 3_600_000,
      ).toISOString(),
    });
    for (const cadre_id of cadres)
      visitCadres.push({ visit_id: id, cadre_id, date, village_code: target.village });
    made++;
    cadreRows += cadres.length;
    if (visits.length >= 20_000) {
      await flush();
      if (made % 100_000 < 20_000) options.progress?.(`${made} visits`);
    }
  };
  const end = now.getTime();
  /** Visits from `since` with gaps of `every` days times a factor, until today. */
  const series = async (
    household: Household,
    since: number,
    every: number,
    spread: [number, number],
    who: () => string[],
  ) => {
    let at = since + random.next() * every * DAY;
    while (at < end) {
      await add(
        { household, village: household.village_code },
        at,
        who(),
        random.chance(0.15) ? 'phone' : 'in_home',
      );
      at += every * (spread[0] + random.next() * (spread[1] - spread[0])) * DAY;
    }
  };

  // Paired households, by their helper: each cadre keeps to the 30-day rhythm more or less well.
  const diligence = new Map<string, number>();
  const byId = new Map(priority.map((h) => [h.id, h]));
  const every = defaultAssistanceSettings.visitEveryDays;
  for (const [householdId, pairing] of pairedWith) {
    const household = byId.get(householdId);
    if (!household) continue;
    const factor = diligence.get(pairing.cadre) ?? 0.9 + random.next() * 1.5;
    diligence.set(pairing.cadre, factor);
    const colleagues = cadresOf.get(household.village_code) ?? [];
    await series(household, pairing.since, every.priority * factor, [0.75, 1.25], () =>
      random.chance(0.1) && colleagues.length > 1
        ? [pairing.cadre, random.pick(colleagues.filter((c) => c !== pairing.cadre))]
        : [pairing.cadre],
    );
  }
  options.progress?.(`${made} visits to paired households`);

  // Other must-visit households (五保, 低保 in the watch tier, veteran members, deputies, cadres)
  // and some of the watch tier, visited by a village cadre now and then.
  const mustVisit = new Set(
    [
      ...(await db
        .selectFrom('household_tags')
        .select('household_id')
        .where('tag_code', 'in', ['dibao', 'wubao', 'tekun', 'monitored'])
        .execute()),
      ...(await db
        .selectFrom('residents')
        .select('household_id')
        .where('status', '=', 'active')
        .where((eb) =>
          eb.or([
            eb.and([eb('party_member', '=', true), eb('party_join_year', '<=', 1976)]),
            eb('public_roles', '<>', '[]'),
          ]),
        )
        .execute()),
    ].map((r) => r.household_id),
  );
  const others = await db
    .selectFrom('households')
    .select(['id', 'village_code', 'area_code', 'tier'])
    .where('status', '=', 'active')
    .where('tier', '!=', 'priority')
    .orderBy('village_code')
    .orderBy('number')
    .execute();
  for (const h of others) {
    const must = mustVisit.has(h.id);
    if (!(must ? random.chance(0.75) : h.tier === 'watch' && random.chance(0.25))) continue;
    const colleagues = cadresOf.get(h.village_code) ?? [];
    if (colleagues.length === 0) continue;
    await series(h, start, every.watch * (must ? 1.6 : 2.2), [0.6, 1.4], () => [random.pick(colleagues)]);
  }
  options.progress?.(`${made} visits with the watch tier and the other must-visit households`);

  // Village visits: town staff and heads go to the flagged villages about twice a month, to the
  // others about every two months; the contact-point leader joins now and then.
  const leaderAt = new Map(points.map((p) => [p.village_code, p.leader_id]));
  for (const v of villages) {
    const staff = staffOf.get(townOf(v.code)) ?? [];
    if (staff.length === 0) continue;
    const gap = flagged.has(v.code) ? 15 : 60;
    let at = start + random.next() * gap * DAY;
    while (at < end) {
      const leader = leaderAt.get(v.code);
      const cadres = leader && random.chance(0.3) ? [leader, random.pick(staff)] : [random.pick(staff)];
      await add(
        { household: null, village: v.code },
        at,
        cadres,
        random.chance(0.3) ? 'group_meeting' : 'in_home',
      );
      at += gap * (0.5 + random.next()) * DAY;
    }
  }
  await flush();
  options.progress?.(`${made} visits in all, ${cadreRows} visit cadres, up to ${today}`);
  // Statistics and, on PostgreSQL, the visibility map, as autovacuum would leave them after a
  // bulk load: the visits index answers "visited?" without reading the table.
  const postgres = engineOf(db) === 'postgres';
  for (const table of ['pairings', 'contact_points', 'visits', 'visit_cadres'])
    await sql`${sql.raw(postgres ? 'vacuum analyze' : 'analyze')} ${sql.table(table)}`.execute(db);
  return { pairings: pairings.length, visits: made, visitCadres: cadreRows };
}
