import { type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

/** What ECharts passes to a click handler: the item clicked, or an axis label (`value`). */
export interface EChartClick {
  componentType: string;
  seriesIndex?: number;
  seriesName?: string;
  dataIndex?: number;
  name?: string;
  value?: unknown;
}

// Each chart registers the series and components it draws (tree-shaken ECharts); all draw on canvas.
use([CanvasRenderer]);

/** An ECharts chart that follows its option and the width of its container; `onClick` for drill-downs. */
export function EChart({
  option,
  height,
  testId,
  onClick,
}: {
  option: EChartsCoreOption;
  height: number;
  testId?: string;
  onClick?: (event: EChartClick) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  // The latest handler, so a new closure each render does not rebind the chart's listener.
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    if (!container.current) return;
    const instance = init(container.current);
    chart.current = instance;
    instance.on('click', (event) => {
      const { componentType, seriesIndex, seriesName, dataIndex, name, value } = event as EChartClick;
      clickHandler.current?.({ componentType, seriesIndex, seriesName, dataIndex, name, value });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} style={{ width: '100%', height }} data-testid={testId} />;
}
