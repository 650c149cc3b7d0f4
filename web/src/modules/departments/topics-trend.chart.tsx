import type { TopicOutcome } from '@lianxin/common';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { type Translate, useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';

use([BarChart, GridComponent, TooltipComponent, MarkLineComponent]);

const phaseColor = { before: '#8c8c8c', topic: '#1677ff', after: '#52c41a' } as const;

function trendOption(outcome: TopicOutcome, t: Translate): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: outcome.months.map((m) => (m.partial ? `${m.month}*` : m.month)),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('topics.outcome.chart'),
        barMaxWidth: 28,
        data: outcome.months.map((m) => ({
          value: m.count,
          itemStyle: { color: phaseColor[m.phase], opacity: m.partial ? 0.5 : 1 },
        })),
        label: { show: true, position: 'top' },
        markLine:
          outcome.beforeAverage === null
            ? undefined
            : {
                symbol: 'none',
                label: { formatter: t('topics.outcome.before', { months: 3 }) },
                lineStyle: { type: 'dashed', color: phaseColor.before },
                data: [{ yAxis: outcome.beforeAverage }],
              },
      },
    ],
  };
}

/**
 * The appeals of a topic's category and area per month: grey before its month, blue the month
 * itself, green after; a month still running is paler and starred; the dashed line is the
 * monthly average before.
 */
export function TopicTrendChart({ outcome }: { outcome: TopicOutcome }) {
  const t = useT();
  const option = useMemo(() => trendOption(outcome, t), [outcome, t]);
  return <EChart option={option} height={220} testId="topic-trend-chart" />;
}
