import type { ReceptionDay } from '@lianxin/common';
import { App, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useCreateReceptionDay, useUpdateReceptionDay } from './reception.api';

interface Values {
  areaCode?: string;
  leaderName: string;
  leaderPost: string;
  place: string;
  time?: [Dayjs, Dayjs];
  topics: string[];
  note?: string;
}

/** Plans a reception day (the district or a town holds it) or edits one. */
export function ReceptionDayFormModal(props: {
  day: ReceptionDay | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { day } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const { index } = useAreaIndex({ enabled: props.open });
  const holders = useMemo(
    () => toTreeNodes(index, (a) => a.kind === 'district' || a.kind === 'town'),
    [index],
  );
  const create = useCreateReceptionDay();
  const update = useUpdateReceptionDay();

  const submit = (values: Values) => {
    const [start, end] = values.time ?? [];
    if (!start || !end) return;
    const fields = {
      leaderName: values.leaderName.trim(),
      leaderPost: values.leaderPost.trim(),
      place: values.place.trim(),
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      topics: values.topics.map((s) => s.trim()).filter(Boolean),
      note: values.note?.trim() || null,
    };
    const done = {
      onSuccess: () => {
        message.success(t(day ? 'reception.saved' : 'reception.created'));
        props.onClose();
      },
      onError: showError,
    };
    if (day) update.mutate({ id: day.id, body: { version: day.version, ...fields } }, done);
    else create.mutate({ areaCode: values.areaCode ?? '', ...fields }, done);
  };

  return (
    <Modal
      title={t(day ? 'reception.editTitle' : 'reception.createTitle')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'reception-submit' }}
      width={560}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="reception-day"
        onFinish={submit}
        initialValues={
          day
            ? {
                areaCode: day.area.code,
                leaderName: day.leaderName,
                leaderPost: day.leaderPost,
                place: day.place,
                time: [dayjs(day.startsAt), dayjs(day.endsAt)],
                topics: day.topics,
                note: day.note ?? '',
              }
            : { topics: [] }
        }
      >
        <Form.Item name="areaCode" label={t('reception.area')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={holders}
            disabled={day !== null}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
            data-testid="reception-area"
          />
        </Form.Item>
        <Form.Item
          name="leaderName"
          label={t('reception.leaderName')}
          rules={[{ required: true, min: 2, max: 20 }]}
        >
          <Input data-testid="reception-leader" />
        </Form.Item>
        <Form.Item
          name="leaderPost"
          label={t('reception.leaderPost')}
          rules={[{ required: true, min: 2, max: 40 }]}
        >
          <Input data-testid="reception-post" />
        </Form.Item>
        <Form.Item name="place" label={t('reception.place')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input data-testid="reception-place" />
        </Form.Item>
        <Form.Item name="time" label={t('reception.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="reception-time"
          />
        </Form.Item>
        <Form.Item
          name="topics"
          label={t('reception.topics')}
          extra={t('reception.topicsHint')}
          rules={[{ required: true, type: 'array', min: 1, max: 10 }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} data-testid="reception-topics" />
        </Form.Item>
        <Form.Item name="note" label={t('reception.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
