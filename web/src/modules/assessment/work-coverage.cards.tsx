import type { DashboardQuery, Tier, Work } from '@lianxin/common';
import { Card, Col, Empty, Flex, Progress, Row, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { formatNumber } from '../../shared/numbers';
import { useMustGoCoverage, useMustVisitCoverage } from '../assistance/assistance.api';
import { tierHexColors } from '../tiering/tier-tag';
import { formatPercent, InfoLabel } from './indicators';

import { PendingCard, WorkLabel } from './work-labels';

const BLUE = '#1677ff';
const VISITED = '#52c41a';
const NOT_VISITED = '#ffccc7';

// The tier that asks for the most visits first.
const tierOrder: readonly Tier[] = ['priority', 'watch', 'stable'];

function percentOf(value: number | null): number {
  return value === null ? 0 : Math.round(value * 1000) / 10;
}

/** The coverage page of an area (the caller's own without one) and period, on the must-visit or must-go tab. */
function coverageLink(query: DashboardQuery, tab: 'must-visit' | 'must-go'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.areaCode) params.set('area', query.areaCode);
  if (tab === 'must-go') params.set('tab', tab);
  return `/coverage?${params}`;
}

/** 按户类走访覆盖: the households visited within their tier's interval before the period's end. */
export function VisitCoverageCard({ work, fetching }: { work: Work; fetching: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = tierOrder.flatMap((tier) => work.visitCoverage.filter((row) => row.tier === tier));
  const visited = rows.reduce((sum, row) => sum + row.coverage.numerator, 0);
  const households = rows.reduce((sum, row) => sum + row.coverage.denominator, 0);
  const counts = (n: number, d: number) =>
    t('work.visitCoverage.counts', { n: formatNumber(n, locale), d: formatNumber(d, locale) });
  return (
    <Card
      size="small"
      className="lx-dash-card"
      title={<WorkLabel indicator="visitCoverage" />}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('work.visitCoverage.asOf', { to: work.to })}
        </Typography.Text>
      }
      data-testid="work-visit-coverage"
    >
      <Spin spinning={fetching} delay={300}>
        {households === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.visitCoverage.none')} />
        ) : (
          <Flex vertical gap={12}>
            <div className="lx-cadre-work-headline">
              <span className="lx-cadre-work-big" data-testid="work-visit-coverage-value">
                {formatPercent(visited / households, locale)}
              </span>
              <Typography.Text type="secondary">
                {t('work.visitCoverage.all')} · {counts(visited, households)}
              </Typography.Text>
            </div>
            {rows.map(({ tier, everyDays, coverage }) => (
              <div key={tier} data-testid={`work-tier-${tier}`}>
                <Flex justify="space-between" align="baseline" gap={8} wrap>
                  <span className="lx-cadre-work-tier">
                    <i style={{ background: tierHexColors[tier] }} />
                    {t(`tier.${tier}`)}{' '}
                    <Typography.Text type="secondary">
                      {t('work.visitCoverage.every', { days: everyDays })}
                    </Typography.Text>
                  </span>
                  <span className="lx-cadre-work-figure">
                    {coverage.value === null ? (
                      <span className="lx-cadre-work-none">{t('dashboard.noData')}</span>
                    ) : (
                      <Typography.Text strong>{formatPercent(coverage.value, locale)}</Typography.Text>
                    )}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {counts(coverage.numerator, coverage.denominator)}
                    </Typography.Text>
                  </span>
                </Flex>
                <Progress
                  percent={percentOf(coverage.value)}
                  showInfo={false}
                  size="small"
                  strokeColor={BLUE}
                  style={{ margin: 0 }}
                />
              </div>
            ))}
          </Flex>
        )}
      </Spin>
    </Card>
  );
}

interface CoverageFigures {
  total: number;
  visited: number;
  rate: number | null;
}

/** One of 五必访 / 五必去: the rate, what it counts, and its page on the coverage screen. */
function CoverageFigure(props: {
  name: string;
  counts: (visited: string, total: string) => string;
  figures: CoverageFigures;
  link: string;
  testId: string;
}) {
  const { name, counts, figures, link, testId } = props;
  const t = useT();
  const { locale } = useLocale();
  return (
    <Flex vertical gap={4} data-testid={testId}>
      <Link to={link}>{name}</Link>
      {figures.rate === null ? (
        <span className="lx-cadre-work-big lx-cadre-work-empty">{t('assistance.coverage.noneDue')}</span>
      ) : (
        <span className="lx-cadre-work-big" data-testid={`${testId}-value`}>
          {formatPercent(figures.rate, locale)}
        </span>
      )}
      <Progress
        percent={percentOf(figures.rate)}
        showInfo={false}
        size="small"
        strokeColor={VISITED}
        railColor={figures.total === 0 ? undefined : NOT_VISITED}
        style={{ margin: 0 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {counts(formatNumber(figures.visited, locale), formatNumber(figures.total, locale))}
      </Typography.Text>
    </Flex>
  );
}

/** 五必访 / 五必去: the must-visit and must-go coverage of the same area and period. */
export function CoverageCard({ query }: { query: DashboardQuery }) {
  const t = useT();
  const mustVisit = useMustVisitCoverage(query);
  const mustGo = useMustGoCoverage(query);
  const failed = [mustVisit, mustGo].find((q) => q.isError && !q.data);
  const fetching = mustVisit.isFetching || mustGo.isFetching;
  const title = <InfoLabel name={t('work.coverage.title')} definition={t('work.coverage.definition')} />;
  if (failed || !mustVisit.data || !mustGo.data)
    return (
      <PendingCard
        title={title}
        failure={failed && { error: failed.error }}
        onRetry={() => Promise.all([mustVisit.refetch(), mustGo.refetch()])}
        testId="work-coverage"
      />
    );
  return (
    <Card
      size="small"
      className="lx-dash-card"
      title={title}
      extra={
        <Link to={coverageLink(query, 'must-visit')} data-testid="work-coverage-open">
          {t('work.coverage.open')}
        </Link>
      }
      data-testid="work-coverage"
    >
      <Spin spinning={fetching} delay={300}>
        {/* Side by side on a full-width card, one above the other beside the tiers. */}
        <Row gutter={[24, 20]}>
          <Col xs={24} sm={12} lg={24}>
            <CoverageFigure
              name={t('assistance.coverage.mustVisit')}
              counts={(n, d) => t('work.coverage.households', { n, d })}
              figures={mustVisit.data}
              link={coverageLink(query, 'must-visit')}
              testId="work-must-visit"
            />
          </Col>
          <Col xs={24} sm={12} lg={24}>
            <CoverageFigure
              name={t('assistance.coverage.mustGo')}
              counts={(n, d) => t('work.coverage.villages', { n, d })}
              figures={mustGo.data}
              link={coverageLink(query, 'must-go')}
              testId="work-must-go"
            />
          </Col>
        </Row>
      </Spin>
    </Card>
  );
}

// The table's rates: first of the appeals a cadre handles, then (after the quota) of their pairings.
