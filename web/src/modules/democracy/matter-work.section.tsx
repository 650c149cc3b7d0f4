import { PlusOutlined } from '@ant-design/icons';
import type { Matter } from '@lianxin/common';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useAddSpending, useAddTask, useTaskDone } from './democracy.api';
import { formatYuan } from './democracy-labels';

interface TaskValues {
  title: string;
  assignee?: string;
  dueOn?: Dayjs | null;
}
interface SpendingValues {
  amount: number;
  spentOn: Dayjs;
  note: string;
}

/** Carrying a resolution out: the tasks, and the spending against the estimated amount. */
export function MatterWorkSection({ matter, canWrite }: { matter: Matter; canWrite: boolean }) {
  const t = useT();
  const showError = useShowError();
  const addTask = useAddTask();
  const taskDone = useTaskDone();
  const addSpending = useAddSpending();
  const [taskForm] = Form.useForm<TaskValues>();
  const [spendingForm] = Form.useForm<SpendingValues>();
  const [adding, setAdding] = useState<'task' | 'spending' | null>(null);
  const writable = canWrite && (matter.status === 'carrying_out' || matter.status === 'adopted');
  const percent =
    matter.estimatedAmount && matter.estimatedAmount > 0
      ? Math.round((matter.spent / matter.estimatedAmount) * 100)
      : null;

  const saveTask = async () => {
    const v = await taskForm.validateFields();
    addTask.mutate(
      {
        id: matter.id,
        title: v.title,
        assignee: v.assignee?.trim() ?? '',
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
      },
      { onSuccess: () => setAdding(null), onError: showError },
    );
  };
  const saveSpending = async () => {
    const v = await spendingForm.validateFields();
    addSpending.mutate(
      { id: matter.id, amount: v.amount, spentOn: v.spentOn.format('YYYY-MM-DD'), note: v.note },
      { onSuccess: () => setAdding(null), onError: showError },
    );
  };

  return (
    <Card size="small" title={t('democracyWeb.work.title')} data-testid="matter-work">
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="matter-spent">
          {matter.estimatedAmount !== null
            ? t('democracyWeb.work.spentOf', {
                spent: formatYuan(matter.spent),
                amount: formatYuan(matter.estimatedAmount),
              })
            : t('democracyWeb.work.spent', { spent: formatYuan(matter.spent) })}
        </Typography.Text>
        {percent !== null && <Progress percent={percent} status={percent > 100 ? 'exception' : 'normal'} />}
      </Flex>
      <List
        size="small"
        header={
          <Flex justify="space-between">
            <Typography.Text strong>{t('democracyWeb.work.tasks')}</Typography.Text>
            {writable && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setAdding('task')}
                data-testid="task-add"
              >
                {t('democracyWeb.work.addTask')}
              </Button>
            )}
          </Flex>
        }
        locale={{ emptyText: t('democracyWeb.work.noTasks') }}
        dataSource={matter.tasks}
        renderItem={(task) => (
          <List.Item>
            <Checkbox
              checked={task.done}
              disabled={!writable || taskDone.isPending}
              onChange={(e) =>
                taskDone.mutate(
                  { id: matter.id, taskId: task.id, done: e.target.checked },
                  { onError: showError },
                )
              }
            >
              {task.title}
            </Checkbox>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[task.assignee, task.dueOn].filter(Boolean).join(' · ')}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Flex justify="space-between" style={{ margin: '12px 0 8px' }}>
        <Typography.Text strong>{t('democracyWeb.work.spendings')}</Typography.Text>
        {writable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding('spending')}
            data-testid="spending-add"
          >
            {t('democracyWeb.work.addSpending')}
          </Button>
        )}
      </Flex>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={matter.spendings}
        columns={[
          { title: t('democracyWeb.work.spentOn'), dataIndex: 'spentOn', width: 104 },
          { title: t('democracyWeb.work.note'), dataIndex: 'note' },
          {
            title: t('democracyWeb.work.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (a: number) => formatYuan(a),
          },
        ]}
      />
      <Modal
        open={adding === 'task'}
        title={t('democracyWeb.work.addTask')}
        onCancel={() => setAdding(null)}
        onOk={saveTask}
        confirmLoading={addTask.isPending}
        destroyOnHidden
      >
        <Form form={taskForm} layout="vertical" preserve={false}>
          <Form.Item
            name="title"
            label={t('democracyWeb.work.taskTitle')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="assignee" label={t('democracyWeb.work.assignee')} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="dueOn" label={t('democracyWeb.work.dueOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding === 'spending'}
        title={t('democracyWeb.work.addSpending')}
        onCancel={() => setAdding(null)}
        onOk={saveSpending}
        confirmLoading={addSpending.isPending}
        destroyOnHidden
      >
        <Form form={spendingForm} layout="vertical" preserve={false}>
          <Form.Item name="amount" label={t('democracyWeb.work.amount')} rules={[{ required: true }]}>
            <InputNumber<number> min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="spentOn" label={t('democracyWeb.work.spentOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('democracyWeb.work.note')} rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
