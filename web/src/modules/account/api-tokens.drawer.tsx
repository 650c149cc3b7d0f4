import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type ApiToken, type Permission, type TokenScope, TokensCreateBody } from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { type Translate, useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { permissionLabel } from '../../shared/labels';
import { useCreateToken, useRevokeToken, useTokens } from './account.api';

interface FormValues {
  name: string;
  expiresInDays: number;
  scopeKind: TokenScope['kind'];
  permissions: Permission[];
}

// A token lives a year at most unless the install allows less (API_TOKEN_MAX_DAYS): no "never".
const EXPIRY_CHOICES = [30, 90, 365] as const;

/** What a token may do, as a tag per permission, or "read only". */
function ScopeTags({ scope, t }: { scope: TokenScope; t: Translate }) {
  if (scope.kind === 'read') return <Tag>{t('tokens.scopeRead')}</Tag>;
  return (
    <Space size={[0, 4]} wrap>
      {scope.permissions.map((p) => (
        <Tag key={p} color="blue">
          {permissionLabel(t, p)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * The caller's personal API tokens: list with their scope and where they were last used from,
 * create (read only, or chosen permissions within the caller's; the secret is shown once), revoke.
 */
export function ApiTokensDrawer(props: { open: boolean; onClose: () => void }) {
  const { open, onClose } = props;
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const tokens = useTokens(open);
  const createToken = useCreateToken();
  const revokeToken = useRevokeToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const scopeKind = Form.useWatch('scopeKind', form);
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { name: t('tokens.nameRule') },
      codes: {
        TOKEN_LIFETIME_TOO_LONG: ['expiresInDays'],
        TOKEN_SCOPE_INVALID: ['permissions'],
      },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, TokensCreateBody, mapping);

  const submit = (values: FormValues) => {
    const scope: TokenScope =
      values.scopeKind === 'read'
        ? { kind: 'read' }
        : { kind: 'permissions', permissions: values.permissions };
    const body = validate({ name: values.name, expiresInDays: values.expiresInDays, scope });
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
    {
      title: t('tokens.scope'),
      dataIndex: 'scope',
      render: (scope: TokenScope) => <ScopeTags scope={scope} t={t} />,
    },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('tokens.neverExpires')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null, token) =>
        at ? (
          <Space orientation="vertical" size={0}>
            <span>{formatDateTime(at)}</span>
            {token.lastUsedIp && (
              <Typography.Text type="secondary" data-testid={`token-ip-${token.id}`}>
                {t('tokens.lastUsedFrom', { ip: token.lastUsedIp })}
              </Typography.Text>
            )}
          </Space>
        ) : (
          t('tokens.neverUsed')
        ),
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
      size={880}
      data-testid="api-tokens-drawer"
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('tokens.revokedWhen')} />
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
        initialValues={{ name: '', expiresInDays: 365, scopeKind: 'read', permissions: [] }}
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
              label: t('tokens.days', { days }),
            }))}
          />
        </Form.Item>
        <Form.Item name="scopeKind" label={t('tokens.scope')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'read', label: t('tokens.scopeRead') },
              { value: 'permissions', label: t('tokens.scopePermissions') },
            ]}
            data-testid="token-scope"
          />
        </Form.Item>
        {scopeKind === 'permissions' && (
          <Form.Item
            name="permissions"
            style={{ width: '100%' }}
            rules={[{ required: true, type: 'array', min: 1, message: t('tokens.permissionsRule') }]}
          >
            <Select
              mode="multiple"
              placeholder={t('tokens.permissionsPlaceholder')}
              options={me.permissions.map((p) => ({ value: p, label: permissionLabel(t, p) }))}
              data-testid="token-permissions"
            />
          </Form.Item>
        )}
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
