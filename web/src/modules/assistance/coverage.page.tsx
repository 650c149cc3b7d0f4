import { DownloadOutlined } from '@ant-design/icons';
import { type MustGoCoverage, type MustVisitCoverage, mustVisitCoverageApi } from '@lianxin/common';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Translate, useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { useDownload } from '../../shared/download';
import { EChart } from '../../shared/echart';
import { PageHeader } from '../../shared/page-header';
import { AreaPicker, useHasChildAreas } from '../areas/area-picker';
import {
  type CoverageFilter,
  useMustGoCoverage,
  useMustVisitCoverage,
  usePairingBoard,
} from './assistance.api';
import {
  type MustGoReason,
  type MustVisitGroup,
  mustGoReasonLabel,
  mustVisitGroupLabel,
  percentOf,
} from './assistance-labels';
import './assistance.css';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

const VISITED = '#52c41a';
const NOT_VISITED = '#ff7875';

type Tab = 'must-visit' | 'must-go';
const tabs: Tab[] = ['must-visit', 'must-go'];

interface Bar {
  name: string;
  visited: number;
  total: number;
}

/** Visited and not visited, stacked, one bar per area: the gaps stand out in red. */
function coverageChart(bars: Bar[], t: Translate): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('assistance.coverage.visited'), t('assistance.coverage.notVisited')] },
    grid: { left: 8, right: 8, top: 32, bottom: 0, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.name),
      axisLabel: { interval: 0, fontSize: 11, overflow: 'break', width: 64 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('assistance.coverage.visited'),
        type: 'bar',
        stack: 'all',
        barMaxWidth: 40,
        itemStyle: { color: VISITED },
        data: bars.map((b) => b.visited),
      },
      {
        name: t('assistance.coverage.notVisited'),
        type: 'bar',
        stack: 'all',
        barMaxWidth: 40,
        itemStyle: { color: NOT_VISITED },
        data: bars.map((b) => b.total - b.visited),
      },
    ],
  };
}

function Totals(props: {
  total: number;
  visited: number;
  rate: number | null;
  unit: string;
  loading: boolean;
}) {
  const { total, visited, rate, unit, loading } = props;
  const t = useT();
  const percent = percentOf(rate);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={8}>
        <Card size="small">
          <Statistic title={t('assistance.coverage.total')} value={total} suffix={unit} loading={loading} />
        </Card>
      </Col>
      <Col xs={8}>
        <Card size="small">
          <Statistic
            title={t('assistance.coverage.visited')}
            value={visited}
            suffix={unit}
            styles={{ content: { color: VISITED } }}
            loading={loading}
          />
        </Card>
      </Col>
      <Col xs={8}>
        <Card size="small">
          <Statistic
            title={t('assistance.coverage.rate')}
            value={percent ?? undefined}
            precision={1}
            suffix={percent === null ? undefined : '%'}
            formatter={percent === null ? () => t('assistance.coverage.noneDue') : undefined}
            loading={loading}
            data-testid="coverage-rate"
          />
        </Card>
      </Col>
    </Row>
  );
}

