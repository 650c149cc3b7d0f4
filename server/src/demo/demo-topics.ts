import {
  type AppealAction,
  type AppealActionBody,
  chinaDate,
  chinaDayStart,
  defaultLocale,
  type Role,
  shiftMonth,
} from '@lianxin/common';
import type { Db } from '../db/dialect';
import { actOnAppeal, createAppeal, recordCallback } from '../modules/appeals';
import { createTopic, updateMeasureOf, updateTopicOf } from '../modules/departments';
import type { Clock } from '../platform/clock';
import type { AreaContext } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { appealState, type DemoUser, demoUsers, demoVillages } from './demo.repository';
import { demoDepartments } from './demo-whistles.repository';

// 每月一题 in the demo district, by the months of the day it is loaded (M is this month):
// - M-3: 新城街道's 村组道路积水 (道路水利), led by 区水利局 — measures done, closed, its appeals
//   down by more than its goal in the months after;
// - M-2: 关庙镇's 垃圾清运不及时 (环境卫生), led by 区农业农村局 — two of three measures done;
// - M: 张滩镇's 农民工工资拖欠 (劳资纠纷), led by 区人社局 — picked from the rising counts.
// The appeals behind the figures are written as residents' appeals of those months, handled,
// resolved and called back; none falls in the last eight days, so the early-warning scan's
// windows (7 days) hold none of them.

const DISTRICT = '610902000000';
const XINCHENG = '610902001000';
const GUANMIAO = '610902101000';
const ZHANGTAN = '610902102000';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAYS = [4, 7, 10, 13, 16, 19, 22, 25, 27];

type Texts = [title: string, description: string][];

const ROADS: Texts = [
  ['组道雨后积水', '通组道路低洼处一下雨就积水，没过脚踝，学生上学要绕远路。'],
  ['路边排水沟堵塞', '路边排水沟被泥沙堵死，雨水漫到路面上，希望清淤疏通。'],
  ['涵洞排水不畅', '村口涵洞太小，暴雨时排不过来，路面成了小河。'],
  ['新修道路没有边沟', '今年新硬化的道路没修边沟，雨水都往农户院子里流。'],
  ['下雨路面泥泞', '机耕路一下雨就泥泞不堪，三轮车进不去，农资运不进来。'],
];
const WASTE: Texts = [
  ['垃圾池多日未清', '组里的垃圾池堆满好几天了，没人来拉，苍蝇很多。'],
  ['垃圾车来得太少', '以前每周来两次，现在十来天才来一次，垃圾堆到路边。'],
  ['垃圾桶不够用', '街口只有一个垃圾桶，住户多了根本装不下。'],
  ['河边有人倒垃圾', '清运不及时，有人把生活垃圾直接倒在河边。'],
  ['集镇垃圾清运晚', '逢集过后垃圾第二天中午还没清走，影响做生意。'],
];
const WAGES: Texts = [
  ['包工头拖欠工资', '在镇上工地干了两个多月，包工头一直说月底结，到现在没给。'],
  ['厂里工资发不全', '镇上的加工厂这三个月只发了一半工资，请帮忙协调。'],
  ['工地结算没下文', '跟着施工队修水渠，工程完了工钱迟迟不结算。'],
  ['季节工工钱未付', '在茶园采茶一个月，老板说销售款没回来，工钱一直拖着。'],
];

interface Series {
  town: string;
  category: string;
  texts: Texts;
  /** Appeals per month, by the month's offset from this one. */
  counts: Record<number, number>;
}

const SERIES: Series[] = [
  {
    town: XINCHENG,
    category: 'roads_water',
    texts: ROADS,
    counts: { [-6]: 8, [-5]: 9, [-4]: 10, [-3]: 6, [-2]: 1, [-1]: 1 },
  },
  {
    town: GUANMIAO,
    category: 'environment',
    texts: WASTE,
    counts: { [-5]: 6, [-4]: 7, [-3]: 8, [-2]: 5, [-1]: 1 },
  },
  { town: ZHANGTAN, category: 'wage_dispute', texts: WAGES, counts: { [-3]: 2, [-2]: 3, [-1]: 5 } },
];

/** A clock the demo sets by hand to the moment each step happened. */
class DemoClock implements Clock {
  at = new Date();
  now(): Date {
    return new Date(this.at);
  }
}

