import { defaultLocale } from '@lianxin/common';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { createAppeal } from '../modules/appeals';
import { registerSafetyWordsCheck } from '../modules/warnings';
import type { Clock } from '../platform/clock';
import type { AreaContext } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { type DemoUser, demoUsers, demoVillages } from './demo.repository';

const HOUR = 3_600_000;

// Early warning (预警) in the demo: drinking water reported bad by several households of two
// neighbouring villages over the last days — the scan raises one cluster warning on its first run —
// and an appeal speaking of violence at home, flagged urgent the moment it is taken in.
const cluster = [
  {
    hoursAgo: 110,
    title: '自来水发黄有异味',
    description: '这几天自来水发黄，有一股铁锈味，烧开了也不敢喝，家里有老人小孩。',
  },
  {
    hoursAgo: 80,
    title: '自来水浑浊发黄',
    description: '自来水发黄浑浊，有铁锈味，不敢给孩子喝，请查一下水源和管道。',
  },
  {
    hoursAgo: 50,
    title: '饮用水发黄有铁锈味',
    description: '我们组自来水发黄，有异味和铁锈味，烧开了也不敢喝，请尽快处理。',
  },
  {
    hoursAgo: 20,
    title: '自来水有异味',
    description: '自来水发黄有异味，像铁锈味，家里老人喝了肚子不舒服，请派人查查。',
  },
];
const safety = {
  hoursAgo: 6,
  title: '邻居家中吵闹，担心出事',
  description: '隔壁男主人酒后经常动手，昨晚又听到家暴的声音，女主人哭着说不想活了，请村里赶紧去看看。',
};

/** A clock the demo sets by hand, so each sample appeal is taken in at its own time. */
class SetClock implements Clock {
  at = new Date();
  now(): Date {
    return new Date(this.at);
  }
}

/**
 * The demo's early-warning samples, taken in like any appeal (so the safety-word check runs on
 * them): a cluster of similar appeals in two villages of one town, and a safety-word appeal.
 */
export async function loadDemoWarnings(trx: Transaction<DB> | Kysely<DB>, clock: Clock, secrets: Secrets) {
  registerSafetyWordsCheck();
  const users = await demoUsers(trx);
  const villages = await demoVillages(trx);
  const cadreOf = (code: string) => users.find((u) => u.area_code === code && u.role === 'village_cadre');
  // The first town with two villages that have cadres: neighbours for the cluster.
  const byTown = new Map<string, { code: string; cadre: DemoUser }[]>();
  for (const v of villages) {
    const cadre = cadreOf(v.code);
    if (!cadre || !v.parent_code) continue;
    byTown.set(v.parent_code, [...(byTown.get(v.parent_code) ?? []), { code: v.code, cadre }]);
  }
  const neighbours = [...byTown.values()].find((list) => list.length >= 2);
  if (!neighbours) return;
  const at = new SetClock();
  const end = clock.now().getTime();
  const take = async (
    village: { code: string; cadre: DemoUser },
    appeal: { hoursAgo: number; title: string; description: string },
    category: string,
    phone: string,
  ) => {
    at.at = new Date(end - appeal.hoursAgo * HOUR);
    const ctx: AreaContext = {
      clock: at,
      locale: defaultLocale,
      db: trx,
      secrets,
      actor: { id: village.cadre.id, name: village.cadre.name, ip: null },
      caller: {
        id: village.cadre.id,
        username: village.cadre.name,
        name: village.cadre.name,
        role: village.cadre.role,
        areaCode: village.cadre.area_code,
        areaKind: village.cadre.kind,
        unitId: null,
        locale: null,
      },
      scope: scopeOf({ code: village.cadre.area_code, kind: village.cadre.kind }),
    };
    await createAppeal(
      trx,
      ctx,
      {
        channel: 'visit',
        categoryCode: category,
        urgency: 'normal',
        villageCode: village.code,
        address: '',
        latitude: null,
        longitude: null,
        title: appeal.title,
        description: appeal.description,
        reporterKind: 'person',
        reporterResidentId: null,
        householdId: null,
        reporterName: '群众',
        reporterPhone: phone,
      },
      { createdBy: village.cadre.id, ipHash: null },
    );
  };
  for (const [i, appeal] of cluster.entries())
    await take(
      neighbours[i % 2] as { code: string; cadre: DemoUser },
      appeal,
      'roads_water',
      `1390000100${i}`,
    );
  await take(neighbours[0] as { code: string; cadre: DemoUser }, safety, 'neighbour_dispute', '13900002001');
}
