import type { MustVisitCoverage } from '@lianxin/common';
import {
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { type MustVisitGroup, mustVisitGroupLabel } from './assistance-labels';
import { coverageChart, Totals, VISITED } from './coverage-parts';

/** 五必访: the must-visit households of the area by group and by area below, with those not yet visited. */
export function MustVisitTab({ data, loading }: { data: MustVisitCoverage | undefined; loading: boolean }) {
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
