import { type DemocracyBody, daysOfNotice, type Matter, MeetingCreateBody } from '@lianxin/common';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n';
import { clientUuid } from '../../shared/client-id';
import { useSchemaForm } from '../../shared/forms';
import { useCreateMeeting, useDemocracySettings } from './democracy.api';

interface Values {
  body: DemocracyBody;
  heldAt: Dayjs;
  place: string;
  noticeDate: Dayjs;
  agenda: string;
}

const bodiesOfStep = {
  propose: ['branch_committee'],
  consult: ['joint_committees'],
  review: ['party_members'],
  decide: ['representatives', 'villagers'],
} as const satisfies Record<NonNullable<Matter['step']>, readonly DemocracyBody[]>;

/** Noticing the meeting of the matter's current step: its body, when, where, the notice date and agenda. */
export function MeetingFormModal(props: {
  matter: Matter;
  open: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const { validate, handleError } = useSchemaForm(form, MeetingCreateBody, {
    rename: { heldAt: ['heldAt'], noticeDate: ['noticeDate'] },
  });
  const settings = useDemocracySettings();
  const body = Form.useWatch('body', form);
  const heldAt = Form.useWatch('heldAt', form);
  const noticeDate = Form.useWatch('noticeDate', form);
  const noticeDays = settings.data?.villagersNoticeDays ?? 10;
  // A villagers' meeting noticed fewer than ten days ahead cannot decide (art. 21): said before it is called.
  const shortNotice =
    body === 'villagers' &&
    heldAt &&
    noticeDate &&
    daysOfNotice(noticeDate.format('YYYY-MM-DD'), heldAt.format('YYYY-MM-DD')) < noticeDays;
  const step = props.matter.step ?? 'propose';
  const bodies = bodiesOfStep[step];

  const save = async () => {
    const v = await form.validateFields();
    const body = validate({
      id: clientUuid(),
      matterId: props.matter.id,
      body: v.body,
      heldAt: v.heldAt.format(),
      place: v.place,
      noticeDate: v.noticeDate.format('YYYY-MM-DD'),
      agenda: v.agenda,
    });
    if (!body) return;
    create.mutate(body, { onSuccess: (meeting) => props.onSaved(meeting.id), onError: handleError });
  };

  return (
    <Modal
      open={props.open}
      title={t('democracyWeb.meeting.notice', { step: t(`democracy.step.${step}`) })}
      onCancel={props.onClose}
      onOk={save}
      okButtonProps={{ 'data-testid': 'meeting-save' }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="meeting-form"
        preserve={false}
        initialValues={{
          body: bodies[0],
          heldAt: dayjs().startOf('hour'),
          noticeDate: dayjs(),
          agenda: props.matter.title,
        }}
      >
        <Form.Item name="body" label={t('democracyWeb.meeting.body')} rules={[{ required: true }]}>
          <Radio.Group
            options={bodies.map((b) => ({ value: b, label: t(`democracy.body.${b}`) }))}
            disabled={bodies.length === 1}
          />
        </Form.Item>
        <Form.Item name="heldAt" label={t('democracyWeb.meeting.heldAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="noticeDate"
          label={t('democracyWeb.meeting.noticeDate')}
          rules={[{ required: true }]}
          extra={t('democracyWeb.meeting.noticeDateHint')}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {shortNotice && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('democracy.notice.short', { days: noticeDays })}
            data-testid="meeting-notice-short"
          />
        )}
        <Form.Item
          name="place"
          label={t('democracyWeb.meeting.place')}
          rules={[{ required: true, max: 120 }]}
        >
          <Input data-testid="meeting-place" />
        </Form.Item>
        <Form.Item
          name="agenda"
          label={t('democracyWeb.meeting.agenda')}
          rules={[{ required: true, max: 5000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
