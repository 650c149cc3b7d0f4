import type { Db } from '../db/dialect';
import { appendToTimeline } from '../modules/appeals';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import {
  demoDepartments,
  demoTownAppeals,
  demoUser,
  insertDemoReceptionDay,
  insertDemoWhistle,
} from './demo-whistles.repository';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DISTRICT = '610902000000';
const XINCHENG = '610902001000';
const GUANMIAO = '610902101000';
const ZHANGTAN = '610902102000';

interface WhistleSeed {
  hoursAgo: number;
  village: string;
  place: string | null;
  /** Whistle on the first open roads appeal of the town instead of a place. */
  onAppeal: boolean;
  description: string;
  /** Each department, and the minutes it took to report (null: not yet). */
  units: [name: string, reportedAfterMinutes: number | null, action: string | null][];
  closingNote: string | null;
}

// 关庙镇's whistles: a river bank last week (reported, one late, closed), a road appeal yesterday
// (one department reported, one overdue), unpaid workers at a building site this morning (住建局
// reported, 人社局 not yet) and a bridge an hour ago (waiting for both).
const WHISTLES: WhistleSeed[] = [
  {
    hoursAgo: 5 * 24 + 2,
    village: '610902101203',
    place: '三组河堤',
    onAppeal: false,
    description: '连日降雨，三组河堤出现渗水和裂缝，威胁下游十余户群众，请水利、农业农村部门到场研判处置。',
    units: [
      ['区水利局', 70, '已派技术人员到场，堤身渗水点设置反滤围井，安排24小时巡查。'],
      ['区农业农村局', 26 * 60, '已核查受影响农田12亩，纳入灾后补种计划。'],
    ],
    closingNote: '河堤险情已排除，加固工程纳入明年水毁修复项目。',
  },
  {
    hoursAgo: 26,
    village: '610902101201',
    place: null,
    onAppeal: true,
    description: '村道塌陷反映多次未解决，涉及交通和住建，请两部门到场会商。',
    units: [
      ['区交通运输局', 95, '已到场测量塌陷段，列入本月养护计划，先行设置警示桩。'],
      ['区住建局', null, null],
    ],
    closingNote: null,
  },
  {
    hoursAgo: 3,
    village: '610902101202',
    place: '安置小区工地',
    onAppeal: false,
    description: '安置小区工地二十余名农民工反映被拖欠工资，情绪激动，请人社、住建部门到场协调。',
    units: [
      ['区住建局', 40, '已到场核查项目手续，督促总包单位启用农民工工资专用账户。'],
      ['区人社局', null, null],
    ],
    closingNote: null,
  },
  {
    hoursAgo: 1,
    village: '610902101205',
    place: '村口危桥',
    onAppeal: false,
    description: '村口便民桥桥墩冲刷外露，桥面开裂，学生每天经过，请住建、交通部门尽快到场。',
    units: [
      ['区住建局', null, null],
      ['区交通运输局', null, null],
    ],
    closingNote: null,
  },
];

// A 2-working-hour limit as the default settings give it, approximated for the demo's history.
const DUE_AFTER = 2 * HOUR;

async function loadWhistles(trx: Db, clock: Clock): Promise<void> {
  const departments = await demoDepartments(trx);
  const head = await demoUser(trx, 'town2-head');
  const roads = await demoTownAppeals(trx, GUANMIAO, ['roads_water']);
  const appeal = roads.find((a) => ['received', 'accepted', 'in_progress'].includes(a.status)) ?? roads[0];
  const now = clock.now().getTime();
  for (const seed of WHISTLES) {
    const units = seed.units.filter(([name]) => departments.has(name));
    if (units.length === 0) continue;
    const raisedAt = now - seed.hoursAgo * HOUR;
    const onAppeal = seed.onAppeal && appeal !== undefined;
    const id = newId();
    const reportedAll = units.every(([, minutes]) => minutes !== null);
    await insertDemoWhistle(
      trx,
      {
        id,
        town_code: GUANMIAO,
        village_code: onAppeal ? (appeal?.village_code ?? seed.village) : seed.village,
        appeal_id: onAppeal ? (appeal?.id ?? null) : null,
        place: seed.place,
        description: seed.description,
        status: seed.closingNote ? 'closed' : reportedAll ? 'reported' : 'open',
        outside_working_time: false,
        raised_at: new Date(raisedAt).toISOString(),
        raised_by: head?.id ?? null,
        closed_at: seed.closingNote ? new Date(raisedAt + 3 * DAY).toISOString() : null,
        closed_by: seed.closingNote ? (head?.id ?? null) : null,
        closing_note: seed.closingNote,
        version: 1,
      },
      units.map(([name, minutes, action]) => ({
        whistle_id: id,
        unit_id: departments.get(name) ?? '',
        due_at: new Date(raisedAt + DUE_AFTER).toISOString(),
        reported_at: minutes === null ? null : new Date(raisedAt + minutes * 60_000).toISOString(),
        reported_by: null,
        action,
        late: minutes !== null && minutes * 60_000 > DUE_AFTER,
      })),
    );
    if (onAppeal && appeal) {
      const actor = { id: head?.id ?? null, name: head?.name ?? null };
      const at = (ms: number) => ({ now: () => new Date(ms) });
      await appendToTimeline(trx, { clock: at(raisedAt), actor }, appeal.id, {
        kind: 'whistled',
        note: units.map(([name]) => name).join('、'),
        public: true,
      });
      for (const [name, minutes, action] of units) {
        if (minutes === null) continue;
        await appendToTimeline(
          trx,
          { clock: at(raisedAt + minutes * 60_000), actor: { id: null, name } },
          appeal.id,
          { kind: 'whistle_reported', note: `${name}：${action ?? ''}`, public: true },
        );
      }
    }
  }
}

