import {
  isValidAreaCode,
  type SetupCompleteBody,
  type SetupCompleteResponse,
  SetupDistrict,
  setupApi,
} from '@lianxin/common';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { LogoMark } from '../layout/logo';
import { FullPageSpin } from '../session/guards';
import { errorText } from '../shared/feedback';
import { confirmPasswordRules, strongPasswordRules } from '../shared/password-rules';

interface FormValues {
  districtCode?: string;
  districtName?: string;
  username: string;
  name: string;
  password: string;
  passwordConfirm: string;
}

/**
 * `/setup?token=…`: the first run of a production server. The token comes from the link the
 * server printed at start; the page creates the district (unless imported) and its first
 * administrator, then says where the secret key is and sends the operator to sign in.
 */
export function SetupPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<FormValues>();
  const status = useQuery({
    queryKey: ['setup-status', token],
    queryFn: () => api(setupApi.status, { query: token ? { token } : {} }),
  });
  const complete = useMutation({
    mutationFn: (body: SetupCompleteBody) => api(setupApi.complete, { body }),
  });

  if (status.isPending) return <FullPageSpin />;
  const imported = status.data?.district ?? null;

  const submit = (values: FormValues) => {
    const district = imported
      ? undefined
      : SetupDistrict.parse({ code: values.districtCode?.trim(), name: values.districtName?.trim() });
    complete.mutate({
      token,
      district,
      admin: { username: values.username.trim(), name: values.name.trim(), password: values.password },
    });
  };

  return (
    <div className="lx-login">
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 64px' }}>
        <Card style={{ width: '100%', maxWidth: 480 }} styles={{ body: { padding: 32 } }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <LogoMark size={48} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('setup.title')}
            </Typography.Title>
          </Flex>
          {complete.data ? (
            <SetupDone result={complete.data} />
          ) : status.data?.needed === false ? (
            <Flex vertical gap={16}>
              <Alert type="info" showIcon title={t('setup.notNeeded')} />
              <Link to="/login">{t('setup.signIn')}</Link>
            </Flex>
          ) : !token ? (
            <Alert type="warning" showIcon title={t('setup.noToken')} data-testid="setup-no-token" />
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('setup.lead')}</Typography.Paragraph>
              {complete.error && (
                <Alert
                  type="error"
                  showIcon
                  title={errorText(complete.error, t)}
                  style={{ marginBottom: 16 }}
                  role="alert"
                  data-testid="setup-error"
                />
              )}
              <Form<FormValues> form={form} layout="vertical" name="setup" onFinish={submit}>
                <Divider titlePlacement="start">{t('setup.district')}</Divider>
                {imported ? (
                  <Typography.Paragraph>
                    {t('setup.districtImported', { name: imported.name, code: imported.code })}
                  </Typography.Paragraph>
                ) : (
                  <>
                    <Form.Item
                      name="districtCode"
                      label={t('setup.districtCode')}
                      extra={t('setup.districtCodeHint')}
                      rules={[
                        {
                          validator: async (_, value: string | undefined) => {
                            if (value && isValidAreaCode(value.trim(), 'district', null)) return;
                            throw new Error(t('setup.districtCodeInvalid'));
                          },
                        },
                      ]}
                    >
                      <Input inputMode="numeric" maxLength={12} />
                    </Form.Item>
                    <Form.Item
                      name="districtName"
                      label={t('setup.districtName')}
                      rules={[{ required: true, whitespace: true, max: 60 }]}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                  </>
                )}
                <Divider titlePlacement="start">{t('setup.admin')}</Divider>
                <Form.Item
                  name="username"
                  label={t('setup.username')}
                  rules={[
                    {
                      required: true,
                      pattern: /^[A-Za-z0-9_.-]{3,40}$/,
                      message: t('setup.usernameInvalid'),
                    },
                  ]}
                >
                  <Input autoComplete="username" maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="name"
                  label={t('setup.name')}
                  rules={[{ required: true, whitespace: true, max: 40 }]}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('setup.password')}
                  rules={strongPasswordRules(t, () => form.getFieldValue('username') ?? '')}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Form.Item
                  name="passwordConfirm"
                  label={t('setup.passwordConfirm')}
                  dependencies={['password']}
                  rules={confirmPasswordRules(t, 'password')}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={complete.isPending}>
                  {t('setup.submit')}
                </Button>
              </Form>
            </>
          )}
        </Card>
      </Flex>
    </div>
  );
}

function SetupDone({ result }: { result: SetupCompleteResponse }) {
  const t = useT();
  const district = `${result.district.name} ${result.district.code}`;
  return (
    <Flex vertical gap={16} data-testid="setup-done">
      <Alert type="success" showIcon title={t('setup.done', { username: result.username, district })} />
      <Alert
        type="warning"
        showIcon
        title={
          result.secretKey.file ? t('setup.keyFile', { file: result.secretKey.file }) : t('setup.keyEnv')
        }
      />
      <Link to="/login">
        <Button type="primary" block>
          {t('setup.signIn')}
        </Button>
      </Link>
    </Flex>
  );
}
