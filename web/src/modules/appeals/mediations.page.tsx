import { SearchOutlined } from '@ant-design/icons';
import type { Mediation, Screening } from '@lianxin/common';
import { Button, Card, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate, formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { useAreaIndex } from '../areas/areas.api';
import { mediationOutcomeColors, mediationOutcomeLabel } from './appeal-labels';
import { useAppeal } from './appeals.api';
import { useMediations, useScreenings } from './mediation.api';
import { ScreeningDrawer } from './screening.drawer';

const tabs = ['mediations', 'screenings'] as const;
type Tab = (typeof tabs)[number];

export function MediationOutcomeTag({ outcome }: { outcome: Mediation['outcome'] }) {
  const t = useT();
  if (!outcome) return <Tag color="processing">{t('mediation.ongoing')}</Tag>;
  return <Tag color={mediationOutcomeColors[outcome]}>{mediationOutcomeLabel(t, outcome)}</Tag>;
}

function MediationsTable() {
  const t = useT();
  const navigate = useNavigate();
  const { index } = useAreaIndex();
  const { data, isFetching } = useMediations({});
  const columns: TableColumnsType<Mediation> = [
    {
      title: t('appeals.trackingCode'),
      dataIndex: 'trackingCode',
      render: (code: string, m) => (
        <Link to={`/appeals/${m.appealId}`}>
          <Typography.Text code>{code}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('appeals.titleColumn'),
      dataIndex: 'title',
      render: (title: string, m) => (
        <Link to={`/mediations/${m.id}`} data-testid={`mediation-link-${m.trackingCode}`}>
          {title}
        </Link>
      ),
    },
    {
      title: t('appeals.village'),
      dataIndex: 'villageCode',
      render: (code: string) => index.byCode.get(code)?.name ?? code,
    },
    {
      title: t('mediation.parties'),
      key: 'parties',
      render: (_, m) => m.parties.map((p) => p.name).join(t('common.listSeparator')),
    },
    {
      title: t('mediation.mediators'),
      key: 'mediators',
      render: (_, m) => m.mediators.map((p) => p.name).join(t('common.listSeparator')),
    },
    { title: t('mediation.sessions'), key: 'sessions', align: 'right', render: (_, m) => m.sessions.length },
    {
      title: t('mediation.outcome'),
      dataIndex: 'outcome',
      render: (_, m) => <MediationOutcomeTag outcome={m.outcome} />,
    },
    { title: t('mediation.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];
  return (
    <Table<Mediation>
      rowKey="id"
      columns={columns}
      dataSource={data ?? []}
      loading={isFetching}
      size="middle"
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('mediation.empty') }}
      onRow={(m) => ({ onDoubleClick: () => navigate(`/mediations/${m.id}`) })}
      data-testid="mediations-table"
    />
  );
}

/** An appeal a screening recorded, by its tracking code and title (read on expanding the row). */
function ScreeningAppealLink({ id }: { id: string }) {
  const { data } = useAppeal(id);
  return (
    <Link to={`/appeals/${id}`}>
      {data ? (
        <Space size={4}>
          <Typography.Text code>{data.trackingCode}</Typography.Text>
          {data.title}
        </Space>
      ) : (
        '…'
      )}
    </Link>
  );
}

function ScreeningsTable() {
  const t = useT();
  const { data, isFetching } = useScreenings();
  const columns: TableColumnsType<Screening> = [
    { title: t('mediation.screening.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
    { title: t('appeals.village'), dataIndex: 'villageName' },
    {
      title: t('mediation.screening.disputesFound'),
      dataIndex: 'disputesFound',
      align: 'right',
      render: (n: number) =>
        n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : <strong>{n}</strong>,
    },
    {
      title: t('mediation.screening.note'),
      dataIndex: 'note',
      ellipsis: { showTitle: true },
      width: 280,
      render: (note: string) => note || '—',
    },
    {
      title: t('mediation.screening.createdBy'),
      dataIndex: 'createdBy',
      render: (name: string | null) => name ?? '—',
    },
  ];
  return (
    <Table<Screening>
      rowKey="id"
      columns={columns}
      dataSource={data ?? []}
      loading={isFetching}
      size="middle"
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('mediation.screening.empty') }}
      expandable={{
        rowExpandable: (s) => s.appealIds.length > 0,
        expandedRowRender: (s) => (
          <Space orientation="vertical" size={4}>
            {s.appealIds.map((id) => (
              <ScreeningAppealLink key={id} id={id} />
            ))}
          </Space>
        ),
      }}
      data-testid="screenings-table"
    />
  );
}

/** 调解与排查: the mediations of the caller's area and the screening sweeps (大排查) of its villages. */
export function MediationsPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((k) => k === params.get('tab')) ?? 'mediations';
  const drawer = useModalTarget<true>();

  return (
    <>
      <PageHeader
        title={t('mediation.title')}
        extra={
          can('appeals.handle') && (
            <Button
              type="primary"
              icon={<SearchOutlined />}
              onClick={() => drawer.show(true)}
              data-testid="screening-create"
            >
              {t('mediation.screening.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('mediation.intro')}</Typography.Paragraph>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'mediations', label: t('mediation.tab.mediations'), children: <MediationsTable /> },
            { key: 'screenings', label: t('mediation.tab.screenings'), children: <ScreeningsTable /> },
          ]}
          data-testid="mediation-tabs"
        />
      </Card>
      {drawer.target && (
        <ScreeningDrawer
          open={drawer.open}
          onClose={drawer.hide}
          afterClose={drawer.afterClose}
          onSaved={() => setParams({ tab: 'screenings' }, { replace: true })}
        />
      )}
    </>
  );
}
