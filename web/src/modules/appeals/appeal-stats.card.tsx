import type { AppealStats, Rate, UiKey } from '@lianxin/common';
import { Card, Col, Row, Segmented, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo, useState } from 'react';
import { type Translate, useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { useAppealStats } from './appeals.api';

use([BarChart, GridComponent, TooltipComponent]);

const periods = ['month', 'days30', 'year'] as const;
type Period = (typeof periods)[number];

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

type RateKey = keyof Omit<AppealStats, 'received'>;

/** The three rates of 接诉即办 and on-time resolution: the figures the assessment takes. */
const headline: { key: RateKey; label: UiKey }[] = [
  { key: 'responseRate', label: 'appeals.stats.responseRate' },
  { key: 'resolutionRate', label: 'appeals.stats.resolutionRate' },
  { key: 'satisfactionRate', label: 'appeals.stats.satisfactionRate' },
  { key: 'onTimeRate', label: 'appeals.stats.onTimeRate' },
];

/** Where problems were solved: 小事不出村、大事不出乡. */
const levels: { key: RateKey; label: UiKey }[] = [
  { key: 'resolvedAtVillage', label: 'appeals.stats.resolvedAtVillage' },
  { key: 'resolvedAtTown', label: 'appeals.stats.resolvedAtTown' },
  { key: 'escalatedToDistrict', label: 'appeals.stats.escalatedToDistrict' },
];

function percent(rate: Rate): number | null {
  return rate.value === null ? null : Math.round(rate.value * 1000) / 10;
}

function chartOption(stats: AppealStats, t: Translate): EChartsCoreOption {
  const bars = [...headline, ...levels];
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const bar = bars[p.dataIndex];
        if (!bar) return '';
        const rate = stats[bar.key];
        const value = percent(rate);
        return `${t(bar.label)}<br/>${
          value === null
            ? t('appeals.stats.noData')
            : `${value}%（${t('appeals.stats.ofCount', { n: rate.numerator, d: rate.denominator })}）`
        }`;
      },
    },
    grid: { left: 8, right: 8, top: 24, bottom: 0, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.map((b) => t(b.label)),
      axisLabel: { interval: 0, fontSize: 11, overflow: 'break', width: 64 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        // No data is no bar (and says so), never a bar at 0%.
        data: bars.map((b, i) => {
          const value = percent(stats[b.key]);
          return value === null
            ? {
                value: 0,
                itemStyle: { color: 'transparent' },
                label: { show: true, position: 'insideBottom', formatter: t('appeals.stats.noData') },
              }
            : { value, itemStyle: { color: i < headline.length ? '#1677ff' : '#69b1ff' } };
        }),
        label: { show: true, position: 'top', formatter: '{c}%', fontSize: 11 },
      },
    ],
  };
}

function RateStatistic({ title, rate }: { title: string; rate: Rate | undefined }) {
  const t = useT();
  const value = rate ? percent(rate) : null;
  return (
    <Tooltip
      title={rate ? t('appeals.stats.ofCount', { n: rate.numerator, d: rate.denominator }) : undefined}
    >
      <div>
        <Statistic
          title={title}
          value={value ?? undefined}
          precision={1}
          suffix={value === null ? undefined : '%'}
          formatter={
            value === null
              ? () => <span className="lx-stat-empty">{t('appeals.stats.noData')}</span>
              : undefined
          }
        />
      </div>
    </Tooltip>
  );
}

/** 诉求办理数据: received count and rates of a period, for the caller's area or a chosen one. */
export function AppealStatsCard({ areaCode }: { areaCode?: string }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('month');
  const range = useMemo(() => rangeOf(period), [period]);
  const { data, isFetching } = useAppealStats({ ...range, ...(areaCode ? { areaCode } : {}) });
  const option = useMemo(() => (data ? chartOption(data, t) : null), [data, t]);

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      loading={isFetching && !data}
      title={t('appeals.stats.title')}
      extra={
        <Segmented<Period>
          size="small"
          value={period}
          onChange={setPeriod}
          options={periods.map((p) => ({ value: p, label: t(`appeals.stats.period.${p}`) }))}
          data-testid="appeal-stats-period"
        />
      }
      data-testid="appeal-stats"
    >
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} lg={10}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Statistic title={t('appeals.stats.received')} value={data?.received ?? 0} />
            </Col>
            {headline.map((h) => (
              <Col span={12} key={h.key}>
                <RateStatistic title={t(h.label)} rate={data?.[h.key]} />
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
            {t('appeals.stats.hint', { from: range.from, to: range.to })}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} lg={14}>
          {option && <EChart option={option} height={220} testId="appeal-stats-chart" />}
        </Col>
      </Row>
    </Card>
  );
}
