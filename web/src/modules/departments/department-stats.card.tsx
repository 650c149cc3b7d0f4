import type { DepartmentDispatchStats } from '@lianxin/common';
import { Card, Empty, Segmented, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { useDispatchStats } from './dispatch.api';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

type Period = 'month' | 'days30' | 'year';

function rangeOf(period: Period): { from: string; to: string } {
  const today = dayjs();
  const from =
    period === 'month'
      ? today.startOf('month')
      : period === 'year'
        ? today.startOf('year')
        : today.subtract(29, 'day');
  return { from: from.format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const rates = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;
const rateColors = ['#1677ff', '#13c2c2', '#52c41a'];

/**
 * The departments' ranking (部门排名): the three rates of 接诉即办 per department as bars, and the
 * counts behind them — returns, overdue, supervision, whistle response — in a table. Over a period
 * of its own choosing, or over the one given (the dashboard's).
 */
export function DepartmentStatsCard(props: { range?: { from: string; to: string } }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('days30');
  const { data, isFetching } = useDispatchStats(props.range ?? rangeOf(period));
  const items = data ?? [];

  const option = useMemo<EChartsCoreOption>(() => {
    const names = items.map((s) => s.unit.name).reverse();
    return {
      color: rateColors,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: names },
      series: rates.map((rate) => ({
        name: t(`dispatch.stats.${rate}`),
        type: 'bar',
        data: [...items]
          .reverse()
          .map((s) => (s[rate] === null ? null : Math.round((s[rate] ?? 0) * 1000) / 10)),
      })),
    };
  }, [items, t]);

  const columns: TableColumnsType<DepartmentDispatchStats> = [
    { title: t('dispatch.col.unit'), key: 'unit', render: (_, s) => s.unit.name, fixed: 'left' },
    { title: t('dispatch.stats.dispatched'), dataIndex: 'dispatched', align: 'right' },
    ...rates.map((rate) => ({
      title: t(`dispatch.stats.${rate}`),
      key: rate,
      align: 'right' as const,
      render: (_: unknown, s: DepartmentDispatchStats) => percent(s[rate]),
    })),
    {
      title: t('dispatch.stats.onTimeRate'),
      key: 'onTime',
      align: 'right',
      render: (_, s) => percent(s.onTimeRate),
    },
    { title: t('dispatch.stats.returned'), dataIndex: 'returned', align: 'right' },
    { title: t('dispatch.stats.overdue'), dataIndex: 'overdue', align: 'right' },
    { title: t('dispatch.stats.supervised'), dataIndex: 'supervised', align: 'right' },
    {
      title: t('dispatch.stats.whistle'),
      key: 'whistle',
      align: 'right',
      render: (_, s) =>
        s.whistles.named === 0
          ? '—'
          : t('dispatch.stats.whistleValue', {
              reported: s.whistles.reported,
              named: s.whistles.named,
              minutes: s.whistles.medianResponseMinutes ?? '—',
            }),
    },
  ];

  return (
    <Card
      size="small"
      title={t('dispatch.stats.title')}
      style={{ marginBottom: 16 }}
      extra={
        !props.range && (
          <Segmented<Period>
            size="small"
            value={period}
            onChange={setPeriod}
            options={(['days30', 'month', 'year'] as const).map((p) => ({
              value: p,
              label: t(`dispatch.stats.period.${p}`),
            }))}
          />
        )
      }
      data-testid="department-stats"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.stats.empty')} />
      ) : (
        <>
          <EChart
            option={option}
            height={Math.max(160, 48 + items.length * 44)}
            testId="department-stats-chart"
          />
          <Table<DepartmentDispatchStats>
            rowKey={(s) => s.unit.id}
            size="small"
            loading={isFetching}
            dataSource={items}
            columns={columns}
            pagination={false}
            scroll={{ x: 880 }}
          />
        </>
      )}
    </Card>
  );
}
