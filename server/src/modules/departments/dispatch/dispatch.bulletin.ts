import { type Locale, shiftMonth } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type {
  BulletinSection,
  BulletinSectionRegistry,
  BulletinSectionRequest,
} from '../../../platform/registries/bulletin-sections';
import { departmentStats } from './dispatch-stats';

// The departments' ranking (区直部门排名) in the monthly bulletin: each department's record over
// the dispatches made in the bulletin's month in its area, ranked as the dispatch page ranks them
// (satisfaction, then resolution, then response).

const labels = {
  'zh-CN': {
    title: '区直部门排名',
    note: (month: string) =>
      `${month} 派出的工单：响应率为退回时限内签收、退回或答复的比例，解决率为牵头工单的办结比例，按期率为按期办结的比例，满意率为群众评价满意、基本满意的比例；吹哨报到为本月被点名的次数、已报到及报到用时中位数。`,
    empty: '本月无派单',
    columns: [
      '名次',
      '部门',
      '派单',
      '响应率',
      '解决率',
      '按期率',
      '满意率',
      '退回',
      '超期',
      '吹哨',
      '已报到',
      '报到用时',
    ],
    minutes: (m: number) => (m < 60 ? `${m} 分钟` : `${Math.round(m / 6) / 10} 小时`),
  },
  en: {
    title: 'Departments ranked',
    note: (month: string) =>
      `Dispatches made in ${month}: response is the share accepted, returned or answered within the return window; resolution the share of lead dispatches resolved; on time the share resolved by the deadline; satisfaction the share rated satisfied or basically satisfied. Whistles: times named this month, reports, and the median time to report.`,
    empty: 'No dispatch this month',
    columns: [
      'Rank',
      'Department',
      'Dispatched',
      'Response',
      'Resolution',
      'On time',
      'Satisfaction',
      'Returned',
      'Overdue',
      'Whistles',
      'Reported',
      'Time to report',
    ],
    minutes: (m: number) => (m < 60 ? `${m} min` : `${Math.round(m / 6) / 10} h`),
  },
} as const;

const widths = [6, 18, 8, 9, 9, 9, 9, 7, 7, 7, 8, 10];
const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

/** The bulletin's ranking of departments; null (left out) when nothing was dispatched that month. */
export async function departmentsBulletinSection(
  db: Db,
  request: BulletinSectionRequest,
): Promise<Omit<BulletinSection, 'key'> | null> {
  const l = labels[request.locale satisfies Locale];
  const lastDay = new Date(`${shiftMonth(request.month, 1)}-01T00:00:00.000Z`);
  lastDay.setUTCDate(0);
  const items = await departmentStats(
    db,
    { scope: request.scope, clock: request.clock },
    { from: `${request.month}-01`, to: lastDay.toISOString().slice(0, 10) },
  );
  if (items.length === 0) return null;
  return {
    title: l.title,
    note: l.note(request.month),
    columns: l.columns.map((header, i) => ({
      header,
      width: widths[i] ?? 8,
      align: i === 1 ? ('left' as const) : ('right' as const),
    })),
    rows: items.map((item, i) => [
      String(i + 1),
      item.unit.name,
      String(item.dispatched),
      rate(item.responseRate),
      rate(item.resolutionRate),
      rate(item.onTimeRate),
      rate(item.satisfactionRate),
      String(item.returned),
      String(item.overdue),
      String(item.whistles.named),
      String(item.whistles.reported),
      item.whistles.medianResponseMinutes === null
        ? '—'
        : l.minutes(Math.round(item.whistles.medianResponseMinutes)),
    ]),
    empty: l.empty,
  };
}

export function registerDepartmentsBulletinSection(registry: BulletinSectionRegistry): void {
  registry.register({ key: 'departments', order: 5, load: departmentsBulletinSection });
}