export async function loadDemoTopics(trx: Db, clock: Clock, secrets: Secrets): Promise<void> {
  const now = clock.now();
  const month = chinaDate(now).slice(0, 7);
  const users = await demoUsers(trx);
  const villages = await demoVillages(trx);
  const departments = await demoDepartments(trx);
  const demoClock = new DemoClock();
  const contextOf = (user: DemoUser): AreaContext => ({
    clock: demoClock,
    locale: defaultLocale,
    db: trx,
    secrets,
    actor: { id: user.id, name: user.name, ip: null },
    caller: {
      id: user.id,
      username: user.name,
      name: user.name,
      role: user.role,
      areaCode: user.area_code,
      areaKind: user.kind,
      unitId: null,
      locale: null,
    },
    scope: scopeOf({ code: user.area_code, kind: user.kind }),
  });
  const someone = (area: string, roles: Role[]) => {
    const found = users.filter((u) => u.area_code === area && roles.includes(u.role));
    if (found.length === 0) throw new Error(`demo: no ${roles.join('/')} at ${area}`);
    return found;
  };
  const act = async <A extends AppealAction>(
    user: DemoUser,
    id: string,
    action: A,
    body: Omit<AppealActionBody<A>, 'version'>,
  ) => {
    const { version } = await appealState(trx, id);
    await actOnAppeal(trx, contextOf(user), id, action, { ...body, version } as AppealActionBody<A>);
  };
  const latest = now.getTime() - 8 * DAY;

  // The appeals behind the figures: received, accepted, resolved within days and called back.
  const appealsOf = new Map<string, { id: string; at: number }[]>();
  for (const series of SERIES) {
    const townVillages = villages.filter((v) => v.parent_code === series.town).map((v) => v.code);
    const [townHead] = someone(series.town, ['town_head']);
    if (!townHead) continue;
    const made: { id: string; at: number }[] = [];
    let n = 0;
    for (const [offset, count] of Object.entries(series.counts)) {
      const m = shiftMonth(month, Number(offset));
      for (let i = 0; i < count; i++, n++) {
        const at =
          chinaDayStart(`${m}-${String(DAYS[i % DAYS.length]).padStart(2, '0')}`).getTime() + 9 * HOUR;
        if (at > latest) continue;
        const village = townVillages[n % townVillages.length] ?? series.town;
        const [cadre] = users.filter((u) => u.area_code === village && u.role === 'village_cadre');
        const [title, description] = series.texts[n % series.texts.length] ?? ['', ''];
        demoClock.at = new Date(at);
        const created = await createAppeal(
          trx,
          contextOf(cadre ?? townHead),
          {
            channel: n % 3 === 0 ? 'hotline_12345' : 'visit',
            categoryCode: series.category,
            urgency: 'normal',
            villageCode: village,
            address: '',
            latitude: null,
            longitude: null,
            title,
            description,
            reporterKind: 'anonymous',
            reporterResidentId: null,
            householdId: null,
            reporterName: null,
            reporterPhone: null,
          },
          { createdBy: (cadre ?? townHead).id, ipHash: null },
        );
        const { level } = await appealState(trx, created.id);
        const holder = level === 'village' && cadre ? cadre : townHead;
        demoClock.at = new Date(at + 3 * HOUR);
        await act(holder, created.id, 'accept', { note: '' });
        demoClock.at = new Date(at + 2 * DAY);
        await act(holder, created.id, 'resolve', {
          resolution: '已现场核实，协调相关单位处理，并向群众反馈。',
        });
        demoClock.at = new Date(at + 3 * DAY);
        const { version } = await appealState(trx, created.id);
        // The callback is made by someone other than who resolved it.
        const rater =
          users.find((u) => u.area_code === series.town && u.role === 'town_staff' && u.id !== holder.id) ??
          (holder.id === townHead.id ? cadre : townHead);
        if (!rater) continue;
        await recordCallback(trx, contextOf(rater), created.id, {
          version,
          rating: n % 5 === 0 ? 'basically_satisfied' : 'satisfied',
          comment: '',
          reached: true,
        });
        made.push({ id: created.id, at });
      }
    }
    appealsOf.set(series.town, made);
  }

  // The topics, picked by the district's staff on the third of their month.
  const [staff] = users.filter((u) => u.area_code === DISTRICT && u.role === 'district_staff');
  if (!staff) return;
  const ctx = contextOf(staff);
  const unit = (name: string) => {
    const id = departments.get(name);
    if (!id) throw new Error(`demo: no department ${name}`);
    return id;
  };
  const dateOf = (offset: number, day: number) =>
    `${shiftMonth(month, offset)}-${String(day).padStart(2, '0')}`;
  const linked = (town: string, before: string) =>
    (appealsOf.get(town) ?? [])
      .filter((a) => a.at < chinaDayStart(`${before}-01`).getTime())
      .slice(-5)
      .map((a) => a.id);
  const pickedAt = (offset: number) => {
    demoClock.at = new Date(Math.min(chinaDayStart(dateOf(offset, 3)).getTime() + 10 * HOUR, now.getTime()));
  };

  pickedAt(-3);
  const roads = await createTopic(trx, ctx, {
    month: shiftMonth(month, -3),
    areaCode: XINCHENG,
    categoryCode: 'roads_water',
    title: '新城街道村组道路积水治理',
    description: '雨季村组道路积水、排水沟堵塞诉求连续三个月上升，集中在低洼路段和新硬化道路。',
    leadUnitId: unit('区水利局'),
    goalPercent: 30,
    goalText: '选题后月均诉求量较前三个月下降30%以上',
    appealIds: linked(XINCHENG, shiftMonth(month, -3)),
    measures: [
      { text: '全面排查积水点位，建立台账', unitId: unit('区水利局'), dueDate: dateOf(-3, 12) },
      { text: '疏通清淤排水沟、加大涵洞', unitId: unit('区水利局'), dueDate: dateOf(-3, 25) },
      { text: '新硬化道路补建边沟', unitId: unit('区交通运输局'), dueDate: dateOf(-2, 15) },
    ],
  });
  let current = roads;
  for (const [i, measure] of roads.measures.entries()) {
    demoClock.at = new Date(chinaDayStart(measure.dueDate).getTime() - (i + 1) * DAY);
    current = await updateMeasureOf(trx, ctx, roads.id, measure.id, { done: true });
  }
  demoClock.at = new Date(chinaDayStart(dateOf(-1, 5)).getTime() + 10 * HOUR);
  await updateTopicOf(trx, ctx, roads.id, {
    version: current.version,
    status: 'done',
    outcomeNote: '排查积水点位41处，疏通排水沟6.2公里，改造涵洞3座；选题后月均诉求量明显下降。',
  });

  pickedAt(-2);
  const waste = await createTopic(trx, ctx, {
    month: shiftMonth(month, -2),
    areaCode: GUANMIAO,
    categoryCode: 'environment',
    title: '关庙镇生活垃圾清运不及时',
    description: '垃圾池满溢、清运间隔拉长的诉求增多，集镇和沿河村组较集中。',
    leadUnitId: unit('区农业农村局'),
    goalPercent: 40,
    appealIds: linked(GUANMIAO, shiftMonth(month, -2)),
    measures: [
      { text: '调整清运线路，每周清运不少于两次', unitId: unit('区农业农村局'), dueDate: dateOf(-2, 15) },
      { text: '沿河村组增设垃圾收集点8处', unitId: unit('区农业农村局'), dueDate: dateOf(-2, 28) },
      { text: '逢集日当天下午清运到位', unitId: unit('区住建局'), dueDate: dateOf(-1, 20) },
    ],
  });
  for (const measure of waste.measures.slice(0, 2)) {
    demoClock.at = new Date(chinaDayStart(measure.dueDate).getTime() - DAY);
    await updateMeasureOf(trx, ctx, waste.id, measure.id, { done: true });
  }

  pickedAt(0);
  await createTopic(trx, ctx, {
    month,
    areaCode: ZHANGTAN,
    categoryCode: 'wage_dispute',
    title: '张滩镇农民工工资拖欠问题',
    description: '近三个月劳资纠纷诉求逐月上升，多涉及镇域内在建工程和季节性用工。',
    leadUnitId: unit('区人社局'),
    goalPercent: 50,
    goalText: '在建项目农民工工资专用账户全覆盖，劳资纠纷诉求减半',
    appealIds: linked(ZHANGTAN, month),
    measures: [
      { text: '排查镇域在建项目工资专用账户开设情况', unitId: unit('区人社局'), dueDate: dateOf(0, 15) },
      { text: '对欠薪项目约谈总包单位', unitId: unit('区住建局'), dueDate: dateOf(1, 10) },
    ],
  });
}
