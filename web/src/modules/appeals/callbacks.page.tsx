import { PhoneOutlined } from '@ant-design/icons';
import type { CallbackTask } from '@lianxin/common';
import { Button, Card, Empty, Grid, List, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { Deadline, useNow } from './appeal-tags';
import { useCallbackTasks } from './appeals.api';
import { CallbackModal } from './callback.modal';
import './appeals.css';

function OverdueTag({ task }: { task: CallbackTask }) {
  const t = useT();
  return task.overdue ? <Tag color="error">{t('callbacks.overdue')}</Tag> : null;
}

function AttemptsText({ attempts }: { attempts: number }) {
  const t = useT();
  if (attempts === 0) return null;
  return <Typography.Text type="secondary">{t('callbacks.attempts', { count: attempts })}</Typography.Text>;
}

/** On a phone: one card per call to make, the overdue ones marked red, a big button to record it. */
function CallbackCards({ tasks, onCall }: { tasks: CallbackTask[]; onCall: (task: CallbackTask) => void }) {
  const t = useT();
  const now = useNow();
  return (
    <List
      dataSource={tasks}
      locale={{ emptyText: <Empty description={t('callbacks.empty')} /> }}
      renderItem={(task) => (
        <Card
          size="small"
          className={`lx-callback-card${task.overdue ? ' lx-callback-overdue' : ''}`}
          style={{ marginBottom: 12 }}
          data-testid={`callback-card-${task.trackingCode}`}
        >
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space size={4} wrap>
              <Typography.Text strong>{task.title}</Typography.Text>
              <OverdueTag task={task} />
            </Space>
            <Typography.Text type="secondary">
              <Link to={`/appeals/${task.appealId}`}>{task.trackingCode}</Link> · {task.villageName} ·{' '}
              {task.handlerName ?? '—'}
            </Typography.Text>
            <Space size={8} wrap>
              <Deadline due={task.dueAt} active now={now} />
              <AttemptsText attempts={task.attempts} />
            </Space>
            <Button
              type="primary"
              block
              icon={<PhoneOutlined />}
              onClick={() => onCall(task)}
              data-testid={`callback-open-${task.trackingCode}`}
            >
              {t('callbacks.record')}
            </Button>
          </Space>
        </Card>
      )}
    />
  );
}

/** 回访工作台: resolved appeals of the caller's area waiting for a callback, most urgent first. */
export function CallbacksPage() {
  const t = useT();
  const now = useNow();
  const screens = Grid.useBreakpoint();
  const { data, isFetching } = useCallbackTasks();
  const modal = useModalTarget<CallbackTask>();
  const tasks = data ?? [];
  const overdue = tasks.filter((task) => task.overdue).length;

  const columns: TableColumnsType<CallbackTask> = [
    {
      title: t('appeals.trackingCode'),
      dataIndex: 'trackingCode',
      render: (code: string, task) => (
        <Link to={`/appeals/${task.appealId}`}>
          <Typography.Text code>{code}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('appeals.titleColumn'),
      dataIndex: 'title',
      render: (title: string, task) => (
        <Space size={4} wrap>
          {title}
          <OverdueTag task={task} />
        </Space>
      ),
    },
    { title: t('appeals.village'), dataIndex: 'villageName' },
    { title: t('appeals.handler'), dataIndex: 'handlerName', render: (name: string | null) => name ?? '—' },
    { title: t('appeals.resolvedAt'), dataIndex: 'resolvedAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('callbacks.dueAt'),
      dataIndex: 'dueAt',
      render: (_, task) => <Deadline due={task.dueAt} active now={now} />,
    },
    {
      title: t('callbacks.attemptsColumn'),
      dataIndex: 'attempts',
      align: 'right',
      render: (n: number) => n,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, task) => (
        <Button
          type="link"
          icon={<PhoneOutlined />}
          onClick={() => modal.show(task)}
          data-testid={`callback-open-${task.trackingCode}`}
        >
          {t('callbacks.record')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('callbacks.title')} />
      <Typography.Paragraph type="secondary">
        {t('callbacks.intro')}
        {overdue > 0 && (
          <Typography.Text type="danger" strong>
            {' '}
            {t('callbacks.overdueCount', { count: overdue })}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      {screens.md === false ? (
        <CallbackCards tasks={tasks} onCall={modal.show} />
      ) : (
        <Card size="small">
          <Table<CallbackTask>
            rowKey="id"
            columns={columns}
            dataSource={tasks}
            loading={isFetching}
            size="middle"
            scroll={{ x: 'max-content' }}
            pagination={false}
            rowClassName={(task) => (task.overdue ? 'lx-row-overdue' : '')}
            locale={{ emptyText: t('callbacks.empty') }}
            data-testid="callbacks-table"
          />
        </Card>
      )}
      {modal.target && (
        <CallbackModal
          appealId={modal.target.appealId}
          open={modal.open}
          onClose={modal.hide}
          afterClose={modal.afterClose}
        />
      )}
    </>
  );
}
