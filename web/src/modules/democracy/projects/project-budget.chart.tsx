import type { Project } from '@lianxin/common';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { useT } from '../../../i18n/i18n';
import { EChart } from '../../../shared/echart';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

/** Budget against spending: one bar of the budget, one of what was spent, stacked by stage. */
export function ProjectBudgetChart({ project }: { project: Project }) {
  const t = useT();
  const option = useMemo<EChartsCoreOption>(() => {
    const byStage = project.stagesList.map((s) => ({ name: s.name, value: s.spent }));
    const unassigned = project.spent - byStage.reduce((n, s) => n + s.value, 0);
    const parts = unassigned > 0.005 ? [...byStage, { name: '—', value: unassigned }] : byStage;
    const categories = [t('projects.budget'), t('projects.spent')];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
      // Few labels, so they do not run into each other on a phone.
      xAxis: { type: 'value', splitNumber: 3, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: categories, inverse: true },
      series: [
        {
          type: 'bar',
          name: t('projects.budget'),
          stack: 'money',
          data: [project.budget, null],
          barMaxWidth: 22,
        },
        ...parts.map((p) => ({
          type: 'bar',
          name: p.name,
          stack: 'money',
          data: [null, p.value],
          barMaxWidth: 22,
        })),
      ],
    };
  }, [project, t]);
  return <EChart option={option} height={160} testId="project-budget-chart" />;
}
