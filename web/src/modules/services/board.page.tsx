import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { type ProxyRequestSummary, proxyRequestsApi, proxyStatuses } from '@lianxin/common';
import { Button, Card, Col, Flex, List, Row, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { formatDate, formatDateTime } from '../../shared/dates';
import { useDownload } from '../../shared/download';
import { PageHeader } from '../../shared/page-header';
import { FollowUpsCard } from './follow-ups.card';
import { useServiceRatings } from './ratings.api';
import { useProxyBoard, useProxyRequests } from './requests.api';
import { ServicesFiguresCard } from './services-figures.card';
import { ratingLabel, statusColour, statusLabel } from './services-labels';
import { ServicesSettingsDrawer } from './services-settings.drawer';

const shownSteps = proxyStatuses.filter((s) => s !== 'closed' && s !== 'cancelled');

/** 代办看板: the station head's view — requests by step, overdue, per agent, ratings and 差评 follow-ups. */
export function BoardPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const download = useDownload();
  const [settings, setSettings] = useState(false);
  const me = useMe();
  // 'open': every request still under way (the list filters closed and cancelled ones out).
  const [status, setStatus] = useState<(typeof proxyStatuses)[number] | 'overdue' | 'open'>('open');
  const board = useProxyBoard();
  const query = status === 'overdue' ? { overdue: 'true' as const } : status === 'open' ? {} : { status };
  const list = useProxyRequests(query);
  const rows = (list.data?.items ?? []).filter(
    (r) => status !== 'open' || (r.status !== 'closed' && r.status !== 'cancelled'),
  );
  const ratings = useServiceRatings({ limit: 10 });
  const b = board.data;

  return (
    <>
      <PageHeader
        title={t('servicesWeb.board.title')}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download.start({
                  title: t('servicesWeb.board.export'),
                  contract: proxyRequestsApi.export,
                  input: { query },
                  fileName: `${t('servicesWeb.board.title')}.xlsx`,
                })
              }
            >
              {t('servicesWeb.board.export')}
            </Button>
            {can('services.configure') && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setSettings(true)}
                data-testid="services-settings"
              >
                {t('servicesWeb.settings.title')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('servicesWeb.board.open')} value={b?.open ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" onClick={() => setStatus('overdue')} style={{ cursor: 'pointer' }}>
            <Statistic
              title={t('servicesWeb.board.overdue')}
              value={b?.overdue ?? 0}
              valueStyle={{ color: b?.overdue ? '#cf1322' : undefined }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('servicesWeb.dueSoon')}
              value={b?.dueSoon ?? 0}
              valueStyle={{ color: b?.dueSoon ? '#d46b08' : undefined }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" onClick={() => setStatus('submitted')} style={{ cursor: 'pointer' }}>
            <Statistic title={t('servicesWeb.board.unassigned')} value={b?.unassigned ?? 0} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={
              <Flex gap={6} wrap>
                <Tag.CheckableTag checked={status === 'open'} onChange={() => setStatus('open')}>
                  {`${t('servicesWeb.board.open')} ${b?.open ?? 0}`}
                </Tag.CheckableTag>
                <Tag.CheckableTag checked={status === 'overdue'} onChange={() => setStatus('overdue')}>
                  {`${t('servicesWeb.board.overdue')} ${b?.overdue ?? 0}`}
                </Tag.CheckableTag>
                {shownSteps.map((s) => (
                  <Tag.CheckableTag
                    key={s}
                    checked={status === s}
                    onChange={() => setStatus(s)}
                    data-testid={`board-step-${s}`}
                  >
                    {`${statusLabel(t, s)} ${b?.byStatus[s] ?? 0}`}
                  </Tag.CheckableTag>
                ))}
              </Flex>
            }
          >
            <Table<ProxyRequestSummary>
              size="small"
              rowKey="id"
              loading={list.isFetching}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 640 }}
              onRow={(row) => ({
                onClick: () => navigate(`/services/requests/${row.id}`),
                style: { cursor: 'pointer' },
              })}
              columns={[
                { title: t('servicesWeb.request.item'), dataIndex: 'itemName' },
                { title: t('servicesWeb.request.resident'), dataIndex: 'applicantName', width: 90 },
                { title: t('servicesWeb.request.village'), dataIndex: 'villageName', width: 100 },
                {
                  title: t('servicesWeb.request.agent'),
                  dataIndex: 'agentName',
                  width: 90,
                  render: (n) => n ?? '—',
                },
                {
                  title: t('servicesWeb.request.due'),
                  dataIndex: 'dueAt',
                  width: 110,
                  render: (d: string | null, row) => (
                    <span style={row.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                      {formatDate(d)}
                    </span>
                  ),
                },
                {
                  title: '',
                  dataIndex: 'status',
                  width: 100,
                  render: (s: ProxyRequestSummary['status']) => (
                    <Tag color={statusColour[s]}>{statusLabel(t, s)}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('servicesWeb.board.agents')} size="small">
            <List
              size="small"
              dataSource={b?.agents ?? []}
              renderItem={(a) => (
                <List.Item
                  extra={a.overdue > 0 && <Tag color="red">{`${t('servicesWeb.overdue')} ${a.overdue}`}</Tag>}
                >
                  {a.agentName} · {t('servicesWeb.board.openCount', { count: a.open })}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <FollowUpsCard />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('servicesWeb.board.ratings')} size="small">
            <List
              size="small"
              dataSource={ratings.data?.items ?? []}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${r.itemName} · ${r.agentName ?? r.stationName}`}
                    description={
                      <>
                        <Tag color={r.agentLevel >= 4 ? 'green' : r.agentLevel <= 2 ? 'red' : 'gold'}>
                          {t('servicesWeb.party.agent')} {ratingLabel(t, r.agentLevel)}
                        </Tag>
                        <Tag color={r.unitLevel >= 4 ? 'green' : r.unitLevel <= 2 ? 'red' : 'gold'}>
                          {t('servicesWeb.party.unit')} {ratingLabel(t, r.unitLevel)}
                        </Tag>
                        {r.comment && <div>“{r.comment}”</div>}
                        <div style={{ fontSize: 12 }}>{formatDateTime(r.ratedAt)}</div>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {/* The figures are per area: a station's own accounts read their board, not the area's. */}
        {!me.unit && (
          <Col xs={24}>
            <ServicesFiguresCard />
          </Col>
        )}
      </Row>
      <ServicesSettingsDrawer open={settings} onClose={() => setSettings(false)} />
      {download.modal}
    </>
  );
}
