import type { Locale } from '@lianxin/common';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';

// The chart kinds and parts the dashboard draws, registered once for its charts.
use([BarChart, LineChart, FunnelChart, PieChart, GridComponent, LegendComponent, TooltipComponent]);

export const CHART_HEIGHT = 300;
export const BLUE = '#1677ff';
export const CYAN = '#13c2c2';
export const GOLD = '#faad14';

/** A remark in brackets: full-width in Chinese. */
export function parenthesized(text: string, locale: Locale): string {
  return locale === 'zh-CN' ? `（${text}）` : ` (${text})`;
}
