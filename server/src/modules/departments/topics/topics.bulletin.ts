import { type Locale, shiftMonth, TOPIC_BEFORE_MONTHS } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type {
  BulletinSection,
  BulletinSectionRegistry,
  BulletinSectionRequest,
} from '../../../platform/registries/bulletin-sections';
import { topicOutcome } from './topic-figures';
import { topicsOfMonths } from './topics.repository';

// 每月一题 in the monthly bulletin: the topics of the bulletin's month and of the two before it in
// the bulletin's area, each with its lead, goal, measures and the appeals before and after.

/** The bulletin reports the topics of its month and of this many months before it. */
const MONTHS_BACK = 2;

const labels = {
  'zh-CN': {
    title: '每月一题',
    note: (from: string, to: string, months: number) =>
      `${from} 至 ${to} 选定的题目；“前期月均”为选题月前 ${months} 个月该类别、该区域诉求的月均数，“后续月均”为选题月之后已结束月份的月均数。`,
    empty: '本期未选定题目',
    columns: [
      '月份',
      '题目',
      '区域',
      '类别',
      '牵头单位',
      '目标',
      '措施完成',
      '前期月均',
      '后续月均',
      '变化',
      '状态',
    ],
    goal: (p: number) => `降 ${p}%`,
    status: { open: '治理中', done: '已完成' },
    met: { true: '达成目标', false: '未达目标', null: '待观察' },
  },
  en: {
    title: 'Monthly topics',
    note: (from: string, to: string, months: number) =>
      `Topics picked for ${from} to ${to}; "before" is the monthly average of the topic's category and area over the ${months} months before its month, "after" over the months after it that have ended.`,
    empty: 'No topic picked in the period',
    columns: [
      'Month',
      'Topic',
      'Area',
      'Category',
      'Lead unit',
      'Goal',
      'Measures done',
      'Before',
      'After',
      'Change',
      'Status',
    ],
    goal: (p: number) => `down ${p}%`,
    status: { open: 'In progress', done: 'Done' },
    met: { true: 'goal met', false: 'goal not met', null: 'too early' },
  },
} as const;

const widths = [9, 24, 12, 12, 14, 9, 10, 9, 9, 9, 14];

const percent = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : ''}${Math.round(value * 1000) / 10}%`;

/** The bulletin's section of monthly topics; null (left out) when the area had none in the period. */
export async function topicsBulletinSection(
  db: Db,
  request: BulletinSectionRequest,
): Promise<Omit<BulletinSection, 'key'> | null> {
  const l = labels[request.locale satisfies Locale];
  const from = shiftMonth(request.month, -MONTHS_BACK);
  const rows = await topicsOfMonths(db, request.scope, from, request.month);
  if (rows.length === 0) return null;
  const now = request.clock.now();
  const cells: string[][] = [];
  for (const row of rows) {
    const outcome = await topicOutcome(
      db,
      {
        month: row.month,
        areaCode: row.area_code,
        areaKind: row.area_kind,
        categoryCode: row.category_code,
        goalPercent: row.goal_percent,
      },
      now,
    );
    cells.push([
      row.month,
      row.title,
      row.area_name,
      request.locale === 'en' ? row.category_name_en : row.category_name_zh,
      row.lead_unit_name,
      l.goal(row.goal_percent),
      `${Number(row.measures_done ?? 0)}/${Number(row.measure_count ?? 0)}`,
      outcome.beforeAverage === null ? '—' : String(outcome.beforeAverage),
      outcome.afterAverage === null ? '—' : String(outcome.afterAverage),
      percent(outcome.change),
      `${l.status[row.status]} · ${l.met[String(outcome.goalMet) as 'true' | 'false' | 'null']}`,
    ]);
  }
  return {
    title: l.title,
    note: l.note(from, request.month, TOPIC_BEFORE_MONTHS),
    columns: l.columns.map((header, i) => ({
      header,
      width: widths[i] ?? 10,
      align: i >= 6 && i <= 9 ? ('right' as const) : ('left' as const),
    })),
    rows: cells,
    empty: l.empty,
  };
}

export function registerTopicsBulletinSection(registry: BulletinSectionRegistry): void {
  registry.register({ key: 'monthly-topics', order: 10, load: topicsBulletinSection });
}
