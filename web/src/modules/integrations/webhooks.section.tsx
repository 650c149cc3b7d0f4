import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Webhook } from '@lianxin/common';
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useModalTarget } from '../../shared/use-modal-target';
import { useDeleteWebhook, useWebhooks } from './integrations.api';
import { eventLabel } from './integrations.labels';
import { ShownOnceAlert } from './shown-once.alert';
import { WebhookFormModal } from './webhook-form.modal';

/** The integration's webhooks: add (the signing secret is shown once), edit, delete. */
export function WebhooksSection({ integrationId }: { integrationId: string }) {
  const t = useT();
  const showError = useShowError();
  const { data, isFetching } = useWebhooks(integrationId);
  const remove = useDeleteWebhook();
  const form = useModalTarget<{ webhook: Webhook | null }>();
  const [secret, setSecret] = useState<string | null>(null);

  const columns: TableColumnsType<Webhook> = [
    {
      title: t('integrations.webhooks.url'),
      dataIndex: 'url',
      render: (url: string) => <Typography.Text style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>,
    },
    {
      title: t('integrations.webhooks.events'),
      dataIndex: 'events',
      render: (events: Webhook['events']) => (
        <Space size={[0, 4]} wrap>
          {events.map((e) => (
            <Tag key={e} color="blue">
              {t(eventLabel(e))}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('integrations.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="success">{t('integrations.active')}</Tag>
        ) : (
          <Tag>{t('integrations.inactive')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, webhook) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => form.show({ webhook })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('integrations.webhooks.deleteConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync({ id: integrationId, webhookId: webhook.id }, { onError: showError })
            }
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              {t('integrations.webhooks.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      {secret && (
        <ShownOnceAlert
          title={t('integrations.webhooks.secret')}
          hint={t('integrations.webhooks.secretShownOnce')}
          secret={secret}
          testId="webhook-secret-value"
          onClose={() => setSecret(null)}
        />
      )}
      <Button
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => form.show({ webhook: null })}
        data-testid="webhook-create"
      >
        {t('integrations.webhooks.new')}
      </Button>
      <Table<Webhook>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={false}
      />
      {form.target && (
        <WebhookFormModal
          integrationId={integrationId}
          webhook={form.target.webhook}
          open={form.open}
          onClose={form.hide}
          afterClose={form.afterClose}
          onSecret={setSecret}
        />
      )}
    </>
  );
}
