import {
  type DemocracyStatsRow,
  MATTER_STUCK_DAYS,
  type MatterSummary,
  type MeetingSummary,
} from '@lianxin/common';
import { Button, Card, Col, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { PageHeader } from '../../shared/page-header';
import { useAreaIndex } from '../areas/areas.api';
import { useDemocracyStats, useMatters, useMeetings } from './democracy.api';
import { daysSince, openStatuses, statusColors, useVillages } from './democracy-labels';
import { DemocracySettingsDrawer } from './democracy-settings.drawer';

const periods = { quarter: 90, year: 365 } as const;
type Period = keyof typeof periods;

/**
 * The town's view of its villages' deliberation: per village the matters open and stuck (no change
 * for 30 days), the meetings held and adjourned for want of a quorum; the stuck matters and the
 * adjourned meetings themselves. The district sees its towns and may open one.
 */
export function TownViewPage() {
  // A village's own cadres have no villages to oversee: their board is their view.
  const { ownVillage, isLoading } = useVillages();
  if (isLoading) return null;
  if (ownVillage) return <Navigate to="/democracy/matters" replace />;
  return <Overview />;
}

function Overview() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const [configuring, setConfiguring] = useState(false);
  const { index } = useAreaIndex();
  const [areaCode, setAreaCode] = useState(me.areaCode);
  const [period, setPeriod] = useState<Period>('quarter');
  const to = dayjs().format('YYYY-MM-DD');
  const from = dayjs().subtract(periods[period], 'day').format('YYYY-MM-DD');
  const stats = useDemocracyStats({ areaCode, from, to });
  const matters = useMatters({ areaCode });
  const meetings = useMeetings({ areaCode, status: 'decided' });

  const stuck = useMemo(
    () =>
      (matters.data?.items ?? [])
        .filter((m) => openStatuses.includes(m.status) && daysSince(m.updatedAt) >= MATTER_STUCK_DAYS)
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    [matters.data],
  );
  const adjourned = useMemo(
    () =>
      (meetings.data?.items ?? []).filter((m) => m.outcome === 'adjourned' && m.heldAt.slice(0, 10) >= from),
    [meetings.data, from],
  );
  const area = index.byCode.get(areaCode);
  const drillable = (code: string) => index.byCode.get(code)?.kind === 'town';

  return (
    <>
      <PageHeader
        title={t('democracyWeb.town.title', { area: area?.name ?? '' })}
        extra={
          <Space wrap>
            {areaCode !== me.areaCode && (
              <Typography.Link onClick={() => setAreaCode(me.areaCode)}>
                {t('democracyWeb.town.back')}
              </Typography.Link>
            )}
            {can('democracy.configure') && (
              <Button onClick={() => setConfiguring(true)} data-testid="democracy-settings">
                {t('democracyWeb.settings.title')}
              </Button>
            )}
            <Segmented<Period>
              value={period}
              onChange={setPeriod}
              options={(Object.keys(periods) as Period[]).map((p) => ({
                value: p,
                label: t(`democracyWeb.town.period.${p}`),
              }))}
            />
          </Space>
        }
      />
      <Table<DemocracyStatsRow>
        rowKey="areaCode"
        size="small"
        loading={stats.isLoading}
        dataSource={stats.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        style={{ marginBottom: 16 }}
        data-testid="town-stats"
        columns={[
          {
            title: t('democracyWeb.town.col.area'),
            dataIndex: 'areaName',
            fixed: 'left',
            render: (name: string, row) =>
              drillable(row.areaCode) ? (
                <Typography.Link onClick={() => setAreaCode(row.areaCode)}>{name}</Typography.Link>
              ) : (
                <Link to={`/democracy/matters?village=${row.areaCode}`}>{name}</Link>
              ),
          },
          { title: t('democracyWeb.town.col.open'), dataIndex: 'open', align: 'right' },
          {
            title: t('democracyWeb.town.col.stuck'),
            dataIndex: 'stuck',
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          { title: t('democracyWeb.town.col.meetings'), dataIndex: 'meetings', align: 'right' },
          {
            title: t('democracyWeb.town.col.adjourned'),
            dataIndex: 'adjourned',
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
          },
          { title: t('democracyWeb.town.col.closed'), dataIndex: 'closed', align: 'right' },
          { title: t('democracyWeb.town.col.fullProcess'), dataIndex: 'fullProcess', align: 'right' },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('democracyWeb.town.stuck', { days: MATTER_STUCK_DAYS })}
            data-testid="town-stuck"
          >
            <Table<MatterSummary>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={stuck}
              loading={matters.isLoading}
              columns={[
                {
                  title: t('democracyWeb.field.title'),
                  dataIndex: 'title',
                  render: (title: string, m) => <Link to={`/democracy/matters/${m.id}`}>{title}</Link>,
                },
                { title: t('democracyWeb.field.village'), dataIndex: 'villageName' },
                {
                  title: t('democracyWeb.town.col.at'),
                  key: 'at',
                  render: (_, m) => (
                    <Space direction="vertical" size={0}>
                      <Tag color={statusColors[m.status]}>{t(`democracy.status.${m.status}`)}</Tag>
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {t('democracyWeb.board.daysAtStep', { days: daysSince(m.updatedAt) })}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('democracyWeb.town.adjourned')} data-testid="town-adjourned">
            <Table<MeetingSummary>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={adjourned}
              loading={meetings.isLoading}
              columns={[
                {
                  title: t('democracyWeb.meeting.heldAt'),
                  dataIndex: 'heldAt',
                  render: (at: string, m) => (
                    <Link to={`/democracy/meetings/${m.id}`}>{dayjs(at).format('YYYY-MM-DD')}</Link>
                  ),
                },
                { title: t('democracyWeb.field.village'), dataIndex: 'villageName' },
                {
                  title: t('democracyWeb.meeting.body'),
                  dataIndex: 'body',
                  render: (b: MeetingSummary['body']) => t(`democracy.body.${b}`),
                },
                { title: t('democracyWeb.meeting.matter'), dataIndex: 'matterTitle' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <DemocracySettingsDrawer open={configuring} onClose={() => setConfiguring(false)} />
    </>
  );
}
