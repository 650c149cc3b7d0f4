import type { ServiceStatsRow } from '@lianxin/common';
import { Card, Col, Row, Statistic } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { useServiceStats } from './ratings.api';
import { chinaDay, percent } from './services-labels';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * 便民服务 figures of the last twelve months in the caller's reach: requests, on-time rate, 好评率,
 * 差评整改率, and the three rates per child area as bars (few areas: a town's villages at most).
 */
export function ServicesFiguresCard({ areaCode }: { areaCode?: string }) {
  const t = useT();
  const stats = useServiceStats({ from: chinaDay(-365), to: chinaDay(), ...(areaCode ? { areaCode } : {}) });
  const total: ServiceStatsRow | undefined = stats.data?.total;
  const rows = stats.data?.byArea ?? [];

  const option = useMemo<EChartsCoreOption>(() => {
    const names = rows.map((r) => r.name);
    const series = [
      { key: 'onTimeRate', label: t('servicesWeb.figures.onTime') },
      { key: 'goodRate', label: t('servicesWeb.figures.good') },
      { key: 'rectificationRate', label: t('servicesWeb.figures.rectified') },
    ] as const;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', max: 100, interval: 25, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: names, inverse: true },
      series: series.map((s) => ({
        type: 'bar',
        name: s.label,
        data: rows.map((r) => pct(r[s.key])),
        barMaxWidth: 12,
      })),
    };
  }, [rows, t]);

  return (
    <Card title={t('servicesWeb.figures.title')} loading={stats.isPending} data-testid="services-figures">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('servicesWeb.figures.requests')} value={total?.requests ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('servicesWeb.figures.onTime')} value={percent(total?.onTimeRate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('servicesWeb.figures.good')} value={percent(total?.goodRate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('servicesWeb.figures.rectified')} value={percent(total?.rectificationRate)} />
        </Col>
      </Row>
      {rows.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <EChart
            option={option}
            height={Math.max(160, rows.length * 44 + 60)}
            testId="services-figures-chart"
          />
        </div>
      )}
    </Card>
  );
}
