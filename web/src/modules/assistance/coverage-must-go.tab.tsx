import type { MustGoCoverage } from '@lianxin/common';
import { Card, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { type MustGoReason, mustGoReasonLabel } from './assistance-labels';
import { type Bar, coverageChart, Totals } from './coverage-parts';

type MustGoVillage = MustGoCoverage['villages'][number];

/** 五必去: the must-go villages of the area, visited or not, and why each must be gone to. */
export function MustGoTab({ data, loading }: { data: MustGoCoverage | undefined; loading: boolean }) {
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
