import { MonthlyTopicsCreateBody, type TopicProposal } from '@lianxin/common';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../shared/dates';
import { useSchemaForm } from '../../shared/forms';
import { useUnits } from './departments.api';
import { useCreateTopic } from './topics.api';

interface Values {
  title: string;
  description?: string;
  leadUnitId: string;
  goalPercent: number;
  goalText?: string;
  appealIds: string[];
  measures: { text: string; unitId: string; dueDate: Dayjs }[];
}

/**
 * 确定每月一题 from a proposal: its category and area are the proposal's; the district names the
 * lead unit (a department or a town office), the goal, the appeals to link and the first measures.
 */
export function TopicPickModal(props: {
  month: string;
  proposal: TopicProposal | null;
  onClose: () => void;
  onPicked: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { validate, handleError } = useSchemaForm(form, MonthlyTopicsCreateBody, {
    codes: { TOPIC_UNIT_INVALID: ['leadUnitId'], TOPIC_APPEAL_INVALID: ['appealIds'] },
  });
  const open = props.proposal !== null;
  const { data: units } = useUnits({ active: 'true' }, { enabled: open });
  const leads = (units ?? []).filter((u) => u.kind === 'department' || u.kind === 'town_office');
  const create = useCreateTopic();
  const p = props.proposal;

  const submit = (values: Values) => {
    if (!p) return;
    const body = validate({
      month: props.month,
      areaCode: p.areaCode,
      categoryCode: p.categoryCode,
      title: values.title,
      description: values.description?.trim() || undefined,
      leadUnitId: values.leadUnitId,
      goalPercent: values.goalPercent,
      goalText: values.goalText?.trim() || undefined,
      appealIds: values.appealIds ?? [],
      measures: (values.measures ?? []).map((m) => ({ ...m, dueDate: m.dueDate?.format('YYYY-MM-DD') })),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (topic) => {
        message.success(t('topics.pick.created'));
        props.onPicked(topic.id);
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title={t('topics.pick.title')}
      open={open}
      width={720}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'topic-pick-ok' }}
      destroyOnHidden
    >
      {p && (
        <Form
          form={form}
          layout="vertical"
          name="topic-pick"
          onFinish={submit}
          initialValues={{
            title: `${p.areaName}${p.categoryName}问题治理`,
            goalPercent: 30,
            appealIds: p.appeals.map((a) => a.id),
            measures: [],
          }}
        >
          <Typography.Paragraph type="secondary">
            {props.month} · {p.areaName} · {p.categoryName} ·{' '}
            {t('topics.proposals.total', { count: p.total })}
          </Typography.Paragraph>
          <Form.Item name="title" label={t('topics.pick.topicTitle')} rules={[{ required: true }]}>
            <Input data-testid="topic-pick-title" />
          </Form.Item>
          <Form.Item name="description" label={t('topics.pick.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item
              name="leadUnitId"
              label={t('topics.leadUnit')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={leads.map((u) => ({ value: u.id, label: u.name }))}
                data-testid="topic-pick-lead"
              />
            </Form.Item>
            <Form.Item name="goalPercent" label={t('topics.goalPercent')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} data-testid="topic-pick-goal" />
            </Form.Item>
          </Flex>
          <Form.Item name="goalText" label={t('topics.goalText')}>
            <Input />
          </Form.Item>
          <Form.Item name="appealIds" label={t('topics.appeals')} extra={t('topics.pick.appealsHint')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', maxHeight: 180, overflow: 'auto' }}
            >
              {p.appeals.map((a) => (
                <Checkbox key={a.id} value={a.id}>
                  {a.trackingCode} {a.title}{' '}
                  <Typography.Text type="secondary">
                    {a.villageName} {formatDate(a.receivedAt)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <>
                <Typography.Text strong>{t('topics.measures')}</Typography.Text>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item name={[field.name, 'text']} rules={[{ required: true }]} style={{ flex: 2 }}>
                      <Input placeholder={t('topics.measure.text')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unitId']} rules={[{ required: true }]} style={{ flex: 1 }}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        placeholder={t('topics.measure.unit')}
                        options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']} rules={[{ required: true }]}>
                      <DatePicker placeholder={t('topics.measure.due')} />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(field.name)}>
                      {t('common.remove')}
                    </Button>
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add()} block style={{ marginTop: 8 }}>
                  {t('topics.pick.addMeasure')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
