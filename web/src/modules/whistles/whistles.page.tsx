import { SoundOutlined } from '@ant-design/icons';
import { type Whistle, type WhistleStatus, type WhistleUnit, whistleStatuses } from '@lianxin/common';
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Grid,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { RaiseWhistleModal } from './raise-whistle.modal';
import { WhistleActionModal } from './whistle-action.modal';
import { useWhistles } from './whistles.api';

const statusColor: Record<WhistleStatus, string> = {
  open: 'processing',
  reported: 'success',
  closed: 'default',
};

function UnitState({ unit }: { unit: WhistleUnit }) {
  const t = useT();
  const state = unit.reportedAt
    ? unit.late
      ? { color: 'warning', key: 'whistles.unitState.reportedLate' as const }
      : { color: 'success', key: 'whistles.unitState.reported' as const }
    : unit.late
      ? { color: 'error', key: 'whistles.unitState.overdue' as const }
      : { color: 'processing', key: 'whistles.unitState.pending' as const };
  return (
    <div style={{ marginBottom: 4 }} data-testid={`whistle-unit-${unit.unitName}`}>
      <Space size={4} wrap>
        <Typography.Text strong>{unit.unitName}</Typography.Text>
        <Tag color={state.color}>{t(state.key)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.reportedAt
            ? (unit.responseMinutes ?? 0) >= 120
              ? t('whistles.hours', { hours: Math.round((unit.responseMinutes ?? 0) / 6) / 10 })
              : t('whistles.minutes', { minutes: unit.responseMinutes ?? 0 })
            : t('whistles.due', { time: formatDateTime(unit.dueAt) })}
        </Typography.Text>
      </Space>
      {unit.action && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {unit.action}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * 吹哨报到: the town's whistles and the departments' reports. A town head blows the whistle and
 * closes it; a department's staff see the whistles naming their unit and report.
 */
export function WhistlesPage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  // The bell's to-do links to the open ones (?status=open).
  const [params] = useSearchParams();
  const asked = whistleStatuses.find((s) => s === params.get('status'));
  const [status, setStatus] = useState<WhistleStatus | 'all'>(asked ?? 'all');
  const [lateOnly, setLateOnly] = useState(false);
  const { data, isFetching } = useWhistles({
    ...(status === 'all' ? {} : { status }),
    ...(lateOnly ? { late: 'true' as const } : {}),
  });
  const [raising, setRaising] = useState(false);
  const action = useModalTarget<{ whistle: Whistle; kind: 'report' | 'close' }>();
  const canRaise = can('appeals.dispatch');
  const canReport = can('dispatch.work');
  // A phone gets one card per whistle: the table's five columns do not fit 390 px.
  const narrow = !Grid.useBreakpoint().md;

  const columns: TableColumnsType<Whistle> = [
    {
      title: t('whistles.raisedAt'),
      dataIndex: 'raisedAt',
      width: 150,
      render: (at: string, w) => (
        <Space direction="vertical" size={0}>
          {formatDateTime(at)}
          {w.outsideWorkingTime && <Tag>{t('whistles.outside')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('whistles.where'),
      key: 'where',
      render: (_, w) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 360 }}>
          <Typography.Text strong>
            {w.townName} {w.villageName}
            {w.place ? ` · ${w.place}` : ''}
          </Typography.Text>
          {w.appeal && (
            <Link to={`/appeals/${w.appeal.id}`}>{`${w.appeal.trackingCode} ${w.appeal.title}`}</Link>
          )}
          <Typography.Text type="secondary">{w.description}</Typography.Text>
          {w.closingNote && <Typography.Text type="secondary">✔ {w.closingNote}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('whistles.units'),
      key: 'units',
      render: (_, w) => w.units.map((u) => <UnitState key={u.unitId} unit={u} />),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: WhistleStatus) => <Tag color={statusColor[s]}>{t(`whistles.status.${s}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, w) => actions(w),
    },
  ];

  function actions(w: Whistle) {
    const mine = w.units.find((u) => u.unitId === me.unit?.id);
    return (
      <Space size={0} direction="vertical">
        {canReport && mine && !mine.reportedAt && w.status !== 'closed' && (
          <Button
            type="link"
            size="small"
            onClick={() => action.show({ whistle: w, kind: 'report' })}
            data-testid={`whistle-report-${w.id}`}
          >
            {t('whistles.report')}
          </Button>
        )}
        {canRaise && w.status !== 'closed' && (
          <Button
            type="link"
            size="small"
            onClick={() => action.show({ whistle: w, kind: 'close' })}
            data-testid={`whistle-close-${w.id}`}
          >
            {t('whistles.close')}
          </Button>
        )}
      </Space>
    );
  }

  return (
    <>
      <PageHeader
        title={t('whistles.title')}
        extra={
          canRaise && (
            <Button
              type="primary"
              icon={<SoundOutlined />}
              onClick={() => setRaising(true)}
              data-testid="whistle-raise"
            >
              {t('whistles.raise')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('whistles.lead')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Segmented<WhistleStatus | 'all'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('whistles.statusAll') },
              ...whistleStatuses.map((s) => ({ value: s, label: t(`whistles.status.${s}`) })),
            ]}
            data-testid="whistles-status"
          />
          <Checkbox checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)}>
            {t('whistles.lateOnly')}
          </Checkbox>
        </Flex>
      </Card>
      {narrow ? (
        <Flex vertical gap={12} data-testid="whistles-cards">
          {(data ?? []).length === 0 && <Empty description={t('whistles.empty')} />}
          {(data ?? []).map((w) => (
            <Card key={w.id} size="small">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>
                  {w.villageName}
                  {w.place ? ` · ${w.place}` : ''}
                </Typography.Text>
                <Tag color={statusColor[w.status]}>{t(`whistles.status.${w.status}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(w.raisedAt)} {w.outsideWorkingTime ? `· ${t('whistles.outside')}` : ''}
              </Typography.Text>
              {w.appeal && (
                <div>
                  <Link to={`/appeals/${w.appeal.id}`}>{`${w.appeal.trackingCode} ${w.appeal.title}`}</Link>
                </div>
              )}
              <Typography.Paragraph style={{ margin: '6px 0' }}>{w.description}</Typography.Paragraph>
              {w.units.map((u) => (
                <UnitState key={u.unitId} unit={u} />
              ))}
              {w.closingNote && <Typography.Text type="secondary">✔ {w.closingNote}</Typography.Text>}
              <Flex justify="flex-end">{actions(w)}</Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<Whistle>
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('whistles.empty') }}
          data-testid="whistles-table"
        />
      )}
      <RaiseWhistleModal open={raising} onClose={() => setRaising(false)} />
      <WhistleActionModal
        whistle={action.target?.whistle ?? null}
        kind={action.target?.kind ?? 'report'}
        open={action.open}
        onClose={action.hide}
        afterClose={action.afterClose}
      />
    </>
  );
}
