import { Descriptions, Drawer, Skeleton, Tabs, Tag } from 'antd';
import { useT } from '../../i18n/i18n';
import { DeliveriesSection } from './deliveries.section';
import { useIntegration } from './integrations.api';
import { ScopeTags } from './integrations.labels';
import { KeysSection } from './keys.section';
import { WebhooksSection } from './webhooks.section';

/** One integration: what it may do, its keys, its webhooks and their delivery log. */
export function IntegrationDrawer(props: { id: string | null; onClose: () => void }) {
  const t = useT();
  const { data: integration } = useIntegration(props.id);
  return (
    <Drawer
      title={integration?.name ?? t('integrations.details')}
      open={props.id !== null}
      onClose={props.onClose}
      size={960}
      destroyOnHidden
      data-testid="integration-drawer"
    >
      {!integration ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('integrations.area')}>{integration.area.name}</Descriptions.Item>
            <Descriptions.Item label={t('integrations.status')}>
              {integration.active ? (
                <Tag color="success">{t('integrations.active')}</Tag>
              ) : (
                <Tag>{t('integrations.inactive')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('integrations.scopes')}>
              <ScopeTags scopes={integration.scopes} />
            </Descriptions.Item>
            <Descriptions.Item label={t('integrations.rateLimit')}>
              {integration.rateLimitPerMinute}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'keys',
                label: t('integrations.keys'),
                children: <KeysSection integration={integration} />,
              },
              {
                key: 'webhooks',
                label: t('integrations.webhooks'),
                children: <WebhooksSection integrationId={integration.id} />,
              },
              {
                key: 'deliveries',
                label: t('integrations.deliveries'),
                children: <DeliveriesSection integrationId={integration.id} />,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