/** A China-time instant `days` from today at `hour`:`minute`. */
function chinaAt(clock: Clock, days: number, hour: number, minute = 0): string {
  const local = clock.now().getTime() + 8 * HOUR;
  const midnight = local - (local % DAY);
  return new Date(midnight + days * DAY + hour * HOUR + minute * 60_000 - 8 * HOUR).toISOString();
}

async function loadReceptionDays(trx: Db, clock: Clock): Promise<void> {
  const created = new Date(clock.now().getTime() - 20 * DAY).toISOString();
  const admin = await demoUser(trx, 'admin');
  const day = (
    area: string,
    leader: [name: string, post: string],
    place: string,
    when: [days: number, from: number, to: number],
    topics: string[],
    extra: { note?: string; summary?: string; status?: 'planned' | 'cancelled' } = {},
  ) => ({
    id: newId(),
    area_code: area,
    leader_name: leader[0],
    leader_post: leader[1],
    place,
    starts_at: chinaAt(clock, when[0], when[1]),
    ends_at: chinaAt(clock, when[0], when[2]),
    topics: JSON.stringify(topics),
    note: extra.note ?? null,
    status: extra.status ?? 'planned',
    summary: extra.summary ?? null,
    created_by: admin?.id ?? null,
    created_at: created,
    updated_at: created,
    version: 1,
  });
  await insertDemoReceptionDay(
    trx,
    day(
      DISTRICT,
      ['陈建华', '区委书记'],
      '区信访接待中心（汉滨区政务服务中心一楼）',
      [7, 9, 12],
      ['征地拆迁补偿', '农民工工资', '涉法涉诉'],
      {
        note: '区委书记大接访，群众可直接到场反映，无需预约；行动不便的可由村（社区）代为登记。',
      },
    ),
    [],
  );
  await insertDemoReceptionDay(
    trx,
    day(
      GUANMIAO,
      ['刘志强', '关庙镇党委书记'],
      '关庙镇政府一楼接待室',
      [3, 14, 17],
      ['河堤修复', '村道养护', '低保评议'],
    ),
    [],
  );
  // 张滩镇's reception day last week, with the appeals received there and its summary.
  const received = (await demoTownAppeals(trx, ZHANGTAN, null)).slice(0, 4);
  const past = day(
    ZHANGTAN,
    ['王海燕', '张滩镇镇长'],
    '张滩镇便民服务中心',
    [-6, 9, 12],
    ['产业发展', '饮水安全', '邻里纠纷'],
    { summary: `接待群众${received.length + 5}批次，现场受理诉求${received.length}件，已当场答复或交办。` },
  );
  await insertDemoReceptionDay(
    trx,
    past,
    received.map((a, i) => ({
      reception_day_id: past.id,
      appeal_id: a.id,
      linked_at: chinaAt(clock, -6, 10, i * 10),
      linked_by: admin?.id ?? null,
    })),
  );
  await insertDemoReceptionDay(
    trx,
    day(XINCHENG, ['赵明', '新城街道党工委书记'], '新城街道办事处', [1, 9, 11], ['老旧小区改造'], {
      status: 'cancelled',
      note: '因防汛值守改期，新的时间另行公布。',
    }),
    [],
  );
}

/**
 * 吹哨报到 and reception days in the demo: 关庙镇's whistles in each state (reported and closed,
 * one department overdue, both waiting) and the leaders' reception days — the district secretary
 * next week, 关庙镇 in three days, 张滩镇's last week with its appeals and summary, a cancelled one.
 */
export async function loadDemoWhistlesAndReceptionDays(trx: Db, clock: Clock): Promise<void> {
  await loadWhistles(trx, clock);
  await loadReceptionDays(trx, clock);
}