function MustVisitTab({ data, loading }: { data: MustVisitCoverage | undefined; loading: boolean }) {
  const t = useT();
  const option = useMemo(
    () =>
      data
        ? coverageChart(
            data.byArea.map((a) => ({ name: a.areaName, visited: a.visited, total: a.total })),
            t,
          )
        : null,
    [data, t],
  );
  const missingColumns: TableColumnsType<MustVisitCoverage['missing'][number]> = [
    {
      title: t('assistance.household'),
      dataIndex: 'number',
      render: (number: string, m) => <Link to={`/households/${m.householdId}?tab=visits`}>{number}</Link>,
    },
    { title: t('assistance.coverage.head'), dataIndex: 'headName', render: (n: string | null) => n ?? '—' },
    { title: t('assistance.village'), dataIndex: 'villageName' },
    {
      title: t('assistance.coverage.groups'),
      dataIndex: 'groups',
      render: (groups: MustVisitGroup[]) => (
        <Space size={[4, 4]} wrap>
          {groups.map((g) => (
            <Tag key={g} style={{ marginInlineEnd: 0 }}>
              {mustVisitGroupLabel(t, g)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  const missingCount = data ? data.total - data.visited : 0;

  return (
    <>
      <Totals
        total={data?.total ?? 0}
        visited={data?.visited ?? 0}
        rate={data?.rate ?? null}
        unit={t('assistance.households')}
        loading={!data}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('assistance.coverage.byArea')}
            style={{ marginBottom: 16 }}
            loading={!data}
          >
            {option && data && data.byArea.length > 0 ? (
              <EChart option={option} height={280} testId="coverage-chart" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={t('assistance.coverage.byGroup')}
            style={{ marginBottom: 16 }}
            loading={!data}
          >
            <Flex vertical gap={10} data-testid="coverage-groups">
              {(data?.byGroup ?? []).map((g) => (
                <div key={g.group}>
                  <Flex justify="space-between">
                    <Typography.Text>{mustVisitGroupLabel(t, g.group)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('assistance.coverage.ofTotal', { visited: g.visited, total: g.total })}
                    </Typography.Text>
                  </Flex>
                  <Progress
                    percent={g.total === 0 ? 0 : Math.round((g.visited / g.total) * 100)}
                    strokeColor={VISITED}
                    railColor={g.total === 0 ? undefined : '#ffccc7'}
                    size="small"
                    format={(p) => (g.total === 0 ? '—' : `${p}%`)}
                  />
                </div>
              ))}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('assistance.coverage.groupsHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('assistance.coverage.missing', { count: missingCount })}
        data-testid="coverage-missing"
      >
        <Table
          rowKey="householdId"
          columns={missingColumns}
          dataSource={data?.missing ?? []}
          loading={loading}
          size="small"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('assistance.coverage.noneMissing') }}
          footer={
            data && data.missing.length < missingCount
              ? () => t('assistance.coverage.missingFirst', { shown: data.missing.length })
              : undefined
          }
        />
      </Card>
    </>
  );
}

type MustGoVillage = MustGoCoverage['villages'][number];

function MustGoTab({ data, loading }: { data: MustGoCoverage | undefined; loading: boolean }) {
  const t = useT();
  const option = useMemo(() => {
    if (!data) return null;
    const byTown = new Map<string, Bar>();
    for (const v of data.villages) {
      const bar = byTown.get(v.townName) ?? { name: v.townName, visited: 0, total: 0 };
      bar.total++;
      if (v.visits > 0) bar.visited++;
      byTown.set(v.townName, bar);
    }
    return coverageChart([...byTown.values()], t);
  }, [data, t]);
  const columns: TableColumnsType<MustGoVillage> = [
    { title: t('assistance.village'), dataIndex: 'villageName' },
    { title: t('assistance.coverage.town'), dataIndex: 'townName' },
    {
      title: t('assistance.coverage.reasons'),
      dataIndex: 'reasons',
      render: (reasons: MustGoReason[]) => (
        <Space size={[4, 4]} wrap>
          {reasons.map((r) => (
            <Tag key={r} color="volcano" style={{ marginInlineEnd: 0 }}>
              {mustGoReasonLabel(t, r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('assistance.coverage.visits'),
      dataIndex: 'visits',
      align: 'right',
      sorter: (a, b) => a.visits - b.visits,
      render: (n: number) => (n === 0 ? <Tag color="error">{t('assistance.coverage.notVisited')}</Tag> : n),
    },
    {
      title: t('assistance.lastVisit'),
      dataIndex: 'lastVisitDate',
      render: (d: string | null) => d ?? '—',
    },
  ];
  return (
    <>
      <Totals
        total={data?.total ?? 0}
        visited={data?.visited ?? 0}
        rate={data?.rate ?? null}
        unit={t('assistance.coverage.villagesUnit')}
        loading={!data}
      />
      <Card size="small" title={t('assistance.coverage.byTown')} style={{ marginBottom: 16 }} loading={!data}>
        {option && data && data.villages.length > 0 ? (
          <EChart option={option} height={240} testId="coverage-go-chart" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assistance.coverage.noMustGo')} />
        )}
      </Card>
      <Card size="small" title={t('assistance.coverage.villages')}>
        <Typography.Paragraph type="secondary">{t('assistance.coverage.mustGoHint')}</Typography.Paragraph>
        <Table<MustGoVillage>
          rowKey="villageCode"
          columns={columns}
          dataSource={data?.villages ?? []}
          loading={loading}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(v) => (v.visits === 0 ? 'lx-row-late' : '')}
          locale={{ emptyText: t('assistance.coverage.noMustGo') }}
          data-testid="coverage-villages"
        />
      </Card>
    </>
  );
}

/**
 * 覆盖情况: how much of the must-visit households (五必访) and must-go villages (五必去) of an area
 * were visited in a period, by area and group, with who is still missing; the must-visit figures
 * and list also as an Excel workbook.
 */
export function CoveragePage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((k) => k === params.get('tab')) ?? 'must-visit';
  const areaCode = params.get('area') ?? undefined;
  const hasChildAreas = useHasChildAreas();
  // A period in the address (a dashboard's link) is taken as given; otherwise this year so far.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    const day = /^\d{4}-\d{2}-\d{2}$/;
    return day.test(from) && day.test(to) && dayjs(from).isValid() && dayjs(to).isValid() && from <= to
      ? [dayjs(from), dayjs(to)]
      : [dayjs().startOf('year'), dayjs()];
  });
  const [cadreId, setCadreId] = useState<string | undefined>();
  const board = usePairingBoard(undefined);
  const download = useDownload();

  const query = useMemo<CoverageFilter>(
    () => ({
      from: range[0].format('YYYY-MM-DD'),
      to: range[1].format('YYYY-MM-DD'),
      ...(areaCode ? { areaCode } : {}),
      ...(cadreId ? { cadreId } : {}),
    }),
    [range, areaCode, cadreId],
  );
  const mustVisit = useMustVisitCoverage(query, { enabled: tab === 'must-visit' });
  const mustGo = useMustGoCoverage(query, { enabled: tab === 'must-go' });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // Those who visit may look at their own coverage; others are the cadres of the caller's area.
  const cadreOptions = [
    ...(can('assistance.visit') ? [{ value: me.id, label: t('assistance.coverage.mine') }] : []),
    ...(board.data?.cadres ?? [])
      .filter((c) => c.id !== me.id)
      .map((c) => ({ value: c.id, label: `${c.name} · ${c.areaName}` })),
  ];

  const exportWorkbook = () =>
    download.start({
      title: t('assistance.coverage.exportTitle'),
      contract: mustVisitCoverageApi.export,
      input: { query },
      fileName: `must-visit-${query.from}-${query.to}.xlsx`,
    });

  return (
    <>
      <PageHeader
        title={t('assistance.coverage.title')}
        extra={
          tab === 'must-visit' && (
            <Button icon={<DownloadOutlined />} onClick={exportWorkbook} data-testid="coverage-export">
              {t('assistance.coverage.export')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          {hasChildAreas && (
            <AreaPicker value={areaCode} onChange={(code) => set('area', code)} testId="coverage-area" />
          )}
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(next) => {
              if (next?.[0] && next[1]) setRange([next[0], next[1]]);
            }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            presets={[
              { label: t('assistance.coverage.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              {
                label: t('assistance.coverage.thisQuarter'),
                value: [
                  dayjs()
                    .subtract(dayjs().month() % 3, 'month')
                    .startOf('month'),
                  dayjs(),
                ],
              },
              { label: t('assistance.coverage.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
            ]}
            data-testid="coverage-period"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={cadreId}
            onChange={setCadreId}
            placeholder={t('assistance.coverage.anyCadre')}
            options={cadreOptions}
            style={{ minWidth: 200 }}
            popupMatchSelectWidth={false}
            data-testid="coverage-cadre"
          />
          <Typography.Text type="secondary">{t('assistance.coverage.cadreHint')}</Typography.Text>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key === 'must-visit' ? undefined : key)}
          items={[
            {
              key: 'must-visit',
              label: t('assistance.coverage.mustVisit'),
              children: <MustVisitTab data={mustVisit.data} loading={mustVisit.isFetching} />,
            },
            {
              key: 'must-go',
              label: t('assistance.coverage.mustGo'),
              children: <MustGoTab data={mustGo.data} loading={mustGo.isFetching} />,
            },
          ]}
          data-testid="coverage-tabs"
        />
      </Card>
      {download.modal}
    </>
  );
}
