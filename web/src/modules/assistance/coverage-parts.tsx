import { Card, Col, Row, Statistic } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { type Translate, useT } from '../../i18n/i18n';
import { percentOf } from './assistance-labels';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

export const VISITED = '#52c41a';
export const NOT_VISITED = '#ff7875';

export interface Bar {
  name: string;
  visited: number;
  total: number;
}

/** Visited and not visited, stacked, one bar per area: the gaps stand out in red. */
export function coverageChart(bars: Bar[], t: Translate): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('assistance.coverage.visited'), t('assistance.coverage.notVisited')] },
    grid: { left: 8, right: 8, top: 32, bottom: 0, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.name),
      axisLabel: { interval: 0, fontSize: 11, overflow: 'break', width: 64 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('assistance.coverage.visited'),
        type: 'bar',
        stack: 'all',
        barMaxWidth: 40,
        itemStyle: { color: VISITED },
        data: bars.map((b) => b.visited),
      },
      {
        name: t('assistance.coverage.notVisited'),
        type: 'bar',
        stack: 'all',
        barMaxWidth: 40,
        itemStyle: { color: NOT_VISITED },
        data: bars.map((b) => b.total - b.visited),
      },
    ],
  };
}

/** The total, the visited and the rate of one tab. */
export function Totals(props: {
  total: number;
  visited: number;
  rate: number | null;
  unit: string;
  loading: boolean;
}) {
  const { total, visited, rate, unit, loading } = props;
  const t = useT();
  const percent = percentOf(rate);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={8}>
        <Card size="small">
          <Statistic title={t('assistance.coverage.total')} value={total} suffix={unit} loading={loading} />
        </Card>
      </Col>
      <Col xs={8}>
        <Card size="small">
          <Statistic
            title={t('assistance.coverage.visited')}
            value={visited}
            suffix={unit}
            styles={{ content: { color: VISITED } }}
            loading={loading}
          />
        </Card>
      </Col>
      <Col xs={8}>
        <Card size="small">
          <Statistic
            title={t('assistance.coverage.rate')}
            value={percent ?? undefined}
            precision={1}
            suffix={percent === null ? undefined : '%'}
            formatter={percent === null ? () => t('assistance.coverage.noneDue') : undefined}
            loading={loading}
            data-testid="coverage-rate"
          />
        </Card>
      </Col>
    </Row>
  );
}
