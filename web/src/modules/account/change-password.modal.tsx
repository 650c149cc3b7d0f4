import { AuthPasswordBody } from '@lianxin/common';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { confirmPasswordRules, strongPasswordRules } from '../../shared/password-rules';
import { useChangePassword } from './account.api';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the caller's own password; the server keeps this session, ends the others and revokes the tokens. */
export function ChangePasswordModal(props: { open: boolean; onClose: () => void; afterClose: () => void }) {
  const { open, onClose, afterClose } = props;
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { newPassword: t('password.rule') },
      codes: { PASSWORD_WRONG: ['currentPassword'], PASSWORD_WEAK: ['newPassword'] },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, AuthPasswordBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!body) return;
    change.mutate(body, {
      onSuccess: () => {
        message.success(t('password.changed'));
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title={t('password.changeTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: change.isPending, 'data-testid': 'change-password-submit' }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('password.revokesTokens')}
        data-testid="change-password-revokes"
      />
      <Form<FormValues> form={form} layout="vertical" name="change-password" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={strongPasswordRules(t, () => me.username)}
        >
          <Input.Password autoComplete="new-password" placeholder={t('password.rule')} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={confirmPasswordRules(t, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
