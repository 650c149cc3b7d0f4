import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type ApiToken, TokensCreateBody } from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useCreateToken, useRevokeToken, useTokens } from './account.api';

interface FormValues {
  name: string;
  /** 0 stands for "never expires" (null in the API); Select options cannot hold null. */
  expiresInDays: number;
}

const EXPIRY_CHOICES = [30, 90, 365, 0] as const;

/** The caller's personal API tokens: list, create (the secret is shown once) and revoke. */
export function ApiTokensDrawer(props: { open: boolean; onClose: () => void }) {
  const { open, onClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const tokens = useTokens(open);
  const createToken = useCreateToken();
  const revokeToken = useRevokeToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const mapping = useMemo<FieldErrorMapping>(() => ({ messages: { name: t('tokens.nameRule') } }), [t]);
  const { validate, handleError } = useSchemaForm(form, TokensCreateBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({
      name: values.name,
      expiresInDays: values.expiresInDays === 0 ? null : values.expiresInDays,
    });
    if (!body) return;
    createToken.mutate(body, {
      onSuccess: (token) => {
        setCreated({ name: token.name, token: token.token });
        form.resetFields();
      },
      onError: handleError,
    });
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('tokens.neverExpires')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('tokens.neverUsed')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) => (
        <Popconfirm
          title={t('tokens.confirmRevoke', { name: token.name })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            revokeToken.mutateAsync(token, {
              onSuccess: () => message.success(t('tokens.revoked', { name: token.name })),
              onError: showError,
            })
          }
        >
          <Button
            type="link"
            danger
            size="small"
            icon={<DeleteOutlined />}
            data-testid={`token-revoke-${token.id}`}
          >
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Drawer
      title={t('tokens.title')}
      open={open}
      onClose={() => {
        setCreated(null);
        onClose();
      }}
      size={720}
      data-testid="api-tokens-drawer"
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('tokens.createdTitle', { name: created.name })}
          description={
            <>
              <Typography.Paragraph>{t('tokens.createdHint')}</Typography.Paragraph>
              <Typography.Paragraph
                code
                copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
                style={{ marginBottom: 0, wordBreak: 'break-all' }}
                data-testid="token-created-value"
              >
                {created.token}
              </Typography.Paragraph>
            </>
          }
          closable={{ onClose: () => setCreated(null) }}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="inline"
        name="token-create"
        initialValues={{ name: '', expiresInDays: 365 }}
        onFinish={submit}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('tokens.nameRule') }]}>
          <Input placeholder={t('tokens.namePlaceholder')} maxLength={60} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresIn')}>
          <Select
            style={{ width: 130 }}
            options={EXPIRY_CHOICES.map((days) => ({
              value: days,
              label: days === 0 ? t('tokens.neverExpires') : t('tokens.days', { days }),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={createToken.isPending}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        </Form.Item>
      </Form>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isFetching}
        pagination={false}
        locale={{ emptyText: <Empty description={t('tokens.empty')} /> }}
      />
    </Drawer>
  );
}
