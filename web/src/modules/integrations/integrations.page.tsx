import { EditOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { Integration } from '@lianxin/common';
import { Button, Card, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { IntegrationDrawer } from './integration.drawer';
import { IntegrationFormModal } from './integration-form.modal';
import { useIntegrations } from './integrations.api';
import { ScopeTags } from './integrations.labels';

/** Integration accounts of the caller's area: the hotline, Open311 clients, a bank. */
export function IntegrationsPage() {
  const t = useT();
  const { data, isFetching } = useIntegrations();
  const form = useModalTarget<{ integration: Integration | null }>();
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<Integration> = [
    {
      title: t('integrations.name'),
      dataIndex: 'name',
      render: (name: string, integration) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => setOpenId(integration.id)} data-testid={`integration-${name}`}>
            {name}
          </Typography.Link>
          {integration.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {integration.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('integrations.area'), key: 'area', render: (_, i) => i.area.name },
    { title: t('integrations.scopes'), key: 'scopes', render: (_, i) => <ScopeTags scopes={i.scopes} /> },
    { title: t('integrations.rateLimit'), dataIndex: 'rateLimitPerMinute' },
    {
      title: t('integrations.status'),
      key: 'active',
      render: (_, i) =>
        i.active ? (
          <Tag color="success">{t('integrations.active')}</Tag>
        ) : (
          <Tag>{t('integrations.inactive')}</Tag>
        ),
    },
    {
      title: t('integrations.updatedAt'),
      dataIndex: 'updatedAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, integration) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<SettingOutlined />}
            onClick={() => setOpenId(integration.id)}
          >
            {t('integrations.details')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => form.show({ integration })}
            data-testid={`integration-edit-${integration.name}`}
          >
            {t('common.edit')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => form.show({ integration: null })}
            data-testid="integration-create"
          >
            {t('integrations.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('integrations.intro')}</Typography.Paragraph>
      <Card size="small">
        <Table<Integration>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          pagination={false}
          rowClassName={(i) => (i.active ? '' : 'lx-row-muted')}
          locale={{ emptyText: <Empty description={t('integrations.empty')} /> }}
          data-testid="integrations-table"
        />
      </Card>
      {form.target && (
        <IntegrationFormModal
          integration={form.target.integration}
          open={form.open}
          onClose={form.hide}
          afterClose={form.afterClose}
          onCreated={(id) => setOpenId(id)}
        />
      )}
      <IntegrationDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
