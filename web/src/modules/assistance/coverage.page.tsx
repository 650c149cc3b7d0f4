import { DownloadOutlined } from '@ant-design/icons';
import { mustVisitCoverageApi } from '@lianxin/common';
import { Button, Card, DatePicker, Flex, Select, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { useDownload } from '../../shared/download';
import { PageHeader } from '../../shared/page-header';
import { AreaPicker, useHasChildAreas } from '../areas/area-picker';
import {
  type CoverageFilter,
  useMustGoCoverage,
  useMustVisitCoverage,
  usePairingBoard,
} from './assistance.api';
import { MustGoTab } from './coverage-must-go.tab';
import { MustVisitTab } from './coverage-must-visit.tab';
import './assistance.css';

type Tab = 'must-visit' | 'must-go';
const tabs: Tab[] = ['must-visit', 'must-go'];

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
