import { ReloadOutlined } from '@ant-design/icons';
import type { AreaKind } from '@lianxin/common';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Result,
  Row,
  Segmented,
  Skeleton,
  Space,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { areaKindLabel } from '../../shared/labels';
import { PageHeader } from '../../shared/page-header';
import { AreaPicker, useHasChildAreas } from '../areas/area-picker';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { DepartmentStatsCard } from '../departments/department-stats.card';
import { HeatTable, RankingCard } from './area-tables';
import { BulletinExport } from './bulletin-export';
import { useDashboard } from './dashboard.api';
import { FunnelCard, TiersCard } from './dashboard-area-charts';
import { CategoriesCard, TrendCard } from './dashboard-charts';
import { chinaToday, type Period, periods, rangeOf, useDashboardLocation } from './dashboard-location';
import { KpiCards } from './kpi-cards';
import './dashboard.css';
import { WorkSection } from './work-section';

/** The level a dashboard breaks an area into: towns of a district, villages of a town. */
function childKindOf(kind: AreaKind): AreaKind | null {
  if (kind === 'district') return 'town';
  if (kind === 'town') return 'village';
  return null;
}

/**
 * 数据看板: the figures of the caller's area (or one below it) for a period — the indicators,
 * the monthly trend, categories, the level funnel, tiers, rankings and the heat table of the
 * child areas. A child area opens its own dashboard; a figure opens the records it counts.
 */
export function AreaDashboard() {
  const t = useT();
  const me = useMe();
  const location = useDashboardLocation();
  const { areaCode, period, from, to, navigateTo } = location;
  const { index } = useAreaIndex();
  const hasChildAreas = useHasChildAreas();
  const query = useMemo(() => ({ from, to, ...(areaCode ? { areaCode } : {}) }), [from, to, areaCode]);
  const { data, isFetching, isError, refetch } = useDashboard(query);

  const current = areaCode ?? me.areaCode;
  const path = pathTo(index, current);
  const childKind = data ? childKindOf(data.area.kind) : null;
  const goTo = (code: string | undefined) =>
    navigateTo({ ...location, areaCode: code === me.areaCode ? undefined : code });
  const drill = childKind ? (code: string) => goTo(code) : undefined;
  const today = chinaToday();

  const toolbar = (
    <Card size="small" className="lx-dash-toolbar">
      <Flex wrap gap={12} align="center" justify="space-between">
        <Breadcrumb
          data-testid="dashboard-breadcrumb"
          items={(path.length > 0 ? path : data ? [{ code: data.area.code, name: data.area.name }] : []).map(
            (area, i, all) => ({
              key: area.code,
              title:
                i === all.length - 1 ? (
                  <Typography.Text strong>{area.name}</Typography.Text>
                ) : (
                  <a
                    href={`/?area=${area.code}`}
                    onClick={(event) => {
                      event.preventDefault();
                      goTo(area.code);
                    }}
                  >
                    {area.name}
                  </a>
                ),
            }),
          )}
        />
        <Space wrap size={12}>
          {hasChildAreas && <AreaPicker value={areaCode} onChange={goTo} testId="dashboard-area" />}
          <Segmented<Period>
            value={period}
            onChange={(next) =>
              navigateTo({ ...location, period: next, ...(next === 'custom' ? {} : rangeOf(next, today)) })
            }
            options={periods.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
            data-testid="dashboard-period"
          />
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(next) => {
              if (next?.[0] && next[1])
                navigateTo({
                  ...location,
                  period: 'custom',
                  from: next[0].format('YYYY-MM-DD'),
                  to: next[1].format('YYYY-MM-DD'),
                });
            }}
            style={{ width: 240 }}
            data-testid="dashboard-range"
          />
          <Tooltip title={t('dashboard.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              loading={isFetching}
              onClick={() => refetch()}
              aria-label={t('dashboard.refresh')}
            />
          </Tooltip>
          <BulletinExport areaCode={areaCode} areaName={data?.area.name} />
        </Space>
      </Flex>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={
          <Space size={8} align="baseline">
            {t('dashboard.title')}
            {data && (
              <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
                {data.area.name} · {areaKindLabel(t, data.area.kind)}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          data && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-computed">
              {t('dashboard.computedAt', {
                from: data.from,
                to: data.to,
                at: formatDateTime(data.computedAt),
              })}
            </Typography.Text>
          )
        }
      />
      {toolbar}
      {isError && !data ? (
        <Card>
          <Result
            status="warning"
            title={t('dashboard.loadFailed')}
            extra={
              <Space>
                <Button onClick={() => refetch()}>{t('dashboard.retry')}</Button>
                {areaCode && (
                  <Button type="primary" onClick={() => goTo(undefined)}>
                    {t('dashboard.backToMine')}
                  </Button>
                )}
              </Space>
            }
          />
        </Card>
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Spin spinning={isFetching} delay={300}>
          <div data-testid="dashboard" data-area={data.area.code}>
            <KpiCards area={data.totals} period={{ from: data.from, to: data.to }} />
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} xl={16}>
                <TrendCard dashboard={data} />
              </Col>
              <Col xs={24} xl={8}>
                <FunnelCard dashboard={data} />
              </Col>
            </Row>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} lg={12} xl={childKind ? 8 : 12}>
                <CategoriesCard dashboard={data} />
              </Col>
              <Col xs={24} lg={12} xl={childKind ? 8 : 12}>
                <TiersCard dashboard={data} onDrill={drill} />
              </Col>
              {childKind && drill && (
                <Col xs={24} xl={8}>
                  <RankingCard rows={data.children} childKind={childKind} onDrill={drill} />
                </Col>
              )}
            </Row>
            {childKind && drill && (
              <HeatTable
                rows={data.children}
                totals={data.totals}
                childKind={childKind}
                period={{ from: data.from, to: data.to }}
                onDrill={drill}
              />
            )}
            {data.area.kind === 'district' && (
              <DepartmentStatsCard range={{ from: data.from, to: data.to }} />
            )}
            <WorkSection areaCode={areaCode} from={from} to={to} />
          </div>
        </Spin>
      )}
    </>
  );
}
