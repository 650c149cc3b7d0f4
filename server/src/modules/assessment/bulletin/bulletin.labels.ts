import type { AppealLevel } from '@lianxin/common';
import { type Locale, type mustVisitGroups, uiMessages } from '@lianxin/common';

// The words of the monthly bulletin (月度通报) in both languages; the caller's language picks one.

const zh = {
  title: '群众工作月度通报',
  fileName: (area: string, month: string) => `月度通报-${area}-${month}`,
  month: (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月`,
  area: '通报区域',
  field: (label: string, value: string) => `${label}：${value}`,
  areaWithCode: (name: string, code: string) => `${name}（${code}）`,
  period: '统计期间',
  periodText: (from: string, to: string, current: boolean) =>
    `${from} 至 ${to}${current ? '（本月尚未结束，截至今日）' : ''}`,
  generatedAt: '生成时间',
  page: (n: number, of: number) => `第 ${n} 页 / 共 ${of} 页`,
  sections: {
    headline: '一、主要指标',
    ranking: '二、排名',
    overdue: '三、逾期诉求',
    missing: '四、五必访未走访户',
  },
  sheets: { headline: '主要指标', ranking: '排名', overdue: '逾期诉求', missing: '五必访未走访户' },
  headlineNote:
    '口径与数据看板相同：期内受理的诉求按生成时的办理情况统计（月末以后的办结、上交也计入）；连心户结对率为当前数。',
  indicator: '指标',
  numerator: '分子',
  denominator: '分母',
  value: '数值',
  definition: '口径',
  received: '期内受理诉求',
  receivedShort: '受理诉求',
  receivedDefinition: '期内受理的诉求件数（合并的重复诉求不计）',
  leftPriority: '连心户转出数',
  mustVisit: '五必访走访率（年初至今）',
  mustVisitDefinition: (from: string, to: string) =>
    `五必访对象户中，${from} 至 ${to} 至少走访一次的比例（对象按当前户籍认定）`,
  pairingNow: '（当前数）',
  noData: '无数据',
  rankOf: (rank: number) => `第 ${rank} 名`,
  rank: '排名',
  count: '计数',
  areaName: '区域',
  areaCode: '区划代码',
  priority: '在册连心户',
  rankingNote:
    '各指标分别排名，数值相同者名次相同；无数据的不参加排名，列于最后。上交区级率越低越好；镇级解决率只列数值，不排名（高低本身不说明好坏）。',
  villageNoRanking: '村级通报不排名：村是最小的排名单位，见所在镇的通报。',
  rankingAppeals: '诉求办理',
  rankingAssistance: '结对帮扶与走访',
  overdueAt: (at: string, current: boolean) =>
    current ? `截至生成时（${at}）仍逾期的诉求` : `截至月末（${at}）逾期未办的诉求`,
  overdueRule:
    '逾期：仍在办理中，且已过受理期限（待受理的）或办结期限。月末情况按诉求办理记录回溯：月末以后又被上报、下交或缓办的，按月末时所在层级、自到达该层级时起按现行时限计算期限；月末时处于批准缓办期内的不计逾期。逾期天数不足一天按一天计。',
  overdueNone: '无逾期诉求。',
  trackingCode: '诉求编号',
  village: '村（社区）',
  category: '类别',
  level: '所在层级',
  holder: '承办单位',
  receivedAt: '受理时间',
  receivedOn: '受理日期',
  dueAt: '期限',
  lateKind: '逾期类型',
  late: { response: '超期未受理', resolution: '超期未办结' },
  daysOverdue: '逾期天数',
  missingRule: (from: string, to: string) =>
    `五必访对象户中 ${from} 至 ${to} 未走访的户（按村、户号排列）；对象按当前户籍认定。`,
  missingNone: '五必访对象户均已走访。',
  number: '户号',
  head: '户主',
  groups: '五必访类别',
  lastVisit: '最近走访',
  neverVisited: '无走访记录',
  truncated: (shown: number, total: number) =>
    `共 ${total} 条，此处仅列前 ${shown} 条；完整名单见本通报的 Excel 版。`,
  serial: '序号',
  total: (n: number) => `共 ${n} 条`,
};

export type BulletinLabels = typeof zh;

const en: BulletinLabels = {
  title: 'Monthly mass-work bulletin',
  fileName: (area, month) => `bulletin-${area}-${month}`,
  month: (month) => month,
  area: 'Area',
  field: (label, value) => `${label}: ${value}`,
  areaWithCode: (name, code) => `${name} (${code})`,
  period: 'Period',
  periodText: (from, to, current) => `${from} to ${to}${current ? ' (month in progress, up to today)' : ''}`,
  generatedAt: 'Generated at',
  page: (n, of) => `Page ${n} of ${of}`,
  sections: {
    headline: '1. Headline indicators',
    ranking: '2. Rankings',
    overdue: '3. Overdue appeals',
    missing: '4. Must-visit households not visited',
  },
  sheets: { headline: 'Indicators', ranking: 'Rankings', overdue: 'Overdue appeals', missing: 'Not visited' },
  headlineNote:
    'As on the dashboard: appeals received in the period are counted with their outcome when the bulletin is generated (a resolution or escalation after the month’s end counts); priority households paired is the current figure.',
  indicator: 'Indicator',
  numerator: 'Count',
  denominator: 'Out of',
  value: 'Value',
  definition: 'Definition',
  received: 'Appeals received',
  receivedShort: 'Appeals',
  receivedDefinition: 'Appeals received in the period (merged duplicates excluded)',
  leftPriority: 'Left the priority tier',
  mustVisit: 'Must-visit coverage (year to date)',
  mustVisitDefinition: (from, to) =>
    `Of must-visit households (as registered now), the share visited at least once from ${from} to ${to}`,
  pairingNow: ' (now)',
  noData: 'No data',
  rankOf: (rank) => `#${rank}`,
  rank: 'Rank',
  count: 'Count',
  areaName: 'Area',
  areaCode: 'Area code',
  priority: 'Priority households',
  rankingNote:
    'Each indicator is ranked on its own; equal values share a rank; areas without data are not ranked and come last. Sent to the district: lower is better. Solved in the town is shown without a rank (a higher share is neither better nor worse in itself).',
  villageNoRanking: 'A village bulletin has no ranking: villages are ranked in their town’s bulletin.',
  rankingAppeals: 'Appeals',
  rankingAssistance: 'Pairing and visits',
  overdueAt: (at, current) =>
    current ? `Appeals overdue when generated (${at})` : `Appeals overdue at the end of the month (${at})`,
  overdueRule:
    'Overdue: still being handled and past the response deadline (not yet accepted) or the resolution deadline. The month’s end is rebuilt from the appeals’ timelines: an appeal escalated, sent down or deferred after it is judged at the level it held then, its deadline counted from when it reached that level under today’s time limits; one within an approved deferral then is not overdue. Part of a day counts as a day.',
  overdueNone: 'No overdue appeals.',
  trackingCode: 'Code',
  village: 'Village',
  category: 'Category',
  level: 'Level',
  holder: 'Held by',
  receivedAt: 'Received',
  receivedOn: 'Received',
  dueAt: 'Deadline',
  lateKind: 'Late for',
  late: { response: 'response', resolution: 'resolution' },
  daysOverdue: 'Days overdue',
  missingRule: (from, to) =>
    `Must-visit households (as registered now) not visited from ${from} to ${to}, by village and number.`,
  missingNone: 'Every must-visit household was visited.',
  number: 'Household no.',
  head: 'Head',
  groups: 'Must-visit groups',
  lastVisit: 'Last visit',
  neverVisited: 'Never visited',
  truncated: (shown, total) =>
    `${total} in all; the first ${shown} are listed here, the Excel bulletin lists every one.`,
  serial: 'No.',
  total: (n) => `${n} in all`,
};

export function bulletinLabels(locale: Locale): BulletinLabels {
  return locale === 'en' ? en : zh;
}

export function levelName(level: AppealLevel, locale: Locale): string {
  return uiMessages[locale][`appeals.level.${level}`];
}

export function groupNames(groups: (typeof mustVisitGroups)[number][], locale: Locale): string {
  return groups
    .map((g) => uiMessages[locale][`assistance.mustVisitGroup.${g}`])
    .join(locale === 'en' ? ', ' : '、');
}

/** An instant as the district's wall clock reads it: `YYYY-MM-DD HH:mm` (UTC+8). */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A rate as a reader sees it; no data is said, never shown as 0 %. */
export function percentText(value: number | null, locale: Locale): string {
  return value === null ? bulletinLabels(locale).noData : `${(value * 100).toFixed(1)}%`;
}

/** When the overdue list was taken: the month's last day at 24:00, or the moment of generation. */
export function asOfText(data: { current: boolean; asOf: string; to: string }): string {
  return data.current ? chinaDateTime(data.asOf) : `${data.to} 24:00`;
}
