import { type DispatchQueueItem, leadAppealActions } from '@lianxin/common';
import { Alert, Card, Grid, List, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { UrgencyTag } from '../appeals/appeal-tags';
import { DepartmentStatsCard } from './department-stats.card';
import { type DispatchFilter, useDispatches } from './dispatch.api';
import { DispatchButtons } from './dispatch.card';
import { DispatchTags } from './dispatch-labels';
import { DispatchStepModal, type FormStep } from './dispatch-step.modal';

type View = 'active' | 'returned' | 'overdue' | 'all';

const leadActions = [...leadAppealActions];

const filters: Record<View, DispatchFilter> = {
  active: { status: 'active' },
  returned: { status: 'returned' },
  overdue: { overdue: 'true' },
  all: { status: 'all' },
};

/**
 * 本单位工单 (a department's queue) or 派单督办 (the dispatcher's view): the dispatches with their
 * appeal, deadline and state, and the steps the caller may take right from the list.
 */
function DispatchesPage({ side }: { side: 'unit' | 'dispatcher' }) {
  const t = useT();
  const [view, setView] = useState<View>(side === 'unit' ? 'active' : 'returned');
  const { data, isFetching } = useDispatches(filters[view]);
  const step = useModalTarget<{ item: DispatchQueueItem; step: FormStep }>();

  const appealCell = (d: DispatchQueueItem) => (
    <Space direction="vertical" size={0}>
      <Link to={`/appeals/${d.appealId}`} data-testid="dispatch-appeal-link">
        {d.appeal.title}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.appeal.trackingCode} · {d.appeal.villageName} <UrgencyTag urgency={d.appeal.urgency} />
      </Typography.Text>
    </Space>
  );
  // The lead's own work on the appeal (progress, deferral, resolution) is done on the appeal's page.
  const actionsCell = (d: DispatchQueueItem) => (
    <Space wrap size={8}>
      <DispatchButtons dispatch={d} exclude={leadActions} onStep={(s) => step.show({ item: d, step: s })} />
      {d.actions.includes('resolve') && (
        <Link to={`/appeals/${d.appealId}`}>{t('dispatch.action.resolve')}</Link>
      )}
    </Space>
  );
  // On a phone each dispatch is a card; on a wider screen a row of the table.
  const narrow = !Grid.useBreakpoint().md;

  const columns: TableColumnsType<DispatchQueueItem> = [
    {
      title: t('dispatch.col.appeal'),
      key: 'appeal',
      render: (_, d) => appealCell(d),
    },
    ...(side === 'dispatcher'
      ? [
          {
            title: t('dispatch.col.unit'),
            key: 'unit',
            render: (_: unknown, d: DispatchQueueItem) => d.unit.name,
          },
        ]
      : []),
    { title: t('dispatch.col.status'), key: 'status', render: (_, d) => <DispatchTags dispatch={d} /> },
    {
      title: t('dispatch.col.due'),
      dataIndex: 'dueAt',
      render: (due: string, d) => (
        <Typography.Text type={d.overdue ? 'danger' : undefined}>{formatDateTime(due)}</Typography.Text>
      ),
    },
    {
      key: 'actions',
      render: (_, d) => actionsCell(d),
    },
  ];

  return (
    <>
      <PageHeader title={t(side === 'unit' ? 'dispatch.title.queue' : 'dispatch.title.supervise')} />
      <Alert
        type="info"
        showIcon
        title={t(side === 'unit' ? 'dispatch.intro.queue' : 'dispatch.intro.supervise')}
        style={{ marginBottom: 16 }}
      />
      {side === 'dispatcher' && <DepartmentStatsCard />}
      <Card size="small">
        <Segmented<View>
          value={view}
          onChange={setView}
          style={{ marginBottom: 12 }}
          options={(side === 'unit'
            ? (['active', 'overdue', 'all'] as const)
            : (['returned', 'overdue', 'active', 'all'] as const)
          ).map((v) => ({ value: v, label: t(`dispatch.filter.${v}`) }))}
          data-testid="dispatch-view"
        />
        {narrow ? (
          <List<DispatchQueueItem>
            loading={isFetching}
            dataSource={data ?? []}
            rowKey="id"
            locale={{ emptyText: t('dispatch.empty') }}
            renderItem={(d) => (
              <List.Item data-testid="dispatch-row">
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  {appealCell(d)}
                  {side === 'dispatcher' && <Typography.Text>{d.unit.name}</Typography.Text>}
                  <DispatchTags dispatch={d} />
                  <Typography.Text type={d.overdue ? 'danger' : 'secondary'}>
                    {t('dispatch.col.due')}：{formatDateTime(d.dueAt)}
                  </Typography.Text>
                  {actionsCell(d)}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table<DispatchQueueItem>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('dispatch.empty') }}
            data-testid="dispatch-table"
          />
        )}
      </Card>
      {step.target && (
        <DispatchStepModal
          dispatch={step.target.item}
          step={step.target.step}
          appeal={{ version: 0, categoryCode: step.target.item.appeal.categoryCode }}
          open={step.open}
          onClose={step.hide}
          afterClose={step.afterClose}
        />
      )}
    </>
  );
}

export const DispatchQueuePage = () => <DispatchesPage side="unit" />;
export const DispatchSupervisionPage = () => <DispatchesPage side="dispatcher" />;
