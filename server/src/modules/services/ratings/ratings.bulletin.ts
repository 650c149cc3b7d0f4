import { daysOfMonth, type Locale } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { BulletinSection, BulletinSectionRequest } from '../../../platform/registries/bulletin-sections';
import { findArea } from '../../areas';
import { figuresOver } from './ratings.stats';

// 便民服务 in the monthly bulletin: per town (or village) and per handling unit, the month's
// requests, on-time rate, 好评率 and 差评整改率.

const labels = {
  'zh-CN': {
    title: '便民服务',
    note: '按时办结率＝按承诺时限送达件数÷送达件数；好评率＝“满意”及以上评价÷评价（代办服务与办理结果各计一次，复核撤销的差评不计）；差评整改率＝已答复差评÷到期差评。',
    empty: '本期无代办件',
    columns: ['区域／单位', '代办件数', '送达', '按时办结率', '评价数', '好评率', '差评', '差评整改率'],
    unit: (name: string) => `【单位】${name}`,
  },
  en: {
    title: 'Resident services',
    note: "On time = delivered within the promised time / delivered; good = satisfied or better / judgements (the agent's service and the unit's result count once each, overturned 差评 left out); answered = bad ratings answered / due.",
    empty: 'No proxy request in the period',
    columns: ['Area / unit', 'Requests', 'Delivered', 'On time', 'Rated', 'Good', 'Bad', 'Answered'],
    unit: (name: string) => `[unit] ${name}`,
  },
} as const;

const widths = [22, 9, 8, 10, 8, 9, 7, 10];
const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

export async function servicesBulletinSection(
  db: Db,
  request: BulletinSectionRequest,
): Promise<Omit<BulletinSection, 'key'> | null> {
  const l = labels[request.locale satisfies Locale];
  const area = await findArea(db, request.scope, request.scope.areaCode);
  if (!area) return null;
  const days = daysOfMonth(request.month);
  const from = days[0] ?? `${request.month}-01`;
  const to = days[days.length - 1] ?? from;
  const figures = await figuresOver(db, request.scope, area, from, to, request.clock.now());
  if (figures.total.requests === 0 && figures.total.delivered === 0 && figures.total.rated === 0) return null;
  const line = (name: string, r: (typeof figures)['total']) => [
    name,
    String(r.requests),
    String(r.delivered),
    percent(r.onTimeRate),
    String(r.rated),
    percent(r.goodRate),
    String(r.bad),
    percent(r.rectificationRate),
  ];
  return {
    title: l.title,
    note: l.note,
    columns: l.columns.map((header, i) => ({
      header,
      width: widths[i] ?? 10,
      align: i === 0 ? 'left' : 'right',
    })),
    rows: [
      ...figures.byArea.map((r) => line(r.name, r)),
      line(area.name, figures.total),
      ...figures.byUnit.map((r) => line(l.unit(r.name), r)),
    ],
    empty: l.empty,
  };
}
