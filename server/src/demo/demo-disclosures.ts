import {
  chinaDate,
  chinaDayStart,
  type DisclosureCategory,
  defaultDisclosureSettings,
  defaultLocale,
  disclosureDueAt,
  nextPeriod,
  periodAt,
  periodStart,
  shiftMonth,
} from '@lianxin/common';
import type { Db } from '../db/dialect';
import {
  addAccountability,
  addSpending,
  completeStage,
  createProject,
  publishDisclosure,
  updateVillageSchedule,
} from '../modules/democracy';
import type { Clock } from '../platform/clock';
import type { AreaContext } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { type DemoUser, demoUsers, demoVillages } from './demo.repository';
import { villageNames } from './demo-disclosures.repository';
import { Random } from './random';

// 村务公开 and 重大投资项目 in the demo district, by the day it is loaded: every village counts its
// schedule from the month a year back and published its affairs each quarter and its finances each
// month, on the 5th of the month after; one of each village's months came a few days after its
// due date, and the first village of each town has left the latest month past its due date (the 10th)
// unpublished (the town sees it late). 关庙镇's first village has two projects: a road whose tender came
// late with a 约谈 recorded, and a solar plant on time with its spending.

const DAY = 86_400_000;
const GUANMIAO = '610902101000';

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
/** 10:00 China time of a China day. */
const morningOf = (day: string) => new Date(chinaDayStart(day).getTime() + 10 * 3_600_000);

function financeText(village: string, period: string, random: Random): string {
  const income = random.int(18_000, 96_000);
  const spending = random.int(12_000, income);
  return [
    `${village}${period.replace('-', '年')}月财务收支公开：`,
    `一、收入 ${income.toLocaleString('zh-CN')}.00 元：上级转移支付、集体资产租赁、合作社分红。`,
    `二、支出 ${spending.toLocaleString('zh-CN')}.00 元：干部误工补贴、村道维护、环境卫生、困难群众临时救助、办公水电。`,
    `三、本月结余 ${(income - spending).toLocaleString('zh-CN')}.00 元。凭证可到村委会查阅。`,
  ].join('\n');
}

function generalText(village: string, period: string): string {
  return [
    `${village}${period.replace('-Q', '年第')}季度村务公开：`,
    '一、村民代表会议决定事项及执行情况；',
    '二、低保、临时救助、高龄补贴等惠民资金发放情况（名单另行公示，不含身份证号和电话）；',
    '三、村级公益事业建设、集体资产出租出让情况；',
    '四、计划生育、宅基地审批、土地承包调整情况。',
  ].join('\n');
}

function staffContext(user: DemoUser, clock: Clock, secrets: Secrets, db: Db): AreaContext {
  return {
    caller: {
      id: user.id,
      username: user.id,
      name: user.name,
      role: user.role,
      areaCode: user.area_code,
      areaKind: user.kind,
      unitId: null,
      locale: null,
    },
    scope: scopeOf({ code: user.area_code, kind: user.kind }),
    actor: { id: user.id, name: user.name, ip: null },
    locale: defaultLocale,
    clock,
    secrets,
    db,
  };
}

/** Loads the demo's disclosure schedules, a year of disclosures per village and two projects. */
export async function loadDemoDisclosures(trx: Db, clock: Clock, secrets: Secrets): Promise<void> {
  const random = new Random(20261209);
  const now = clock.now();
  const users = await demoUsers(trx);
  const names = await villageNames(trx);
  const villages = (await demoVillages(trx)).map((v) => ({ code: v.code, town: v.parent_code ?? '' }));
  villages.sort((a, b) => a.code.localeCompare(b.code));
  const firstOfTown = new Set(
    [...new Set(villages.map((v) => v.town))].map((town) => villages.find((v) => v.town === town)?.code),
  );
  const thisMonth = periodAt(now, 'month');
  const startMonth = shiftMonth(thisMonth, -12);
  const startsOn = `${startMonth}-01`;
  // The latest month whose finances are past due (before the 10th, the month before last).
  const lastMonth = [shiftMonth(thisMonth, -1), shiftMonth(thisMonth, -2)].find(
    (m) => disclosureDueAt(m, defaultDisclosureSettings).getTime() <= now.getTime(),
  );

  for (const [index, village] of villages.entries()) {
    const cadre = users.find((u) => u.role === 'village_cadre' && u.area_code === village.code);
    if (!cadre) continue;
    const name = names.get(village.code) ?? '';
    const ctx = (when: Clock) => staffContext(cadre, when, secrets, trx);
    await updateVillageSchedule(trx, ctx(at(`${startsOn}T00:00:00.000Z`)), village.code, {
      version: 0,
      financeCadence: 'monthly',
      startsOn,
    });
    const lines: { category: DisclosureCategory; period: string }[] = [];
    for (let month = startMonth; month < thisMonth; month = shiftMonth(month, 1)) {
      lines.push({ category: 'finance', period: month });
    }
    for (
      let quarter = periodAt(chinaDayStart(startsOn), 'quarter');
      periodStart(nextPeriod(quarter)) <= chinaDate(now);
      quarter = nextPeriod(quarter)
    ) {
      if (periodStart(nextPeriod(quarter)) > startsOn) lines.push({ category: 'general', period: quarter });
    }
    const lateMonth = shiftMonth(startMonth, 2 + (index % 8));
    for (const line of lines) {
      const due = disclosureDueAt(line.period, defaultDisclosureSettings);
      const unpublished =
        line.category === 'finance' && line.period === lastMonth && firstOfTown.has(village.code);
      const late = line.category === 'finance' && line.period === lateMonth;
      // On time: the 5th of the month after, at 10:00; late: three days after the due date.
      const monthAfter =
        line.category === 'finance'
          ? shiftMonth(line.period, 1)
          : periodStart(nextPeriod(line.period)).slice(0, 7);
      const published = late ? new Date(due.getTime() + 3 * DAY) : morningOf(`${monthAfter}-05`);
      if (unpublished || published.getTime() > now.getTime()) continue;
      await publishDisclosure(trx, ctx(at(published.toISOString())), {
        villageCode: village.code,
        category: line.category,
        period: line.period,
        title:
          line.category === 'finance'
            ? `${line.period.replace('-', '年')}月村级财务收支公开`
            : `${line.period.replace('-Q', '年第')}季度村务公开`,
        content:
          line.category === 'finance'
            ? financeText(name, line.period, random)
            : generalText(name, line.period),
      });
    }
  }

  await loadDemoProjects(trx, clock, secrets, users, villages.filter((v) => v.town === GUANMIAO)[0]?.code);
}

