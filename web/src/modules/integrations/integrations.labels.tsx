import type { IntegrationScope, UiKey, WebhookDeliveryStatus, WebhookEvent } from '@lianxin/common';
import { Space, Tag } from 'antd';
import { useT } from '../../i18n/i18n';

export const scopeLabel = (scope: IntegrationScope): UiKey => `integrations.scope.${scope}`;
export const eventLabel = (event: WebhookEvent): UiKey => `integrations.event.${event}`;

const deliveryColors: Record<WebhookDeliveryStatus, string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

export function ScopeTags({ scopes }: { scopes: readonly IntegrationScope[] }) {
  const t = useT();
  return (
    <Space size={[0, 4]} wrap>
      {scopes.map((s) => (
        <Tag key={s}>{t(scopeLabel(s))}</Tag>
      ))}
    </Space>
  );
}

export function DeliveryStatusTag({ status }: { status: WebhookDeliveryStatus }) {
  const t = useT();
  return <Tag color={deliveryColors[status]}>{t(`integrations.delivery.${status}`)}</Tag>;
}
