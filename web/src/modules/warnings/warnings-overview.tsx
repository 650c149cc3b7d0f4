import { type WarningsSummary, warningKinds } from '@lianxin/common';
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { type Translate, useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { kindColors, kindLabel } from './warning-labels';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

/** The trend: warnings raised per day of the last 90, stacked by kind. */
function trendOption(summary: WarningsSummary, t: Translate): EChartsCoreOption {
  const days: string[] = [];
  for (let d = dayjs().subtract(89, 'day'); !d.isAfter(dayjs(), 'day'); d = d.add(1, 'day'))
    days.push(d.format('YYYY-MM-DD'));
  const counts = new Map(summary.trend.map((p) => [`${p.day}|${p.kind}`, p.count]));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 8, top: 32, bottom: 0, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: warningKinds.map((kind) => ({
      name: kindLabel(t, kind),
      type: 'bar',
      stack: 'all',
      barMaxWidth: 14,
      itemStyle: { color: kindColors[kind] },
      data: days.map((d) => counts.get(`${d}|${kind}`) ?? 0),
    })),
  };
}

/**
 * The map-free area view (warnings per town for the district, per village for a town) and the
 * trend; a row of the area view filters the list to that area.
 */
export function WarningsOverview({
  summary,
  onArea,
}: {
  summary: WarningsSummary | undefined;
  onArea: (areaCode: string) => void;
}) {
  const t = useT();
  const option = useMemo(() => (summary ? trendOption(summary, t) : null), [summary, t]);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('warnings.areas.title')} data-testid="warnings-areas">
          <Table
            rowKey="areaCode"
            size="small"
            pagination={false}
            scroll={{ y: 220 }}
            dataSource={summary?.areas ?? []}
            onRow={(row) => ({ onClick: () => onArea(row.areaCode), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('warnings.col.area'), dataIndex: 'name' },
              { title: t('warnings.areas.total'), dataIndex: 'total', align: 'right', width: 72 },
              { title: t('warnings.areas.active'), dataIndex: 'active', align: 'right', width: 80 },
              {
                title: t('warnings.areas.high'),
                dataIndex: 'high',
                align: 'right',
                width: 72,
                render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('warnings.trend.title')}>
          {option && summary && summary.trend.length > 0 ? (
            <EChart option={option} height={260} testId="warnings-trend" />
          ) : (
            <Empty description={t('warnings.trend.empty')} style={{ height: 228, paddingTop: 48 }} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