async function loadDemoProjects(
  trx: Db,
  clock: Clock,
  secrets: Secrets,
  users: DemoUser[],
  village: string | undefined,
): Promise<void> {
  const cadre = users.find((u) => u.role === 'village_cadre' && u.area_code === village);
  const townStaff = users.find((u) => u.role === 'town_staff' && u.area_code === GUANMIAO);
  if (!village || !cadre || !townStaff) return;
  const now = clock.now().getTime();
  const daysAgo = (n: number) => at(new Date(now - n * DAY).toISOString());
  const day = (n: number) => chinaDate(new Date(now + n * DAY));
  const ctx = (user: DemoUser, when: Clock) => staffContext(user, when, secrets, trx);

  // The road: its tender was due 20 days ago and came 6 days late; the town talked to the person responsible.
  const road = await createProject(trx, ctx(cadre, daysAgo(75)), {
    areaCode: village,
    title: '王家湾至河坝通组道路硬化工程',
    description:
      '硬化通组道路 2.4 公里，宽 4.5 米，新建错车道 4 处、涵洞 2 处。资金来源：衔接推进乡村振兴补助资金 62 万元，村集体自筹 8 万元。',
    responsiblePerson: '周德胜',
    responsibleUnit: '关庙镇农业综合服务中心',
    budget: 700_000,
    stages: [
      { name: '勘察设计与公开比选', dueOn: day(-20) },
      { name: '路基与涵洞施工', dueOn: day(40) },
      { name: '路面硬化', dueOn: day(95) },
      { name: '竣工验收与决算公开', dueOn: day(120) },
    ],
  });
  const [tender] = road.stagesList;
  if (tender) {
    await completeStage(trx, ctx(cadre, daysAgo(14)), road.id, tender.id, {
      completedOn: day(-14),
      note: '比选一次流标，重新比选。',
    });
    await addSpending(trx, ctx(cadre, daysAgo(12)), road.id, {
      stageId: tender.id,
      spentOn: day(-12),
      amount: 18_600,
      item: '勘察设计费',
    });
    await addSpending(trx, ctx(cadre, daysAgo(5)), road.id, {
      stageId: null,
      spentOn: day(-5),
      amount: 126_000,
      item: '预付工程款（30%）',
    });
    await addAccountability(trx, ctx(townStaff, daysAgo(10)), road.id, {
      reason: 'stage_late',
      stageId: tender.id,
      objectionId: null,
      person: '周德胜',
      measure: 'interview',
      decidedOn: day(-10),
      note: '勘察设计与公开比选阶段逾期 6 天：比选文件准备不足导致流标。镇纪委约谈责任人，责令在后续阶段倒排工期。',
    });
  }

  // The solar plant: on time so far, its first stage done and paid.
  const solar = await createProject(trx, ctx(cadre, daysAgo(40)), {
    areaCode: village,
    title: '村级光伏电站建设项目（100千瓦）',
    description:
      '在村委会及村小学屋顶建设 100 千瓦分布式光伏电站，收益归村集体，用于公益岗位和困难群众救助。',
    responsiblePerson: '陈永红',
    responsibleUnit: '村民委员会',
    budget: 420_000,
    stages: [
      { name: '方案报批与招标', dueOn: day(-7) },
      { name: '设备采购与安装', dueOn: day(30) },
      { name: '并网验收', dueOn: day(60) },
    ],
  });
  const [approval] = solar.stagesList;
  if (approval) {
    await completeStage(trx, ctx(cadre, daysAgo(9)), solar.id, approval.id, {
      completedOn: day(-9),
      note: '',
    });
    await addSpending(trx, ctx(cadre, daysAgo(8)), solar.id, {
      stageId: approval.id,
      spentOn: day(-8),
      amount: 9_800,
      item: '可研与招标代理费',
    });
  }
}
