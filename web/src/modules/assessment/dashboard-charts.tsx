import type { AppealSet, Dashboard, Locale } from '@lianxin/common';
import { Card, Empty } from 'antd';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { EChart } from '../../shared/echart';
import { formatNumber } from '../../shared/numbers';
import { useCategoryIndex } from '../appeals/appeal-categories';
import { BLUE, CHART_HEIGHT, CYAN, GOLD, parenthesized } from './dashboard-chart-style';
import { formatPercent, InfoLabel, monthInPeriod, recordsLink } from './indicators';

/** Every China calendar month of the period, so a month without appeals shows as zero, not as a gap. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let month = dayjs(from).startOf('month');
  const last = dayjs(to).startOf('month');
  while (!month.isAfter(last) && months.length < 120) {
    months.push(month.format('YYYY-MM'));
    month = month.add(1, 'month');
  }
  return months;
}

function monthLabel(month: string, oneYear: boolean, locale: Locale): string {
  const day = dayjs(`${month}-01`);
  if (!oneYear) return month;
  return locale === 'zh-CN' ? `${day.month() + 1}月` : day.format('MMM');
}

interface TooltipParam {
  seriesName: string;
  marker: string;
  dataIndex: number;
  axisValueLabel?: string;
}

function trendOption(
  dashboard: Dashboard,
  t: Translate,
  locale: Locale,
  clickable: boolean,
): EChartsCoreOption {
  const byMonth = new Map(dashboard.monthly.map((m) => [m.month, m]));
  const months = monthsOf(dashboard.from, dashboard.to);
  const oneYear = months.every((m) => m.slice(0, 4) === months[0]?.slice(0, 4));
  const rows = months.map(
    (month) => byMonth.get(month) ?? { month, received: 0, resolved: 0, rated: 0, satisfied: 0 },
  );
  const satisfaction = rows.map((r) =>
    r.rated === 0 ? null : Math.round((r.satisfied / r.rated) * 1000) / 10,
  );
  const cursor = clickable ? 'pointer' : 'default';
  const names = {
    received: t('dashboard.trend.received'),
    resolved: t('dashboard.trend.resolved'),
    satisfaction: t('dashboard.trend.satisfaction'),
  };
  return {
    color: [BLUE, CYAN, GOLD],
    tooltip: {
      trigger: 'axis',
      formatter: (params: TooltipParam[]) => {
        const first = params[0];
        if (!first) return '';
        const row = rows[first.dataIndex];
        if (!row) return '';
        const lines = params.map((p) => {
          if (p.seriesName === names.satisfaction)
            return `${p.marker}${p.seriesName}：${
              row.rated === 0
                ? t('dashboard.noData')
                : `${formatPercent(row.satisfied / row.rated, locale)}${parenthesized(
                    t('dashboard.ofCount', { n: row.satisfied, d: row.rated }),
                    locale,
                  )}`
            }`;
          const value = p.seriesName === names.received ? row.received : row.resolved;
          return `${p.marker}${p.seriesName}：${formatNumber(value, locale)}`;
        });
        return [row.month, ...lines].join('<br/>');
      },
    },
    legend: { top: 0, data: [names.received, names.resolved, names.satisfaction] },
    grid: { left: 8, right: 8, top: 40, bottom: 0, containLabel: true },
    // A month's label opens the appeals received in it.
    xAxis: {
      type: 'category',
      data: months.map((m) => monthLabel(m, oneYear, locale)),
      triggerEvent: clickable,
    },
    yAxis: [
      { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: names.received, type: 'bar', barMaxWidth: 22, data: rows.map((r) => r.received), cursor },
      { name: names.resolved, type: 'bar', barMaxWidth: 22, data: rows.map((r) => r.resolved), cursor },
      {
        name: names.satisfaction,
        type: 'line',
        cursor,
        yAxisIndex: 1,
        smooth: true,
        symbolSize: 7,
        // A month without ratings is a gap in the line, never a fall to 0 %.
        connectNulls: false,
        data: satisfaction.map((v) => (v === null ? '-' : v)),
      },
    ],
  };
}

// What a month's bar or point counts: received, resolved, and the satisfied of the satisfaction rate.
const trendSets: AppealSet[] = ['received', 'resolved', 'satisfied'];

/**
 * Received, resolved and the satisfaction rate by China calendar month; a bar or point opens the
 * appeals it counts, a month's label the appeals received in it.
 */
export function TrendCard({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const clickable = can('appeals.read');
  const option = useMemo(
    () => trendOption(dashboard, t, locale, clickable),
    [dashboard, t, locale, clickable],
  );
  const months = useMemo(() => monthsOf(dashboard.from, dashboard.to), [dashboard.from, dashboard.to]);
  const labels = useMemo(() => {
    const oneYear = months.every((m) => m.slice(0, 4) === months[0]?.slice(0, 4));
    return months.map((m) => monthLabel(m, oneYear, locale));
  }, [months, locale]);
  return (
    <Card
      size="small"
      title={<InfoLabel name={t('dashboard.trend.title')} definition={t('dashboard.trend.definition')} />}
      className="lx-dash-card"
    >
      <EChart
        option={option}
        height={CHART_HEIGHT}
        testId="dashboard-trend"
        onClick={(event) => {
          const axis = event.componentType === 'xAxis';
          const month = months[axis ? labels.indexOf(String(event.value)) : (event.dataIndex ?? -1)];
          const set = axis ? 'received' : trendSets[event.seriesIndex ?? -1];
          if (!month || !set) return;
          const to = recordsLink(
            set,
            { areaCode: dashboard.area.code, ...monthInPeriod(month, dashboard) },
            can,
          );
          if (to) navigate(to);
        }}
      />
    </Card>
  );
}

/** Appeals by category, the largest on top; a bar opens the appeals of that category received in the period. */
export function CategoriesCard({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const categories = useCategoryIndex();
  const rows = useMemo(
    () => [...dashboard.categories].filter((c) => c.received > 0).sort((a, b) => a.received - b.received),
    [dashboard.categories],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      color: [BLUE],
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${p.name}<br/>${t('dashboard.trend.received')}：${formatNumber(p.value, locale)}`,
      },
      grid: { left: 8, right: 40, top: 8, bottom: 0, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        data: rows.map((c) => categories.name(c.code)),
        axisLabel: { width: 112, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: rows.map((c) => c.received),
          label: { show: true, position: 'right' },
          itemStyle: { borderRadius: [0, 4, 4, 0] },
          cursor: can('appeals.read') ? 'pointer' : 'default',
        },
      ],
    }),
    [rows, categories, t, locale, can],
  );
  const height = Math.max(CHART_HEIGHT, rows.length * 24 + 24);
  return (
    <Card
      size="small"
      title={
        <InfoLabel name={t('dashboard.categories.title')} definition={t('dashboard.categories.definition')} />
      }
      className="lx-dash-card"
    >
      {rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('dashboard.noData')}
          style={{ height: CHART_HEIGHT }}
        />
      ) : (
        <EChart
          option={option}
          height={height}
          testId="dashboard-categories"
          onClick={(event) => {
            const row = rows[event.dataIndex ?? -1];
            const to =
              row &&
              recordsLink(
                'received',
                {
                  areaCode: dashboard.area.code,
                  from: dashboard.from,
                  to: dashboard.to,
                  categoryCode: row.code,
                },
                can,
              );
            if (to) navigate(to);
          }}
        />
      )}
    </Card>
  );
}
