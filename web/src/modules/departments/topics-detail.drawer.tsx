import { type MonthlyTopic, TopicMeasureBody, type TopicStatus } from '@lianxin/common';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { formatDate, formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { useSchemaForm } from '../../shared/forms';
import { useUnits } from './departments.api';
import { useAddMeasure, useReportMeasure, useTopic, useUpdateMeasure, useUpdateTopic } from './topics.api';
import { TopicTrendChart } from './topics-trend.chart';

export const topicStatusColor: Record<TopicStatus, string> = { open: 'processing', done: 'success' };

const percent = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : ''}${Math.round(value * 1000) / 10}%`;

function Outcome({ topic }: { topic: MonthlyTopic }) {
  const t = useT();
  const { outcome } = topic;
  const verdict =
    outcome.goalMet === null
      ? { color: 'default', text: t('topics.outcome.pending') }
      : outcome.goalMet
        ? { color: 'success', text: t('topics.outcome.goalMet') }
        : { color: 'warning', text: t('topics.outcome.goalMissed') };
  return (
    <>
      <Flex gap={32} wrap align="center" style={{ marginBottom: 8 }}>
        <Statistic title={t('topics.outcome.before', { months: 3 })} value={outcome.beforeAverage ?? '—'} />
        <Statistic title={t('topics.outcome.after')} value={outcome.afterAverage ?? '—'} />
        <Statistic title={t('topics.outcome.change')} value={percent(outcome.change)} />
        <Tag color={verdict.color} data-testid="topic-goal-verdict">
          {verdict.text}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('topics.outcome.chart')}
        {outcome.months.some((m) => m.partial) ? ` · *${t('topics.outcome.partial')}` : ''}
      </Typography.Text>
      <TopicTrendChart outcome={outcome} />
    </>
  );
}

interface MeasureValues {
  text: string;
  unitId: string;
  dueDate: Dayjs;
}

function AddMeasure({ topic }: { topic: MonthlyTopic }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureValues>();
  const { validate, handleError } = useSchemaForm(form, TopicMeasureBody);
  const { data: units } = useUnits({ active: 'true' });
  const add = useAddMeasure();
  const submit = (values: MeasureValues) => {
    const body = validate({ ...values, dueDate: values.dueDate?.format('YYYY-MM-DD') });
    if (!body) return;
    add.mutate(
      { id: topic.id, body },
      {
        onSuccess: () => {
          message.success(t('topics.measure.added'));
          form.resetFields();
        },
        onError: handleError,
      },
    );
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} name="topic-measure" style={{ rowGap: 8 }}>
      <Form.Item name="text" rules={[{ required: true }]} style={{ minWidth: 220 }}>
        <Input placeholder={t('topics.measure.text')} data-testid="topic-measure-text" />
      </Form.Item>
      <Form.Item name="unitId" rules={[{ required: true }]} style={{ minWidth: 160 }}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('topics.measure.unit')}
          options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="topic-measure-unit"
        />
      </Form.Item>
      <Form.Item name="dueDate" rules={[{ required: true }]}>
        <DatePicker placeholder={t('topics.measure.due')} data-testid="topic-measure-due" />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending} data-testid="topic-measure-add">
        {t('topics.measure.add')}
      </Button>
    </Form>
  );
}

function CloseModal({ topic, open, onClose }: { topic: MonthlyTopic; open: boolean; onClose: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const update = useUpdateTopic();
  const showError = useShowError();
  return (
    <Modal
      title={t('topics.close')}
      open={open}
      onCancel={onClose}
      okText={t('topics.close')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: note.trim().length < 2,
        loading: update.isPending,
        'data-testid': 'topic-close-ok',
      }}
      onOk={() =>
        update.mutate(
          { id: topic.id, body: { version: topic.version, status: 'done', outcomeNote: note.trim() } },
          { onSuccess: onClose, onError: showError },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('topics.close.note')}</Typography.Paragraph>
      <Input.TextArea
        rows={4}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="topic-close-note"
      />
    </Modal>
  );
}

/** A topic: its goal and lead, the appeals before and after (a small chart), its measures and appeals. */
export function TopicDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const showError = useShowError();
  const { data: topic } = useTopic(id);
  const me = useMe();
  const updateMeasure = useUpdateMeasure();
  const reportMeasure = useReportMeasure();
  const update = useUpdateTopic();
  const [closing, setClosing] = useState(false);
  const manage = can('topics.manage');
  const open = topic?.status === 'open';
  // The district edits measures; the lead unit's staff report them done.
  const leads = can('dispatch.work') && topic !== undefined && me.unit?.id === topic.leadUnit.id;
  const markDone = (measureId: string, done: boolean) => {
    if (!topic) return;
    if (manage) updateMeasure.mutate({ id: topic.id, measureId, body: { done } }, { onError: showError });
    else reportMeasure.mutate({ id: topic.id, measureId, done }, { onError: showError });
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      title={topic?.title}
      destroyOnHidden
      extra={
        topic &&
        manage &&
        (open ? (
          <Button type="primary" onClick={() => setClosing(true)} data-testid="topic-close">
            {t('topics.close')}
          </Button>
        ) : (
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { id: topic.id, body: { version: topic.version, status: 'open' } },
                { onError: showError },
              )
            }
          >
            {t('topics.reopen')}
          </Button>
        ))
      }
    >
      {topic && (
        <Flex vertical gap={20} data-testid="topic-detail">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('topics.month')}>{topic.month}</Descriptions.Item>
            <Descriptions.Item label={t('topics.status')}>
              <Tag color={topicStatusColor[topic.status]}>{t(`topics.status.${topic.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('topics.area')}>{topic.areaName}</Descriptions.Item>
            <Descriptions.Item label={t('topics.category')}>{topic.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('topics.leadUnit')}>{topic.leadUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('topics.goal')}>
              {t('topics.goalShort', { percent: topic.goalPercent })}
              {topic.goalText ? `：${topic.goalText}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('topics.createdBy')}>
              {topic.createdBy ?? ''} {formatDateTime(topic.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('topics.closed')}>{formatDateTime(topic.closedAt)}</Descriptions.Item>
            {topic.description && (
              <Descriptions.Item label={t('topics.pick.description')} span={2}>
                {topic.description}
              </Descriptions.Item>
            )}
            {topic.outcomeNote && (
              <Descriptions.Item label={t('topics.outcomeNote')} span={2}>
                {topic.outcomeNote}
              </Descriptions.Item>
            )}
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('topics.outcome')}</Typography.Title>
            <Outcome topic={topic} />
          </div>

          <div>
            <Typography.Title level={5}>{t('topics.measures')}</Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={topic.measures}
              locale={{ emptyText: t('topics.noMeasures') }}
              data-testid="topic-measures"
              columns={[
                {
                  title: t('topics.measure.done'),
                  dataIndex: 'done',
                  width: 70,
                  render: (done: boolean, m) => (
                    <Checkbox
                      checked={done}
                      disabled={!(manage || leads) || !open}
                      onChange={(e) => markDone(m.id, e.target.checked)}
                      data-testid={`topic-measure-done-${m.id}`}
                    />
                  ),
                },
                { title: t('topics.measure.text'), dataIndex: 'text' },
                { title: t('topics.measure.unit'), dataIndex: 'unitName', width: 130 },
                {
                  title: t('topics.measure.due'),
                  dataIndex: 'dueDate',
                  width: 130,
                  render: (due: string, m) => (
                    <>
                      {formatDate(due)} {m.overdue && <Tag color="error">{t('topics.measure.overdue')}</Tag>}
                    </>
                  ),
                },
              ]}
            />
            {manage && open && (
              <div style={{ marginTop: 12 }}>
                <AddMeasure topic={topic} />
              </div>
            )}
          </div>

          <div>
            <Typography.Title level={5}>
              {t('topics.appeals')} ({topic.appeals.length})
            </Typography.Title>
            {topic.appeals.length === 0 ? (
              <Empty description={t('topics.noAppeals')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={topic.appeals}
                renderItem={(a) => (
                  <List.Item>
                    <Link to={`/appeals/${a.id}`}>{`${a.trackingCode} ${a.title}`}</Link>
                    <Typography.Text type="secondary">
                      {a.villageName} · {formatDate(a.receivedAt)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </div>
          <CloseModal topic={topic} open={closing} onClose={() => setClosing(false)} />
        </Flex>
      )}
    </Drawer>
  );
}
