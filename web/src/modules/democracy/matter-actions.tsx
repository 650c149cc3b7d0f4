import { isArticle24, type Matter, type Meeting } from '@lianxin/common';
import { Button, Flex, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useCloseMatter, usePublishMatter, useSkipStep, useWithdrawMatter } from './democracy.api';
import { formatYuan } from './democracy-labels';
import { MeetingFormModal } from './meeting-form.modal';

type Dialog = 'meeting' | 'skip' | 'withdraw' | 'resolution' | 'result' | null;

/** The text proposed for the resolution or the result notice; the server adds the vote counts. */
function draftText(t: ReturnType<typeof useT>, matter: Matter, what: 'resolution' | 'result'): string {
  if (what === 'resolution') return t('democracyWeb.publish.resolutionDraft', { title: matter.title });
  const amount = matter.estimatedAmount !== null ? formatYuan(matter.estimatedAmount) : '—';
  return t('democracyWeb.publish.resultDraft', {
    title: matter.title,
    spent: formatYuan(matter.spent),
    amount,
    tasks: matter.tasks.filter((task) => task.done).length,
  });
}

/** What may be done next with a matter, by where it stands. */
export function MatterActions({ matter, meetings }: { matter: Matter; meetings: readonly Meeting[] }) {
  const t = useT();
  const navigate = useNavigate();
  const showError = useShowError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ text: string }>();
  const skip = useSkipStep();
  const withdraw = useWithdrawMatter();
  const publish = usePublishMatter();
  const close = useCloseMatter();
  const deliberating = matter.step !== null;
  const pending = meetings.find((m) => m.status === 'scheduled' && m.step === matter.step);
  const open = (d: Dialog, text = '') => {
    form.setFieldsValue({ text });
    setDialog(d);
  };

  const submit = async () => {
    const { text } = await form.validateFields();
    const done = { onSuccess: () => setDialog(null), onError: showError };
    const base = { id: matter.id, version: matter.version };
    if (dialog === 'skip') skip.mutate({ ...base, reason: text }, done);
    if (dialog === 'withdraw') withdraw.mutate({ ...base, reason: text }, done);
    if (dialog === 'resolution' || dialog === 'result')
      publish.mutate({ ...base, what: dialog, body: text }, done);
  };

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      {deliberating && pending && (
        <Button
          type="primary"
          onClick={() => navigate(`/democracy/meetings/${pending.id}`)}
          data-testid="meeting-record"
        >
          {t('democracyWeb.matter.recordMeeting')}
        </Button>
      )}
      {deliberating && !pending && (
        <Button type="primary" onClick={() => setDialog('meeting')} data-testid="meeting-create">
          {t('democracyWeb.matter.noticeMeeting')}
        </Button>
      )}
      {deliberating && !isArticle24(matter.kind) && (
        <Button onClick={() => open('skip')} data-testid="matter-skip">
          {t('democracyWeb.matter.skip')}
        </Button>
      )}
      {matter.status === 'adopted' && (
        <Button
          type="primary"
          onClick={() => open('resolution', draftText(t, matter, 'resolution'))}
          data-testid="publish-resolution"
        >
          {t('democracyWeb.publish.resolution')}
        </Button>
      )}
      {matter.status === 'carrying_out' && (
        <Button
          type="primary"
          onClick={() => open('result', draftText(t, matter, 'result'))}
          data-testid="publish-result"
        >
          {t('democracyWeb.publish.result')}
        </Button>
      )}
      {matter.status === 'result_published' && (
        <Popconfirm
          title={t('democracyWeb.matter.closeConfirm')}
          onConfirm={() => close.mutate({ id: matter.id, version: matter.version }, { onError: showError })}
        >
          <Button type="primary" loading={close.isPending} data-testid="matter-close">
            {t('democracyWeb.matter.close')}
          </Button>
        </Popconfirm>
      )}
      {deliberating && (
        <Button danger onClick={() => open('withdraw')} data-testid="matter-withdraw">
          {t('democracyWeb.matter.withdraw')}
        </Button>
      )}
      <MeetingFormModal
        matter={matter}
        open={dialog === 'meeting'}
        onClose={() => setDialog(null)}
        onSaved={(id) => {
          setDialog(null);
          navigate(`/democracy/meetings/${id}`);
        }}
      />
      <Modal
        open={dialog !== null && dialog !== 'meeting'}
        title={dialog && dialog !== 'meeting' ? t(`democracyWeb.dialog.${dialog}`) : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okButtonProps={{ 'data-testid': 'dialog-ok' }}
        confirmLoading={skip.isPending || withdraw.isPending || publish.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={t(
              dialog === 'resolution' || dialog === 'result'
                ? 'democracyWeb.publish.text'
                : 'democracyWeb.dialog.reason',
            )}
            rules={[
              {
                required: true,
                whitespace: true,
                max: dialog === 'skip' || dialog === 'withdraw' ? 500 : 10_000,
              },
            ]}
          >
            <Input.TextArea
              rows={dialog === 'skip' || dialog === 'withdraw' ? 3 : 8}
              data-testid="dialog-text"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
