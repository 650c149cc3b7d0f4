import { PaperClipOutlined, PhoneOutlined } from '@ant-design/icons';
import type { ProxyEvent, ProxyMaterial, ProxyRequest } from '@lianxin/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  List,
  Result,
  Row,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useTapToCall } from '../../shared/phone-reveal';
import { RequestActions } from './request-actions';
import { RequestNextStep } from './request-steps';
import { proxyFileUrl, useProxyRequest } from './requests.api';
import { statusColour, statusLabel } from './services-labels';
import './services.css';

/** What an event's data says worth showing: a receipt number, a reason. */
function eventDetail(event: ProxyEvent): string {
  const data = event.data ?? {};
  const parts = [event.note, data.unitReceiptNo, data.reason].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return parts.join(' · ');
}

function CallButton({ request }: { request: ProxyRequest }) {
  const t = useT();
  const call = useTapToCall('resident');
  if (!request.residentId) return <span>{request.phoneMasked}</span>;
  const residentId = request.residentId;
  return (
    <Button
      type="link"
      icon={<PhoneOutlined />}
      style={{ padding: 0 }}
      loading={call.pending}
      onClick={() => call.call(residentId)}
      data-testid="request-call"
    >
      {request.phoneMasked} · {t('servicesWeb.call')}
    </Button>
  );
}

/** A proxy request: who and what, the next step's form, the materials and files, the timeline. */
export function RequestPage() {
  const t = useT();
  const { id = '' } = useParams();
  const request = useProxyRequest(id);
  if (request.isPending) return <Spin />;
  if (!request.data) {
    const missing = isApiError(request.error, 'NOT_FOUND');
    return <Result status={missing ? '404' : 'error'} title={t('servicesWeb.request.notFound')} />;
  }
  const r = request.data;
  return (
    <div data-testid="request-page">
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {r.itemName}
            <Tag color={statusColour[r.status]} data-testid="request-status">
              {statusLabel(t, r.status)}
            </Tag>
            {r.overdue && <Tag color="red">{t('servicesWeb.overdue')}</Tag>}
          </Flex>
        }
        extra={<RequestActions request={r} />}
      />
      {r.papersPurgedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('servicesWeb.request.papersPurged', { date: formatDate(r.papersPurgedAt) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <RequestNextStep request={r} onChanged={() => request.refetch()} />
            <Card size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t('servicesWeb.request.code')}>
                  <Typography.Text copyable>{r.trackingCode}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.resident')}>
                  {r.applicantName}
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.phone')}>
                  <CallButton request={r} />
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.village')}>
                  {r.villageName}
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.station')}>
                  {r.stationName}
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.item.unit')}>{r.unitName}</Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.agent')}>
                  {r.agentName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.channel')}>
                  {t(`servicesWeb.channel.${r.channel}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.submittedAt')}>
                  {formatDateTime(r.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('servicesWeb.request.due')}>
                  {formatDate(r.dueAt)}
                </Descriptions.Item>
                {r.unitReceiptNo && (
                  <Descriptions.Item label={t('servicesWeb.request.lodgeReceiptNo')}>
                    {r.unitReceiptNo}
                  </Descriptions.Item>
                )}
                {r.resultNote && (
                  <Descriptions.Item label={t('servicesWeb.request.result')}>
                    {r.resultNote}
                  </Descriptions.Item>
                )}
                {r.cancelReason && (
                  <Descriptions.Item label={t('servicesWeb.request.cancelReason')}>
                    {r.cancelReason}
                  </Descriptions.Item>
                )}
                {r.description && (
                  <Descriptions.Item label={t('servicesWeb.request.notes')}>
                    {r.description}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card size="small" title={t('servicesWeb.request.materials')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={r.materials}
                columns={[
                  {
                    title: t('servicesWeb.item.material.name'),
                    dataIndex: 'name',
                    render: (name: string, m: ProxyMaterial) => (
                      <>
                        {name}
                        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
                          {t(`servicesWeb.form.${m.form}`)} ×{m.count}
                        </div>
                      </>
                    ),
                  },
                  {
                    title: t('servicesWeb.request.receiptNo'),
                    dataIndex: 'receiptNo',
                    width: 120,
                    render: (n: string | null) => n ?? '—',
                  },
                  {
                    title: t('servicesWeb.request.collectedAt'),
                    dataIndex: 'collectedAt',
                    width: 96,
                    render: (at: string | null, m: ProxyMaterial) =>
                      at ? (
                        <>
                          {formatDate(at).slice(5)}
                          {m.returnedAt && (
                            <Tag style={{ marginInlineStart: 4 }}>
                              {t('servicesWeb.request.returnedShort')}
                            </Tag>
                          )}
                        </>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
              {r.files.length > 0 && (
                <List
                  size="small"
                  style={{ marginTop: 8 }}
                  dataSource={r.files}
                  renderItem={(f) => (
                    <List.Item>
                      <a href={proxyFileUrl(r.id, f.id)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {t(`servicesWeb.file.${f.kind}`)} · {f.fileName}
                      </a>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('servicesWeb.request.timeline')} data-testid="request-timeline">
            <Timeline
              items={r.events.map((e) => ({
                color:
                  e.kind === 'cancelled' || e.kind === 'overdue'
                    ? 'red'
                    : e.kind === 'warned'
                      ? 'orange'
                      : 'blue',
                content: (
                  <>
                    <div>
                      <strong>{t(`servicesWeb.event.${e.kind}`)}</strong>
                      {e.byName ? ` · ${e.byName}` : ''}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(e.at)}
                    </Typography.Text>
                    {eventDetail(e) && <div>{eventDetail(e)}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
