import { SearchOutlined } from '@ant-design/icons';
import {
  type CadreSet,
  type CadreWork,
  cadreRateSets,
  type DashboardQuery,
  type Role,
  roles,
  type Tier,
  type Work,
  type WorkIndicator,
  workIndicatorDefinitions,
} from '@lianxin/common';
import {
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  Progress,
  Row,
  Skeleton,
  Spin,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { roleLabel } from '../../shared/labels';
import { formatNumber } from '../../shared/numbers';
import { LoadFailed } from '../../shared/record-page';
import { useMustGoCoverage, useMustVisitCoverage } from '../assistance/assistance.api';
import { tierHexColors } from '../tiering/tier-tag';
import { cadreRecordsLink, formatPercent, InfoLabel, type Rate } from './indicators';
import { CountLink, fill } from './kpi-cards';
import { useWork } from './work.api';
import './dashboard.css';
import './work-section.css';

const BLUE = '#1677ff';
const VISITED = '#52c41a';
const NOT_VISITED = '#ffccc7';

// The tier that asks for the most visits first.
const tierOrder: readonly Tier[] = ['priority', 'watch', 'stable'];

function isRole(role: string): role is Role {
  return (roles as readonly string[]).includes(role);
}

function roleText(t: Translate, role: string): string {
  return isRole(role) ? roleLabel(t, role) : role;
}

/** A work indicator's name with its written definition, in the UI language. */
function WorkLabel({ indicator }: { indicator: WorkIndicator }) {
  const { locale } = useLocale();
  const [name, definition] = workIndicatorDefinitions[indicator][locale];
  return <InfoLabel name={name} definition={definition} />;
}

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

/** A card whose figures are loading, or did not load (`failure` set). */
function PendingCard(props: {
  title: ReactNode;
  failure: { error: unknown } | undefined;
  onRetry: () => void;
  testId: string;
}) {
  return (
    <Card size="small" className="lx-dash-card" title={props.title} data-testid={props.testId}>
      {props.failure ? (
        <LoadFailed error={props.failure.error} onRetry={props.onRetry} />
      ) : (
        <Skeleton active paragraph={{ rows: 4 }} />
      )}
    </Card>
  );
}

/** 按户类走访覆盖: the households visited within their tier's interval before the period's end. */
function VisitCoverageCard({ work, fetching }: { work: Work; fetching: boolean }) {
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
function CoverageCard({ query }: { query: DashboardQuery }) {
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
const appealRates = ['resolutionRate', 'satisfactionRate', 'onTimeRate'] as const;
const pairingRates = ['pairedVisited', 'helperSatisfaction'] as const;
type RateKey = (typeof appealRates)[number] | (typeof pairingRates)[number];
const countKeys = ['visits', 'villageDays'] as const satisfies readonly WorkIndicator[];

/**
 * Highest first when descending, and a cadre with nothing to count last either way: antd turns
 * the result round for a descending sort, so the nulls are turned round in advance.
 */
function byRate(rate: (row: CadreWork) => Rate) {
  return (a: CadreWork, b: CadreWork, order?: SortOrder) => {
    const x = rate(a).value;
    const y = rate(b).value;
    const last = order === 'descend' ? -1 : 1;
    if (x === null && y === null) return 0;
    if (x === null) return last;
    if (y === null) return -last;
    return x - y || rate(a).denominator - rate(b).denominator;
  };
}

/** The pages listing a cadre's records behind a figure of their row, where the caller may open them. */
type CadreLink = (set: CadreSet) => string | undefined;

/**
 * A rate with what it counts below it (or `detail` instead), each count opening its records;
 * no data, never 0 %, with nothing to count.
 */
function RateCell({
  rate,
  detail,
  sets,
  link,
}: {
  rate: Rate;
  detail?: ReactNode;
  sets?: { numerator: CadreSet; denominator: CadreSet };
  link?: CadreLink;
}) {
  const t = useT();
  const { locale } = useLocale();
  const counts =
    detail ??
    fill(t('dashboard.ofCount'), {
      n: <CountLink value={rate.numerator} to={sets && link?.(sets.numerator)} />,
      d: <CountLink value={rate.denominator} to={sets && link?.(sets.denominator)} />,
    });
  if (rate.value === null)
    return (
      <span className="lx-cadre-work-rate">
        <span className="lx-cadre-work-none">{t('dashboard.noData')}</span>
        {detail && <small>{detail}</small>}
      </span>
    );
  return (
    <span className="lx-cadre-work-rate">
      {formatPercent(rate.value, locale)}
      <small>{counts}</small>
    </span>
  );
}

const PAGE_SIZE = 20;

/** 干部工作情况: a row per cadre of the area, sortable, searchable by name or unit, paged here. */
function CadresCard({ work, fetching }: { work: Work; fetching: boolean }) {
  const t = useT();
  const can = useCan();
  const { locale } = useLocale();
  // Each figure opens the cadre's records it counts, in the period of the figures.
  const linkOf =
    (c: CadreWork): CadreLink =>
    (set) =>
      cadreRecordsLink(set, { cadreId: c.cadreId, from: work.from, to: work.to }, can);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const query = useDeferredValue(search.trim().toLowerCase());
  const rows = useMemo(
    () =>
      query === ''
        ? work.cadres
        : work.cadres.filter(
            (c) => c.name.toLowerCase().includes(query) || c.areaName.toLowerCase().includes(query),
          ),
    [work.cadres, query],
  );
  const roleFilters = useMemo(
    () =>
      [...new Set(work.cadres.map((c) => c.role))].map((role) => ({ text: roleText(t, role), value: role })),
    [work.cadres, t],
  );
  // On a phone the unit and role go under the name, so the figures are one swipe away.
  const narrow = !Grid.useBreakpoint().md;
  // One collator for a sort of thousands of names, not one per comparison.
  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const count = (n: number) => formatNumber(n, locale);
  const rateColumn = (key: RateKey): ColumnsType<CadreWork>[number] => ({
    key,
    title: <WorkLabel indicator={key} />,
    align: 'center',
    width: 90,
    sorter: byRate((c) => c[key]),
    render: (_, c) => (
      <RateCell
        rate={c[key]}
        sets={key === 'helperSatisfaction' ? undefined : cadreRateSets[key]}
        link={linkOf(c)}
      />
    ),
  });

  const columns: ColumnsType<CadreWork> = [
    {
      key: 'name',
      title: t('work.cadres.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: narrow ? 120 : 80,
      sorter: (a, b) => collator.compare(a.name, b.name),
      render: (name: string, c) =>
        narrow ? (
          <span className="lx-cadre-work-who">
            {name}
            <small>{c.areaName}</small>
            <small>{roleText(t, c.role)}</small>
          </span>
        ) : (
          name
        ),
    },
    {
      key: 'unit',
      title: t('work.cadres.unit'),
      dataIndex: 'areaName',
      width: 104,
      ellipsis: true,
      responsive: ['md'],
      // Areas in the order of their codes, as the government's lists give them.
      sorter: (a, b) => (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0),
    },
    {
      key: 'role',
      title: t('work.cadres.role'),
      dataIndex: 'role',
      width: 136,
      responsive: ['md'],
      filters: roleFilters,
      onFilter: (value, c) => c.role === value,
      render: (role: string) => roleText(t, role),
    },
    {
      key: 'handled',
      title: <WorkLabel indicator="handled" />,
      dataIndex: 'handled',
      align: 'right',
      width: 88,
      sorter: (a, b) => a.handled - b.handled,
      render: (n: number, c) => (
        <span className="lx-cadre-work-figure">
          <CountLink value={n} to={linkOf(c)('received')} />
        </span>
      ),
    },
    ...appealRates.map(rateColumn),
    {
      key: 'quotaFill',
      title: <WorkLabel indicator="quotaFill" />,
      align: 'center',
      width: 90,
      sorter: byRate((c) => c.quotaFill),
      render: (_, c) => (
        <Tooltip title={t('work.cadres.quota', { paired: c.paired, min: c.quotaMin })}>
          {c.quotaMin === 0 ? (
            <span className="lx-cadre-work-rate">
              <span className="lx-cadre-work-none">{t('work.cadres.noQuota')}</span>
              <small>
                {fill(t('work.cadres.pairedOnly'), {
                  n: <CountLink value={c.paired} to={linkOf(c)('paired')} />,
                })}
              </small>
            </span>
          ) : (
            <span>
              <RateCell
                rate={c.quotaFill}
                detail={
                  <>
                    <CountLink value={c.paired} to={linkOf(c)('paired')} /> / {count(c.quotaMin)}
                  </>
                }
              />
            </span>
          )}
        </Tooltip>
      ),
    },
    ...pairingRates.map(rateColumn),
    ...countKeys.map((key) => ({
      key,
      title: <WorkLabel indicator={key} />,
      dataIndex: key,
      align: 'right' as const,
      width: 88,
      sorter: (a: CadreWork, b: CadreWork) => a[key] - b[key],
      render: (n: number) => <span className="lx-cadre-work-figure">{count(n)}</span>,
    })),
  ];

  return (
    <Card
      size="small"
      title={<InfoLabel name={t('work.cadres.title')} definition={t('work.cadres.definition')} />}
      data-testid="work-cadres"
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('work.cadres.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          maxLength={40}
          style={{ width: 240, maxWidth: '100%' }}
          data-testid="work-cadres-search"
        />
      </Flex>
      <Table<CadreWork>
        className="lx-cadre-work-table"
        rowKey="cadreId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={fetching}
        tableLayout="fixed"
        scroll={{ x: narrow ? 924 : 1124 }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) =>
            query === ''
              ? t('work.cadres.count', { total: count(total) })
              : t('work.cadres.matched', { shown: count(total), total: count(work.cadres.length) }),
        }}
        onChange={(pagination) =>
          setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? PAGE_SIZE })
        }
        locale={{
          emptyText: query === '' ? t('work.cadres.none') : t('work.cadres.noMatch', { q: search.trim() }),
        }}
      />
    </Card>
  );
}

/**
 * 干部工作: for the dashboard's area and period, the households visited as often as their tier
 * asks, the must-visit and must-go coverage (for those who read contact and assistance), and a
 * row per cadre with the appeals they handle, their pairings and visits, and the households'
 * ratings of them.
 */
export function WorkSection(props: { areaCode: string | undefined; from: string; to: string }) {
  const { areaCode, from, to } = props;
  const t = useT();
  const can = useCan();
  const query = useMemo<DashboardQuery>(
    () => ({ from, to, ...(areaCode ? { areaCode } : {}) }),
    [from, to, areaCode],
  );
  const work = useWork(query);
  const showCoverage = can('assistance.read');
  const failed = work.isError && !work.data ? { error: work.error } : undefined;
  const retry = () => work.refetch();

  return (
    <div className="lx-cadre-work" data-testid="dashboard-work">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={showCoverage ? 12 : 24}>
          {work.data ? (
            <VisitCoverageCard work={work.data} fetching={work.isFetching} />
          ) : (
            <PendingCard
              title={<WorkLabel indicator="visitCoverage" />}
              failure={failed}
              onRetry={retry}
              testId="work-visit-coverage"
            />
          )}
        </Col>
        {showCoverage && (
          <Col xs={24} lg={12}>
            <CoverageCard query={query} />
          </Col>
        )}
      </Row>
      {work.data ? (
        <CadresCard key={work.data.area.code} work={work.data} fetching={work.isFetching} />
      ) : (
        <PendingCard
          title={<InfoLabel name={t('work.cadres.title')} definition={t('work.cadres.definition')} />}
          failure={failed}
          onRetry={retry}
          testId="work-cadres"
        />
      )}
    </div>
  );
}
