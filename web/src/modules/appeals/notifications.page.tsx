import { type Notification, notificationStatuses } from '@lianxin/common';
import { Button, Card, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useAreaIndex } from '../areas/areas.api';
import {
  type NotificationStatus,
  notificationKindLabel,
  notificationStatusColors,
  notificationStatusLabel,
} from './appeal-labels';
import { useNotifications } from './appeals.api';

const PAGE = 100;
const MAX = 200;

/**
 * 通知记录: the notification outbox of the caller's area, newest first — what the log driver
 * "sent" (new appeals, warnings, escalations, results to residents), for checking delivery.
 */
export function NotificationsPage() {
  const t = useT();
  const { index } = useAreaIndex();
  const [status, setStatus] = useState<NotificationStatus | 'all'>('all');
  const [limit, setLimit] = useState(PAGE);
  const { data, isFetching } = useNotifications(status === 'all' ? {} : { status }, limit);
  const items = data ?? [];

  const columns: TableColumnsType<Notification> = [
    {
      title: t('notifications.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('notifications.kind'),
      dataIndex: 'kind',
      render: (_, n) => <Tag bordered={false}>{notificationKindLabel(t, n.kind)}</Tag>,
    },
    {
      title: t('notifications.recipient'),
      dataIndex: 'recipient',
      // The outbox names units by area code ("村级问题库 610902101201"): shown with the area's name.
      render: (recipient: string) =>
        recipient.replace(/\b\d{12}\b/g, (code) => index.byCode.get(code)?.name ?? code),
    },
    {
      title: t('notifications.message'),
      dataIndex: 'message',
      render: (message: string, n) => (
        <>
          {message}
          {n.appealId && (
            <>
              {' '}
              <Link to={`/appeals/${n.appealId}`}>{t('notifications.openAppeal')}</Link>
            </>
          )}
        </>
      ),
    },
    {
      title: t('notifications.status'),
      dataIndex: 'status',
      render: (_, n) => (
        <Tag color={notificationStatusColors[n.status]}>{notificationStatusLabel(t, n.status)}</Tag>
      ),
    },
    { title: t('notifications.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('notifications.sentAt'),
      dataIndex: 'sentAt',
      width: 170,
      render: (at: string | null) => formatDateTime(at) || '—',
    },
    {
      title: t('notifications.lastError'),
      dataIndex: 'lastError',
      ellipsis: { showTitle: true },
      width: 200,
      render: (error: string | null) =>
        error ? <Typography.Text type="danger">{error}</Typography.Text> : '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('notifications.title')} />
      <Typography.Paragraph type="secondary">{t('notifications.intro')}</Typography.Paragraph>
      <Card
        size="small"
        title={
          <Segmented<NotificationStatus | 'all'>
            value={status}
            onChange={(next) => {
              setStatus(next);
              setLimit(PAGE);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              ...notificationStatuses.map((s) => ({ value: s, label: notificationStatusLabel(t, s) })),
            ]}
            data-testid="notifications-status"
          />
        }
      >
        <Table<Notification>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: t('notifications.empty') }}
          data-testid="notifications-table"
        />
        {items.length > 0 && (
          <Flex justify="center" gap={12} align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('appeals.shown', { count: items.length })}</Typography.Text>
            {/* The log keeps the newest 200 in view: older ones stay in the database. */}
            {items.length >= limit && limit < MAX ? (
              <Button onClick={() => setLimit(MAX)} loading={isFetching}>
                {t('appeals.loadMore')}
              </Button>
            ) : (
              items.length >= MAX && (
                <Typography.Text type="secondary">
                  {t('notifications.newestOnly', { count: MAX })}
                </Typography.Text>
              )
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
