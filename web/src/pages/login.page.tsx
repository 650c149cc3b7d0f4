import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { AuthLoginBody } from '@lianxin/common';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { LogoMark } from '../layout/logo';
import { FullPageSpin } from '../session/guards';
import { useSession, useSignIn } from '../session/session';
import { errorText } from '../shared/feedback';

interface FormValues {
  username: string;
  password: string;
}

function returnPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string') {
    // Only paths inside the console; never an absolute URL handed in from elsewhere.
    if (state.from.startsWith('/') && !state.from.startsWith('//') && !state.from.startsWith('/login')) {
      return state.from;
    }
  }
  return '/';
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const signIn = useSignIn();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);

  if (session.isPending) return <FullPageSpin />;
  if (session.data && signIn.isIdle) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (values: FormValues) => {
    const parsed = AuthLoginBody.safeParse(values);
    if (!parsed.success) {
      setError(t('login.usernameRequired'));
      return;
    }
    setError(null);
    signIn.mutate(parsed.data, {
      onSuccess: () => navigate(returnPath(location.state), { replace: true }),
      onError: (err) => {
        setError(errorText(err, t));
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <div className="lx-login">
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 64px' }}>
        <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <LogoMark size={48} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </Flex>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              role="alert"
            />
          )}
          <Form<FormValues> form={form} name="login" size="large" onFinish={submit} autoComplete="on">
            <Form.Item
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.username')}
                aria-label={t('login.username')}
                autoComplete="username"
                autoFocus
                maxLength={40}
              />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.password')}
                aria-label={t('login.password')}
                autoComplete="current-password"
                maxLength={200}
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={signIn.isPending}
                data-testid="login-submit"
              >
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', margin: 0 }}>
            {t('login.hint')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ fontSize: 12, textAlign: 'center', margin: '8px 0 0' }}>
            <Link to="/public" data-testid="login-public-link">
              {t('public.loginLink')}
            </Link>
          </Typography.Paragraph>
        </Card>
      </Flex>
    </div>
  );
}
