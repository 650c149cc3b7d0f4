import { EditOutlined, FileTextOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { ReceptionDay } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { useReceptionDays, useUpdateReceptionDay } from './reception.api';
import { ReceptionDayDrawer } from './reception-day.drawer';
import { ReceptionDayFormModal } from './reception-day-form.modal';
import { receptionTime } from './reception-time';

/** 大接访 / 大下访: the leaders' reception days of the caller's area, planned, held, reported. */
export function ReceptionDaysPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isFetching } = useReceptionDays({});
  const form = useModalTarget<{ day: ReceptionDay | null }>();
  const [viewing, setViewing] = useState<string | null>(null);
  const update = useUpdateReceptionDay();
  const canManage = can('appeals.assign');
  // A phone gets one card per event: the table's columns do not fit 390 px.
  const narrow = !Grid.useBreakpoint().md;

  const cancel = (day: ReceptionDay) =>
    update.mutate(
      { id: day.id, body: { version: day.version, status: 'cancelled' } },
      { onSuccess: () => message.success(t('reception.cancelled')), onError: showError },
    );

  const columns: TableColumnsType<ReceptionDay> = [
    {
      title: t('reception.time'),
      key: 'time',
      width: 170,
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          {receptionTime(d.startsAt, d.endsAt).slice(0, 10)}
          <Typography.Text type="secondary">{receptionTime(d.startsAt, d.endsAt).slice(11)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reception.leaderName'),
      key: 'leader',
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{d.leaderName}</Typography.Text>
          <Typography.Text type="secondary">{d.leaderPost}</Typography.Text>
        </Space>
      ),
    },
    { title: t('reception.area'), key: 'area', render: (_, d) => d.area.name },
    { title: t('reception.place'), dataIndex: 'place' },
    {
      title: t('reception.topics'),
      key: 'topics',
      render: (_, d) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 240 }}>
          {d.topics.map((topic) => (
            <Tag key={topic}>{topic}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('reception.report'),
      key: 'report',
      render: (_, d) => (
        <Typography.Text data-testid={`reception-counts-${d.id}`}>
          {t('reception.received')} {d.report.received} · {t('reception.resolvedOnSpot')}{' '}
          {d.report.resolvedOnSpot} · {t('reception.dispatched')} {d.report.dispatched}
        </Typography.Text>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      render: (s: ReceptionDay['status']) => (
        <Tag color={s === 'planned' ? 'processing' : 'default'}>{t(`reception.status.${s}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 120,
      render: (_, d) => actions(d),
    },
  ];

  function actions(d: ReceptionDay) {
    return (
      <Space size={0} direction="vertical">
        <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setViewing(d.id)}>
          {t('reception.view')}
        </Button>
        {canManage && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => form.show({ day: d })}>
            {t('common.edit')}
          </Button>
        )}
        {canManage && d.status === 'planned' && Date.parse(d.endsAt) > Date.now() && (
          <Popconfirm title={t('reception.cancel')} onConfirm={() => cancel(d)}>
            <Button type="link" size="small" danger icon={<StopOutlined />}>
              {t('reception.cancel')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  }

  return (
    <>
      <PageHeader
        title={t('reception.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => form.show({ day: null })}
              data-testid="reception-create"
            >
              {t('reception.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('reception.lead')}</Typography.Paragraph>
      {narrow ? (
        <Flex vertical gap={12} data-testid="reception-cards">
          {(data ?? []).length === 0 && <Empty description={t('reception.empty')} />}
          {(data ?? []).map((d) => (
            <Card key={d.id} size="small">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>
                  {d.leaderName} · {d.leaderPost}
                </Typography.Text>
                <Tag color={d.status === 'planned' ? 'processing' : 'default'}>
                  {t(`reception.status.${d.status}`)}
                </Tag>
              </Flex>
              <div>{receptionTime(d.startsAt, d.endsAt)}</div>
              <Typography.Text type="secondary">
                {d.area.name} · {d.place}
              </Typography.Text>
              <Flex gap={4} wrap style={{ margin: '6px 0' }}>
                {d.topics.map((topic) => (
                  <Tag key={topic}>{topic}</Tag>
                ))}
              </Flex>
              <Typography.Text>
                {t('reception.received')} {d.report.received} · {t('reception.resolvedOnSpot')}{' '}
                {d.report.resolvedOnSpot} · {t('reception.dispatched')} {d.report.dispatched}
              </Typography.Text>
              <Flex justify="flex-end">{actions(d)}</Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<ReceptionDay>
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('reception.empty') }}
          data-testid="reception-table"
        />
      )}
      <ReceptionDayFormModal
        day={form.target?.day ?? null}
        open={form.open}
        onClose={form.hide}
        afterClose={form.afterClose}
      />
      <ReceptionDayDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
