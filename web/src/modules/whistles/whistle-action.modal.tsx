import type { Whistle } from '@lianxin/common';
import { App, Form, Input, Modal } from 'antd';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useCloseWhistle, useReportWhistle } from './whistles.api';

/** A department's report (报到) with what it did, or the town's closing note. */
export function WhistleActionModal(props: {
  whistle: Whistle | null;
  kind: 'report' | 'close';
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ text: string }>();
  const report = useReportWhistle();
  const close = useCloseWhistle();
  const reporting = props.kind === 'report';

  const submit = ({ text }: { text: string }) => {
    const whistle = props.whistle;
    if (!whistle) return;
    const done = {
      onSuccess: () => {
        message.success(t(reporting ? 'whistles.reportedOk' : 'whistles.closedOk'));
        props.onClose();
      },
      onError: showError,
    };
    if (reporting) report.mutate({ id: whistle.id, action: text }, done);
    else close.mutate({ id: whistle.id, body: { version: whistle.version, note: text } }, done);
  };

  return (
    <Modal
      title={t(reporting ? 'whistles.reportTitle' : 'whistles.closeTitle')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t(reporting ? 'whistles.report' : 'whistles.close')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: report.isPending || close.isPending, 'data-testid': 'whistle-action-submit' }}
      destroyOnHidden
    >
      {props.whistle && (
        <p style={{ color: 'rgba(0,0,0,0.65)' }}>
          {props.whistle.villageName} {props.whistle.place ?? props.whistle.appeal?.title}：
          {props.whistle.description}
        </p>
      )}
      <Form form={form} layout="vertical" name="whistle-action" onFinish={submit}>
        <Form.Item
          name="text"
          label={t(reporting ? 'whistles.action' : 'whistles.closingNote')}
          rules={[{ required: true, min: 2, max: reporting ? 2000 : 1000 }]}
        >
          <Input.TextArea
            rows={4}
            placeholder={reporting ? t('whistles.actionHint') : undefined}
            data-testid="whistle-action-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
