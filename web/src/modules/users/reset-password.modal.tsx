import { type User, UsersResetPasswordBody } from '@lianxin/common';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { confirmPasswordRules, strongPasswordRules } from '../../shared/password-rules';
import { useResetUserPassword } from './users.api';

interface FormValues {
  password: string;
  confirm: string;
}

/** Sets a new password for another account; its sessions end, its tokens are revoked, it signs in again. */
export function ResetPasswordModal(props: {
  user: User;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { user, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const reset = useResetUserPassword();
  const mapping = useMemo<FieldErrorMapping>(
    () => ({ messages: { password: t('password.rule') }, codes: { PASSWORD_WEAK: ['password'] } }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, UsersResetPasswordBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({ password: values.password });
    if (!body) return;
    reset.mutate(
      { id: user.id, password: body.password },
      {
        onSuccess: () => {
          message.success(t('users.resetDone'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      title={t('users.resetTitle', { name: user.name })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: reset.isPending, 'data-testid': 'reset-password-submit' }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('password.resetRevokes')}
        data-testid="reset-password-revokes"
      />
      <Form<FormValues> form={form} layout="vertical" name="reset-password" onFinish={submit}>
        <Form.Item
          name="password"
          label={t('password.new')}
          rules={strongPasswordRules(t, () => user.username)}
        >
          <Input.Password autoComplete="new-password" placeholder={t('password.rule')} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={confirmPasswordRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
