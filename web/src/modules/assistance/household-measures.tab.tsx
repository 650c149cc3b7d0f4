import { PlusOutlined } from '@ant-design/icons';
import type { HelpMeasure, Household } from '@lianxin/common';
import { Button, Empty, Flex, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate } from '../../shared/dates';
import { useModalTarget } from '../../shared/use-modal-target';
import { useHelpMeasures } from './assistance.api';
import {
  type HelpMeasureStatus,
  measureKindLabel,
  measureStatusColors,
  measureStatusLabel,
} from './assistance-labels';
import { MeasureCreateModal, MeasureUpdateModal } from './measure.modal';

/** The household page's 帮扶措施 tab: what was planned and done for it, and how it turned out. */
export function HouseholdMeasuresTab({ household }: { household: Household }) {
  const t = useT();
  const can = useCan();
  const canWork = can('assistance.visit') && household.status === 'active';
  const { data, isFetching } = useHelpMeasures(household.id);
  const create = useModalTarget<true>();
  const update = useModalTarget<HelpMeasure>();

  const columns: TableColumnsType<HelpMeasure> = [
    {
      title: t('assistance.measure.kind'),
      dataIndex: 'kind',
      render: (_, m) => (
        <Space size={4} wrap>
          <Typography.Text strong>{measureKindLabel(t, m.kind)}</Typography.Text>
          {m.visitId && (
            <Tooltip title={t('assistance.measure.fromVisitHint')}>
              <Tag bordered={false}>{t('assistance.measure.fromVisit')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('assistance.measure.status'),
      dataIndex: 'status',
      render: (status: HelpMeasureStatus) => (
        <Tag color={measureStatusColors[status]}>{measureStatusLabel(t, status)}</Tag>
      ),
    },
    {
      title: t('assistance.measure.description'),
      dataIndex: 'description',
      render: (text: string) => text || '—',
    },
    { title: t('assistance.measure.outcome'), dataIndex: 'outcome', render: (text: string) => text || '—' },
    { title: t('assistance.cadre'), dataIndex: 'cadreName' },
    { title: t('assistance.startDate'), dataIndex: 'startDate', render: (d: string | null) => d ?? '—' },
    {
      title: t('assistance.measure.finishedAt'),
      dataIndex: 'finishedAt',
      render: (at: string | null) => formatDate(at) || '—',
    },
  ];
  if (canWork) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, m) => (
        <Button
          type="link"
          size="small"
          onClick={() => update.show(m)}
          data-testid={`measure-update-${m.id}`}
        >
          {t('assistance.measure.update')}
        </Button>
      ),
    });
  }

  return (
    <>
      {canWork && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => create.show(true)}
            data-testid="measure-create"
          >
            {t('assistance.measure.create')}
          </Button>
        </Flex>
      )}
      <Table<HelpMeasure>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('assistance.household.noMeasures')} /> }}
        data-testid="household-measures"
      />
      {create.target && (
        <MeasureCreateModal
          household={household}
          open={create.open}
          onClose={create.hide}
          afterClose={create.afterClose}
        />
      )}
      {update.target && (
        <MeasureUpdateModal
          household={household}
          measure={update.target}
          open={update.open}
          onClose={update.hide}
          afterClose={update.afterClose}
        />
      )}
    </>
  );
}
