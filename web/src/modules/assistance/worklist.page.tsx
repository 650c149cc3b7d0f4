import { EditOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import type { WorklistItem } from '@lianxin/common';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Progress,
  Row,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { PageHeader } from '../../shared/page-header';
import { RevealablePhone, useTapToCall } from '../../shared/phone-reveal';
import { useModalTarget } from '../../shared/use-modal-target';
import { TierTag } from '../tiering/tier-tag';
import { useWorklist } from './assistance.api';
import { type DueState, dueColors, dueStateLabel } from './assistance-labels';
import { HelperRatingsCard } from './helper-ratings.card';
import { VisitDrawer } from './visit.drawer';
import './assistance.css';

type StateFilter = DueState | 'all';

function DueText({ item }: { item: WorklistItem }) {
  const t = useT();
  return (
    <Space size={6} wrap>
      <Tag color={dueColors[item.state]} style={{ marginInlineEnd: 0 }}>
        {dueStateLabel(t, item.state)}
      </Tag>
      <Typography.Text type={item.state === 'overdue' ? 'danger' : undefined}>
        {t('assistance.worklist.dueBy', { date: item.dueDate })}
      </Typography.Text>
    </Space>
  );
}

function LastVisit({ date }: { date: string | null }) {
  const t = useT();
  return (
    <Typography.Text type="secondary">
      {date ? t('assistance.worklist.lastVisit', { date }) : t('assistance.neverVisited')}
    </Typography.Text>
  );
}

/** On a phone: one card per household, the most urgent first, with big buttons to call and to record. */
function WorklistCards({ items, onVisit }: { items: WorklistItem[]; onVisit: (item: WorklistItem) => void }) {
  const t = useT();
  const tap = useTapToCall('household');
  return (
    <Flex vertical gap={12} data-testid="worklist-cards">
      {items.length === 0 && <Empty description={t('assistance.worklist.empty')} />}
      {items.map((item) => (
        <Card
          key={item.pairingId}
          size="small"
          className={`lx-work-card lx-work-${item.state}`}
          data-testid={`work-card-${item.householdNumber}`}
        >
          <Flex vertical gap={6}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text strong className="lx-work-name">
                  {item.headName ?? '—'}
                </Typography.Text>
                <Typography.Text type="secondary">
                  <Link to={`/households/${item.householdId}?tab=visits`}>{item.householdNumber}</Link> ·{' '}
                  {item.villageName}
                </Typography.Text>
              </Space>
              <TierTag tier={item.tier} />
            </Flex>
            <DueText item={item} />
            <LastVisit date={item.lastVisitDate} />
            {item.address && (
              <Typography.Text type="secondary">
                <EnvironmentOutlined /> {item.address}
              </Typography.Text>
            )}
            <Flex gap={8} style={{ marginTop: 4 }}>
              {item.phone && (
                // The number is masked; a tap asks for it (audited each time) and dials it.
                <Button
                  icon={<PhoneOutlined />}
                  className="lx-work-button"
                  loading={tap.pending}
                  onClick={() => tap.call(item.householdId)}
                  aria-label={t('assistance.worklist.call', { phone: item.phone })}
                  data-testid={`work-call-${item.householdNumber}`}
                >
                  {item.phone}
                </Button>
              )}
              <Button
                type="primary"
                icon={<EditOutlined />}
                className="lx-work-button lx-work-record"
                onClick={() => onVisit(item)}
                data-testid={`work-visit-${item.householdNumber}`}
              >
                {t('assistance.worklist.record')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

function WorklistTable({
  items,
  loading,
  onVisit,
}: {
  items: WorklistItem[];
  loading: boolean;
  onVisit: (item: WorklistItem) => void;
}) {
  const t = useT();
  const columns: TableColumnsType<WorklistItem> = [
    {
      title: t('assistance.household'),
      dataIndex: 'householdNumber',
      render: (number: string, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/households/${item.householdId}?tab=visits`}>{number}</Link>
          <Typography.Text strong>{item.headName ?? '—'}</Typography.Text>
        </Space>
      ),
    },
    { title: t('assistance.village'), dataIndex: 'villageName' },
    { title: t('assistance.tier'), dataIndex: 'tier', render: (_, item) => <TierTag tier={item.tier} /> },
    { title: t('assistance.worklist.due'), key: 'due', render: (_, item) => <DueText item={item} /> },
    {
      title: t('assistance.lastVisit'),
      dataIndex: 'lastVisitDate',
      render: (date: string | null) => date ?? <LastVisit date={null} />,
    },
    {
      title: t('assistance.worklist.phone'),
      dataIndex: 'phone',
      render: (phone: string | null, item) => (
        <RevealablePhone owner="household" id={item.householdId} masked={phone} call />
      ),
    },
    { title: t('assistance.worklist.address'), dataIndex: 'address', ellipsis: true },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, item) => (
        <Button
          type="link"
          icon={<EditOutlined />}
          onClick={() => onVisit(item)}
          data-testid={`work-visit-${item.householdNumber}`}
        >
          {t('assistance.worklist.record')}
        </Button>
      ),
    },
  ];
  return (
    <Card size="small">
      <Table<WorklistItem>
        rowKey="pairingId"
        columns={columns}
        dataSource={items}
        loading={loading}
        size="middle"
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        rowClassName={(item) => (item.state === 'overdue' ? 'lx-row-late' : '')}
        locale={{ emptyText: <Empty description={t('assistance.worklist.empty')} /> }}
        data-testid="worklist-table"
      />
    </Card>
  );
}

/**
 * 我的走访: the cadre's paired households, overdue first, each with its due date, phone and a
 * button to record the visit; and the village days (驻村天数) of the month against what is owed.
 */
export function WorklistPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { data, isFetching } = useWorklist();
  const [filter, setFilter] = useState<StateFilter>('all');
  const drawer = useModalTarget<{ householdId?: string; village?: true }>();
  const items = (data?.items ?? []).filter((i) => filter === 'all' || i.state === filter);
  const okCount = (data?.items ?? []).filter((i) => i.state === 'ok').length;
  const days = data?.villageDaysThisMonth ?? 0;
  const required = data?.villageDaysRequired ?? 0;

  const visit = (item: WorklistItem) => {
    if (phone) navigate(`/worklist/visit?household=${item.householdId}`);
    else drawer.show({ householdId: item.householdId });
  };
  const villageVisit = () => {
    if (phone) navigate('/worklist/visit?village=1');
    else drawer.show({ village: true });
  };

  return (
    <>
      <PageHeader
        title={t('assistance.worklist.title')}
        extra={
          <Button onClick={villageVisit} data-testid="worklist-village-visit">
            {t('assistance.worklist.villageVisit')}
          </Button>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" loading={!data} data-testid="worklist-summary">
            <Flex wrap gap={16} justify="space-between" align="center">
              <Flex gap={24}>
                <div className="lx-work-count">
                  <div className="lx-work-count-value" style={{ color: '#f5222d' }}>
                    {data?.overdue ?? 0}
                  </div>
                  <div className="lx-work-count-label">{t('assistance.due.overdue')}</div>
                </div>
                <div className="lx-work-count">
                  <div className="lx-work-count-value" style={{ color: '#fa8c16' }}>
                    {data?.due ?? 0}
                  </div>
                  <div className="lx-work-count-label">{t('assistance.due.due')}</div>
                </div>
                <div className="lx-work-count">
                  <div className="lx-work-count-value" style={{ color: '#52c41a' }}>
                    {okCount}
                  </div>
                  <div className="lx-work-count-label">{t('assistance.due.ok')}</div>
                </div>
              </Flex>
              <div className="lx-work-days" data-testid="village-days">
                <Typography.Text type="secondary">{t('assistance.worklist.villageDays')}</Typography.Text>
                <Progress
                  percent={required === 0 ? 100 : Math.min(100, Math.round((days / required) * 100))}
                  status={days >= required ? 'success' : 'active'}
                  format={() => t('assistance.worklist.daysOf', { days, required })}
                />
              </div>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <HelperRatingsCard cadreId={me.id} />
        </Col>
      </Row>
      <Segmented<StateFilter>
        block={phone}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('assistance.worklist.all', { count: data?.items.length ?? 0 }) },
          { value: 'overdue', label: t('assistance.due.overdue') },
          { value: 'due', label: t('assistance.due.due') },
          { value: 'ok', label: t('assistance.due.ok') },
        ]}
        style={{ marginBottom: 12 }}
        className="lx-work-filter"
        data-testid="worklist-filter"
      />
      {phone ? (
        <WorklistCards items={items} onVisit={visit} />
      ) : (
        <WorklistTable items={items} loading={isFetching} onVisit={visit} />
      )}
      {drawer.target && (
        <VisitDrawer
          householdId={drawer.target.householdId}
          village={drawer.target.village === true}
          open={drawer.open}
          onClose={drawer.hide}
          afterClose={drawer.afterClose}
        />
      )}
    </>
  );
}
