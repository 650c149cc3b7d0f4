import { ClockCircleOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { ProxyRequestSummary } from '@lianxin/common';
import { Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { formatDate } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { RequestCreateModal } from './request-create.modal';
import { useProxyRequest, useProxyRequests } from './requests.api';
import { statusColour, statusLabel } from './services-labels';
import './services.css';

/** What is still to collect: the checklist's lines not yet ticked (asked only while collecting). */
function ToCollect({ request }: { request: ProxyRequestSummary }) {
  const t = useT();
  const collecting = request.status === 'assigned' || request.status === 'collecting';
  const detail = useProxyRequest(collecting ? request.id : null);
  if (!collecting) return null;
  const open = detail.data?.materials.filter((m) => !m.collectedAt) ?? [];
  if (open.length === 0) return null;
  return (
    <div className="lx-svc-collect">
      <Typography.Text type="secondary">
        {t('servicesWeb.queue.collectFrom', { name: request.applicantName })}
      </Typography.Text>
      <ul>
        {open.map((m) => (
          <li key={m.id}>
            {m.name}
            <Typography.Text type="secondary">
              {' '}
              · {t(`servicesWeb.form.${m.form}`)} ×{m.count}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One request as a card a phone can work from: who, what, where, due, and the next step. */
function QueueCard({ request }: { request: ProxyRequestSummary }) {
  const t = useT();
  const navigate = useNavigate();
  const soon = !request.overdue && request.dueAt !== null && dayjs(request.dueAt).diff(dayjs(), 'day') < 2;
  const open = () => navigate(`/services/requests/${request.id}`);
  return (
    <Card
      size="small"
      className={request.overdue ? 'lx-svc-card lx-svc-overdue' : 'lx-svc-card'}
      data-testid={`queue-card-${request.trackingCode}`}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {request.itemName}
        </Typography.Text>
        <Tag color={statusColour[request.status]}>{statusLabel(t, request.status)}</Tag>
      </Flex>
      <div style={{ margin: '6px 0' }}>
        {request.applicantName} · {request.villageName} · {request.phoneMasked}
      </div>
      {request.dueAt && (
        <div
          className={
            request.overdue
              ? 'lx-svc-due lx-svc-due-over'
              : soon
                ? 'lx-svc-due lx-svc-due-soon'
                : 'lx-svc-due'
          }
        >
          <ClockCircleOutlined /> {t('servicesWeb.dueOn', { date: formatDate(request.dueAt) })}
          {request.overdue && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('servicesWeb.overdue')}
            </Tag>
          )}
          {soon && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('servicesWeb.dueSoon')}
            </Tag>
          )}
        </div>
      )}
      <ToCollect request={request} />
      <Flex gap={8} style={{ marginTop: 10 }}>
        <Button
          block
          type="primary"
          size="large"
          onClick={open}
          data-testid={`queue-next-${request.trackingCode}`}
        >
          {t('servicesWeb.queue.next')} <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}

/** 我的代办: the agent's open requests, overdue and due first, as cards for a phone. */
export function QueuePage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  // Recording a request is an area caller's (a village cadre on a visit, the town); the server
  // refuses it to accounts bound to a unit.
  const mayRecord = can('services.proxy') && !me.unit;
  const [scope, setScope] = useState<'mine' | 'station'>('mine');
  const [creating, setCreating] = useState(false);
  const list = useProxyRequests(scope === 'mine' ? { mine: 'true' } : {});
  const items = (list.data?.items ?? []).filter((r) => r.status !== 'closed' && r.status !== 'cancelled');

  return (
    <div className="lx-svc-queue">
      <PageHeader
        title={t('servicesWeb.queue.title')}
        extra={
          mayRecord && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="request-create">
              {t('servicesWeb.request.create')}
            </Button>
          )
        }
      />
      <Segmented
        block
        value={scope}
        onChange={(v) => setScope(v as 'mine' | 'station')}
        options={[
          { value: 'mine', label: t('servicesWeb.queue.mine') },
          { value: 'station', label: t('servicesWeb.queue.station') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t('servicesWeb.queue.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {items.map((r) => (
            <QueueCard key={r.id} request={r} />
          ))}
        </Flex>
      )}
      <RequestCreateModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
