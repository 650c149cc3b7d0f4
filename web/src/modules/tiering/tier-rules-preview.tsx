import type { Tier, TierRulesPreview } from '@lianxin/common';
import { Alert, Col, Row, Table, type TableColumnsType, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { formatNumber } from '../../shared/numbers';
import { tierHexColors, tierLabel } from './tier-tag';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

type Bucket = Tier | 'none';
const buckets: readonly Bucket[] = ['priority', 'watch', 'stable', 'none'];

/**
 * Today's count per tier, worked back from the preview: the proposed count, less what moves in,
 * plus what moves out. Households without a tier today are the moves "from null".
 */
export function currentCounts(preview: TierRulesPreview): Record<Bucket, number> {
  const counts: Record<Bucket, number> = { ...preview.counts, none: 0 };
  for (const move of preview.moves) {
    if (move.from === move.to) continue;
    counts[move.to] -= move.count;
    counts[move.from ?? 'none'] += move.count;
  }
  return counts;
}

function bucketLabel(t: Translate, bucket: Bucket): string {
  return bucket === 'none' ? t('tier.none') : tierLabel(t, bucket);
}

/** Households without a tier show only when there are some (a district that has just started). */
function shownBucketsOf(now: Record<Bucket, number>): Bucket[] {
  return buckets.filter((b) => b !== 'none' || now.none > 0);
}

/** Bars of today's and the proposed count per tier, the proposed ones in the tier's colour. */
function countsChartOption(preview: TierRulesPreview, t: Translate): EChartsCoreOption {
  const now = currentCounts(preview);
  const next: Record<Bucket, number> = { ...preview.counts, none: 0 };
  const shown = shownBucketsOf(now);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 0, top: 36, containLabel: true },
    xAxis: { type: 'category', data: shown.map((b) => bucketLabel(t, b)) },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('tierRules.countNow'),
        type: 'bar',
        data: shown.map((b) => now[b]),
        itemStyle: { color: '#d9d9d9' },
      },
      {
        name: t('tierRules.countNext'),
        type: 'bar',
        data: shown.map((b) => ({ value: next[b], itemStyle: { color: tierHexColors[b] } })),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

interface CountRow {
  bucket: Bucket;
  now: number;
  next: number;
}

/** What a draft rule set would do: who moves between tiers, and the counts before and after. */
export function TierRulesPreviewResult({ preview, stale }: { preview: TierRulesPreview; stale: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const now = currentCounts(preview);
  const next: Record<Bucket, number> = { ...preview.counts, none: 0 };
  const moves = preview.moves.filter((m) => m.from !== m.to && m.count > 0);
  const moved = moves.reduce((sum, m) => sum + m.count, 0);
  const label = (bucket: Bucket) => bucketLabel(t, bucket);
  const rows: CountRow[] = shownBucketsOf(now).map((bucket) => ({
    bucket,
    now: now[bucket],
    next: next[bucket],
  }));
  const columns: TableColumnsType<CountRow> = [
    {
      title: t('tierRules.tier'),
      dataIndex: 'bucket',
      render: (bucket: Bucket) => (
        <Typography.Text style={{ color: tierHexColors[bucket] }}>{label(bucket)}</Typography.Text>
      ),
    },
    {
      title: t('tierRules.countNow'),
      dataIndex: 'now',
      align: 'right',
      render: (n: number) => formatNumber(n, locale),
    },
    {
      title: t('tierRules.countNext'),
      dataIndex: 'next',
      align: 'right',
      render: (n: number) => formatNumber(n, locale),
    },
    {
      title: t('tierRules.countChange'),
      key: 'change',
      align: 'right',
      render: (_, row) => {
        const diff = row.next - row.now;
        if (diff === 0) return <Typography.Text type="secondary">0</Typography.Text>;
        return (
          <Typography.Text type={diff > 0 ? 'danger' : 'success'}>
            {diff > 0 ? '+' : ''}
            {formatNumber(diff, locale)}
          </Typography.Text>
        );
      },
    },
  ];

  const option = useMemo(() => countsChartOption(preview, t), [preview, t]);

  const moveText = moves
    .map((m) =>
      t('tierRules.move', {
        from: label(m.from ?? 'none'),
        to: label(m.to),
        count: formatNumber(m.count, locale),
      }),
    )
    .join(t('common.listSeparator'));

  return (
    <div data-testid="tier-preview">
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('tierRules.previewStale')} />
      )}
      <Alert
        type={moved > 0 ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          moved > 0
            ? t('tierRules.previewMoves', {
                count: formatNumber(moved, locale),
                households: formatNumber(preview.households, locale),
              })
            : t('tierRules.previewNoMoves', { households: formatNumber(preview.households, locale) })
        }
        description={
          <>
            {moveText && <div data-testid="tier-preview-moves">{moveText}</div>}
            {preview.overridden > 0 && (
              <div>
                {t('tierRules.previewOverridden', { count: formatNumber(preview.overridden, locale) })}
              </div>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Table<CountRow>
            rowKey="bucket"
            columns={columns}
            dataSource={rows}
            size="small"
            pagination={false}
          />
        </Col>
        <Col xs={24} lg={14}>
          <EChart option={option} height={220} testId="tier-preview-chart" />
        </Col>
      </Row>
    </div>
  );
}
