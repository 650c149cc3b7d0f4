import { PlusOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { DEFAULT_ROTATION_GRACE_DAYS, type IntegrationDetail, type IntegrationKey } from '@lianxin/common';
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { useCreateKey, useRevokeKey, useRotateKey } from './integrations.api';
import { ShownOnceAlert } from './shown-once.alert';

/** The integration's keys: issue (shown once), rotate with a grace period, revoke. */
export function KeysSection({ integration }: { integration: IntegrationDetail }) {
  const t = useT();
  const showError = useShowError();
  const createKey = useCreateKey();
  const rotateKey = useRotateKey();
  const revokeKey = useRevokeKey();
  const [issued, setIssued] = useState<string | null>(null);
  const id = integration.id;

  const columns: TableColumnsType<IntegrationKey> = [
    {
      title: t('integrations.keys.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('integrations.status'),
      key: 'status',
      render: (_, key) =>
        key.revokedAt ? (
          <Tag color="error">{t('integrations.keys.revoked')}</Tag>
        ) : key.active ? (
          <Tag color="success">{t('integrations.keys.active')}</Tag>
        ) : (
          <Tag>{t('integrations.keys.inactive')}</Tag>
        ),
    },
    {
      title: t('integrations.keys.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('integrations.keys.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('integrations.keys.noExpiry')),
    },
    {
      title: t('integrations.keys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('integrations.keys.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, key) =>
        key.active && (
          <Space size={0}>
            <Popconfirm
              title={t('integrations.keys.rotateConfirm', { days: DEFAULT_ROTATION_GRACE_DAYS })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                rotateKey.mutateAsync(
                  { id, keyId: key.id, body: { graceDays: DEFAULT_ROTATION_GRACE_DAYS } },
                  { onSuccess: (r) => setIssued(r.secret), onError: showError },
                )
              }
            >
              <Button
                type="link"
                size="small"
                icon={<SyncOutlined />}
                data-testid={`key-rotate-${key.prefix}`}
              >
                {t('integrations.keys.rotate')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('integrations.keys.revokeConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => revokeKey.mutateAsync({ id, keyId: key.id }, { onError: showError })}
            >
              <Button type="link" size="small" danger icon={<StopOutlined />}>
                {t('integrations.keys.revoke')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <>
      {issued && (
        <ShownOnceAlert
          title={t('integrations.keys.issued')}
          hint={t('integrations.keys.shownOnce')}
          secret={issued}
          testId="integration-key-value"
          onClose={() => setIssued(null)}
        />
      )}
      <Button
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        loading={createKey.isPending}
        onClick={() => createKey.mutate(id, { onSuccess: (r) => setIssued(r.secret), onError: showError })}
        data-testid="integration-key-create"
      >
        {t('integrations.keys.new')}
      </Button>
      <Table<IntegrationKey>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={integration.keys}
        pagination={false}
        rowClassName={(key) => (key.active ? '' : 'lx-row-muted')}
      />
    </>
  );
}
