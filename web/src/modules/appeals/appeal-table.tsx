import { type AppealSummary, openAppealStatuses } from '@lianxin/common';
import { Button, Flex, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { formatNumber } from '../../shared/numbers';
import { useCategoryIndex } from './appeal-categories';
import { channelLabel } from './appeal-labels';
import { AppealFlags, Deadline, LevelTag, RatingTag, StatusTag, UrgencyTag, useNow } from './appeal-tags';
import './appeals.css';

/** The deadline that binds now: to respond while not yet accepted, then to resolve. */
export function currentDeadline(appeal: Pick<AppealSummary, 'status' | 'responseDueAt' | 'resolutionDueAt'>) {
  const open = openAppealStatuses.includes(appeal.status);
  if (appeal.status === 'received') {
    // Answering late is already overdue even when the resolution deadline is far.
    return { due: appeal.responseDueAt, kind: 'response' as const, open };
  }
  return { due: appeal.resolutionDueAt, kind: 'resolution' as const, open };
}

function useColumns(compact: boolean): TableColumnsType<AppealSummary> {
  const t = useT();
  const categories = useCategoryIndex();
  const now = useNow();
  const columns: TableColumnsType<AppealSummary> = [
    {
      title: t('appeals.trackingCode'),
      dataIndex: 'trackingCode',
      width: 130,
      render: (code: string, a) => (
        <Link to={`/appeals/${a.id}`} data-testid={`appeal-link-${code}`}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {code}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('appeals.titleColumn'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/appeals/${a.id}`}>{title}</Link>
          {(a.urgency !== 'normal' || a.overdue || a.deferralPending) && (
            <Space size={4} wrap>
              <UrgencyTag urgency={a.urgency} />
              <AppealFlags overdue={a.overdue} deferralPending={a.deferralPending} />
            </Space>
          )}
        </Space>
      ),
    },
    {
      title: t('appeals.category'),
      dataIndex: 'categoryCode',
      render: (code: string) => categories.name(code),
    },
    ...(compact ? [] : [{ title: t('appeals.village'), dataIndex: 'villageName' }]),
    {
      title: t('appeals.levelColumn'),
      dataIndex: 'level',
      render: (_, a) => <LevelTag level={a.level} />,
    },
    {
      title: t('appeals.statusColumn'),
      dataIndex: 'status',
      render: (_, a) => (
        <Space size={0}>
          <StatusTag status={a.status} />
          <RatingTag rating={a.rating} />
        </Space>
      ),
    },
    {
      title: t('appeals.handler'),
      dataIndex: 'handlerName',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('appeals.unassigned')}</Typography.Text>,
    },
    {
      title: t('appeals.deadline'),
      key: 'deadline',
      render: (_, a) => {
        const deadline = currentDeadline(a);
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(deadline.kind === 'response' ? 'appeals.responseDue' : 'appeals.resolutionDue')}
            </Typography.Text>
            <Deadline due={deadline.due} active={deadline.open} now={now} />
          </Space>
        );
      },
    },
  ];
  if (!compact) {
    columns.push({
      title: t('appeals.channel'),
      dataIndex: 'channel',
      render: (_, a) => channelLabel(t, a.channel),
    });
  }
  columns.push({
    title: t('appeals.receivedAt'),
    dataIndex: 'receivedAt',
    render: (at: string) => formatDateTime(at),
  });
  return columns;
}

/**
 * Appeals as a table: overdue rows in red, pending deferrals flagged, deadlines counting down;
 * "加载更多" under it reads the next page of the keyset list.
 */
export function AppealTable(props: {
  items: AppealSummary[];
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** How many appeals the list holds in all, when known. */
  total?: number;
  compact?: boolean;
  emptyText?: string;
  testId?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const columns = useColumns(props.compact ?? false);
  return (
    <>
      <Table<AppealSummary>
        rowKey="id"
        columns={columns}
        dataSource={props.items}
        loading={props.loading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
        rowClassName={(a) => (a.overdue ? 'lx-row-overdue' : '')}
        onRow={(a) => ({ onDoubleClick: () => navigate(`/appeals/${a.id}`) })}
        data-testid={props.testId ?? 'appeals-table'}
      />
      {props.items.length > 0 && (
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="appeals-shown">
            {props.total === undefined
              ? t('appeals.shown', { count: props.items.length })
              : t('appeals.shownOfTotal', {
                  count: props.items.length,
                  total: formatNumber(props.total, locale),
                })}
          </Typography.Text>
          {props.hasMore ? (
            <Button onClick={props.onLoadMore} loading={props.loadingMore} data-testid="appeals-load-more">
              {t('appeals.loadMore')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('appeals.noMore')}</Typography.Text>
          )}
        </Flex>
      )}
    </>
  );
}
