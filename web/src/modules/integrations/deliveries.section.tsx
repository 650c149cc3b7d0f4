import { RedoOutlined } from '@ant-design/icons';
import { type WebhookDelivery, type WebhookDeliveryStatus, webhookDeliveryStatuses } from '@lianxin/common';
import { App, Button, Flex, Select, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { KeysetPager, useKeysetPages } from '../../shared/keyset-pager';
import { useDeliveries, useRedeliver } from './integrations.api';
import { DeliveryStatusTag, eventLabel } from './integrations.labels';

/** The delivery log, newest first, with each attempt's outcome and a redeliver button. */
export function DeliveriesSection({ integrationId }: { integrationId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [status, setStatus] = useState<WebhookDeliveryStatus | undefined>(undefined);
  const [limit, setLimit] = useState(20);
  const pages = useKeysetPages(`${status ?? ''}:${limit}`);
  const { data, isFetching } = useDeliveries(integrationId, { status, limit, before: pages.cursor });
  const redeliver = useRedeliver();

  const columns: TableColumnsType<WebhookDelivery> = [
    {
      title: t('integrations.deliveries.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('integrations.deliveries.event'),
      dataIndex: 'event',
      render: (_, d) => t(eventLabel(d.event)),
    },
    {
      title: t('integrations.deliveries.status'),
      dataIndex: 'status',
      render: (_, d) => <DeliveryStatusTag status={d.status} />,
    },
    { title: t('integrations.deliveries.attempts'), dataIndex: 'attempts' },
    {
      title: t('integrations.deliveries.lastResult'),
      key: 'result',
      // The receiver's status when it answered; the connection's error (timeout, refused) when not.
      render: (_, d) =>
        d.lastStatusCode !== null ? (
          <Tooltip title={d.url}>
            <Typography.Text type={d.lastStatusCode < 300 ? undefined : 'danger'}>
              HTTP {d.lastStatusCode}
            </Typography.Text>
          </Tooltip>
        ) : d.lastError ? (
          <Tooltip title={d.url}>
            <Typography.Text type="danger">{d.lastError}</Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('integrations.deliveries.nextAttemptAt'),
      dataIndex: 'nextAttemptAt',
      render: (at: string | null) => (at ? formatDateTime(at) : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Button
          type="link"
          size="small"
          icon={<RedoOutlined />}
          onClick={() =>
            redeliver.mutate(
              { id: integrationId, deliveryId: d.id },
              {
                onSuccess: () => message.success(t('integrations.deliveries.redelivered')),
                onError: showError,
              },
            )
          }
          data-testid={`delivery-redeliver-${d.id}`}
        >
          {t('integrations.deliveries.redeliver')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('integrations.filter.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={webhookDeliveryStatuses.map((s) => ({ value: s, label: t(`integrations.delivery.${s}`) }))}
        />
      </Flex>
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="deliveries-table"
      />
      <KeysetPager
        page={pages.page}
        total={undefined}
        nextCursor={data?.nextBefore}
        pageSize={limit}
        loading={isFetching}
        onPrevious={pages.previous}
        onNext={pages.next}
        onPageSize={setLimit}
      />
    </>
  );
}
