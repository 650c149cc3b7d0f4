import { type AppealSet, type AreaIndicators, type Dashboard, type Tier, tiers } from '@lianxin/common';
import { Card } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { EChart } from '../../shared/echart';
import { formatNumber } from '../../shared/numbers';
import { tierHexColors } from '../tiering/tier-tag';
import { BLUE, CHART_HEIGHT, CYAN, parenthesized } from './dashboard-chart-style';
import { formatPercent, InfoLabel, recordsLink } from './indicators';

const funnelStages = ['received', 'reachedTown', 'reachedDistrict'] as const;
const funnelSets = {
  received: 'received',
  reachedTown: 'reachedTown',
  reachedDistrict: 'reachedDistrict',
} as const satisfies Record<(typeof funnelStages)[number], AppealSet>;

/** The level funnel: of the appeals received, how many ever reached the town, and the district; a stage opens them. */
export function FunnelCard({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { funnel } = dashboard;
  const option = useMemo<EChartsCoreOption>(() => {
    const share = (n: number) =>
      funnel.received === 0 ? '' : parenthesized(formatPercent(n / funnel.received, locale), locale);
    return {
      color: [BLUE, CYAN, '#fa8c16'],
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${p.name}<br/>${formatNumber(p.value, locale)}${share(p.value)}`,
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          // The labels sit beside the funnel, so a stage of zero still reads (and is not drawn as more).
          left: '4%',
          width: '56%',
          top: 12,
          bottom: 12,
          min: 0,
          max: Math.max(1, funnel.received),
          minSize: '0%',
          gap: 4,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { name: string; value: number }) =>
              `{name|${p.name}}\n{value|${formatNumber(p.value, locale)}}{share|${share(p.value)}}`,
            rich: {
              name: { color: 'rgba(0,0,0,0.55)', fontSize: 12, lineHeight: 18 },
              value: { color: 'rgba(0,0,0,0.88)', fontSize: 16, fontWeight: 600, lineHeight: 22 },
              share: { color: 'rgba(0,0,0,0.45)', fontSize: 12 },
            },
          },
          labelLine: { length: 16, lineStyle: { color: '#d9d9d9' } },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          cursor: can('appeals.read') ? 'pointer' : 'default',
          data: funnelStages.map((stage) => ({
            name: t(`dashboard.funnel.${stage}`),
            value: funnel[stage],
          })),
        },
      ],
    };
  }, [funnel, t, locale, can]);
  return (
    <Card
      size="small"
      title={<InfoLabel name={t('dashboard.funnel.title')} definition={t('dashboard.funnel.definition')} />}
      className="lx-dash-card"
    >
      <EChart
        option={option}
        height={CHART_HEIGHT}
        testId="dashboard-funnel"
        onClick={(event) => {
          const stage = funnelStages[event.dataIndex ?? -1];
          const to =
            stage &&
            recordsLink(
              funnelSets[stage],
              { areaCode: dashboard.area.code, from: dashboard.from, to: dashboard.to },
              can,
            );
          if (to) navigate(to);
        }}
      />
    </Card>
  );
}

function tierSeries(t: Translate, rows: AreaIndicators[]) {
  return tiers.map((tier) => ({
    name: t(`tier.${tier}`),
    type: 'bar',
    stack: 'tiers',
    barMaxWidth: 18,
    itemStyle: { color: tierHexColors[tier] },
    emphasis: { focus: 'series' },
    data: rows.map((r) => r.tiers[tier]),
  }));
}

/**
 * Households by tier: stacked bars per child area (a bar opens that area's dashboard), or the
 * area's own split when it has no child areas (a slice opens the households of that tier).
 */
export function TiersCard({
  dashboard,
  onDrill,
}: {
  dashboard: Dashboard;
  onDrill: ((areaCode: string) => void) | undefined;
}) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const rows = onDrill ? dashboard.children : [];
  const byChild = rows.length > 0;
  const option = useMemo<EChartsCoreOption>(() => {
    if (byChild) {
      const ordered = [...rows].reverse();
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 0, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
        yAxis: {
          type: 'category',
          data: ordered.map((r) => r.areaName),
          axisTick: { show: false },
          triggerEvent: true,
        },
        series: tierSeries(t, ordered).map((s) => ({ ...s, cursor: 'pointer' })),
      };
    }
    const total = dashboard.totals;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number; percent: number }) =>
          `${p.name}<br/>${formatNumber(p.value, locale)}${parenthesized(`${p.percent}%`, locale)}`,
      },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}' },
          cursor: can('households.read') ? 'pointer' : 'default',
          data: tiers.map((tier) => ({
            name: t(`tier.${tier}`),
            value: total.tiers[tier],
            itemStyle: { color: tierHexColors[tier] },
          })),
        },
      ],
    };
  }, [byChild, rows, dashboard.totals, t, locale, can]);
  const height = byChild ? Math.max(CHART_HEIGHT, rows.length * 30 + 40) : CHART_HEIGHT;
  return (
    <Card
      size="small"
      title={
        <InfoLabel
          name={byChild ? t('dashboard.tiers.byChild') : t('dashboard.tiers.title')}
          definition={t('dashboard.tiers.definition')}
        />
      }
      className="lx-dash-card"
    >
      <EChart
        option={option}
        height={height}
        testId="dashboard-tiers"
        onClick={(event) => {
          if (byChild) {
            const ordered = [...rows].reverse();
            // A click on a bar or on the area's name on the axis.
            const child =
              event.componentType === 'yAxis'
                ? ordered.find((r) => r.areaName === event.value)
                : ordered[event.dataIndex ?? -1];
            if (child && onDrill) onDrill(child.areaCode);
            return;
          }
          const tier: Tier | undefined = tiers[event.dataIndex ?? -1];
          const to =
            tier &&
            recordsLink(tier, { areaCode: dashboard.area.code, from: dashboard.from, to: dashboard.to }, can);
          if (to) navigate(to);
        }}
      />
    </Card>
  );
}
