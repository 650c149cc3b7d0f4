import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { roles, type User } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan, useGrantableRoles, useMe } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { FilterBar } from '../../shared/filter-bar';
import { rankLabel, roleLabel } from '../../shared/labels';
import { PageHeader } from '../../shared/page-header';
import { RevealablePhone } from '../../shared/phone-reveal';
import { useModalTarget } from '../../shared/use-modal-target';
import { AreaFilterSelect } from '../areas/area-filter-select';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { ResetPasswordModal } from './reset-password.modal';
import { UserFormModal, type UserFormTarget } from './user-form.modal';
import { type UsersFilter, useSetUserDisabled, useUsers } from './users.api';
import { WatermarkSwitch } from './watermark-switch';

const DEFAULT_PAGE_SIZE = 20;

export function UsersPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const grantable = useGrantableRoles();
  const canManage = can('users.manage');
  const { index } = useAreaIndex();
  const [filterForm] = Form.useForm<UsersFilter>();
  const [filter, setFilter] = useState<UsersFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const { data, isFetching } = useUsers(filter, page, pageSize);
  const setDisabled = useSetUserDisabled();
  const editModal = useModalTarget<UserFormTarget>();
  const resetModal = useModalTarget<User>();

  const applyFilter = (values: UsersFilter) => {
    setFilter({
      areaCode: values.areaCode || undefined,
      role: values.role || undefined,
      status: values.status || undefined,
      q: values.q?.trim() || undefined,
    });
    setPage(1);
  };

  // The server refuses to manage accounts whose role the caller could not grant; so does the UI.
  const manageable = (user: User) => canManage && (user.id === me.id || grantable.includes(user.role));

  const toggleDisabled = (user: User) =>
    setDisabled.mutateAsync(
      { id: user.id, disabled: !user.disabled },
      {
        onSuccess: (updated) =>
          message.success(t(updated.disabled ? 'users.disabled' : 'users.enabled', { name: updated.name })),
        onError: showError,
      },
    );

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string, user) => (
        <Space size={4}>
          <Typography.Text>{username}</Typography.Text>
          {user.id === me.id && <Tag color="blue">{t('users.self')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.name'), dataIndex: 'name' },
    { title: t('users.role'), dataIndex: 'role', render: (_, user) => roleLabel(t, user.role) },
    {
      title: t('users.rank'),
      dataIndex: 'rank',
      render: (_, user) => (user.rank ? rankLabel(t, user.rank) : '—'),
    },
    {
      title: t('users.area'),
      key: 'area',
      render: (_, user) => {
        const path = pathTo(index, user.areaCode).map((a) => a.name);
        return (
          <Tooltip title={path.length > 0 ? path.join(' / ') : user.areaCode}>
            <span>{user.area.name}</span>
          </Tooltip>
        );
      },
    },
    {
      title: t('users.unit'),
      key: 'unit',
      render: (_, user) => user.unit?.name ?? '—',
    },
    {
      title: t('users.phone'),
      dataIndex: 'phone',
      render: (phone: string | null, u) => <RevealablePhone owner="user" id={u.id} masked={phone} />,
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) =>
        user.disabled ? (
          <Tag color="default">{t('users.status.disabled')}</Tag>
        ) : (
          <Tag color="success">{t('users.status.active')}</Tag>
        ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (at: string | null) =>
        at ? (
          formatDateTime(at)
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => {
        if (!manageable(user)) return null;
        const self = user.id === me.id;
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => editModal.show({ mode: 'edit', user })}
              data-testid={`user-edit-${user.username}`}
            >
              {t('common.edit')}
            </Button>
            {!self && (
              <Button
                type="link"
                size="small"
                icon={<KeyOutlined />}
                onClick={() => resetModal.show(user)}
                data-testid={`user-reset-${user.username}`}
              >
                {t('users.resetPassword')}
              </Button>
            )}
            {!self && (
              <Popconfirm
                title={t(user.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: user.name })}
                description={user.disabled ? undefined : t('tokens.revokedOnDisable')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => toggleDisabled(user)}
              >
                <Button
                  type="link"
                  size="small"
                  danger={!user.disabled}
                  icon={user.disabled ? <UndoOutlined /> : <StopOutlined />}
                  data-testid={`user-toggle-${user.username}`}
                >
                  {t(user.disabled ? 'users.enable' : 'users.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space size={16} wrap>
            <WatermarkSwitch />
            {canManage && grantable.length > 0 && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => editModal.show({ mode: 'create' })}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
          </Space>
        }
      />
      <FilterBar<UsersFilter>
        form={filterForm}
        name="users-filter"
        values={filter}
        testId="users-search"
        onSearch={applyFilter}
        onReset={() => applyFilter({})}
      >
        <Form.Item name="areaCode" label={t('users.filterArea')} tooltip={t('users.filterAreaHint')}>
          <AreaFilterSelect />
        </Form.Item>
        <Form.Item name="role" label={t('users.filterRole')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 200 }}
            options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('users.filterStatus')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={[
              { value: 'active', label: t('users.status.active') },
              { value: 'disabled', label: t('users.status.disabled') },
            ]}
          />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('users.filterQuery')} style={{ width: 200 }} maxLength={40} />
        </Form.Item>
      </FilterBar>
      <Card size="small">
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          rowClassName={(user) => (user.disabled ? 'lx-row-muted' : '')}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== pageSize ? 1 : nextPage);
              setPageSize(nextSize);
            },
          }}
          data-testid="users-table"
        />
      </Card>
      {editModal.target && (
        <UserFormModal
          target={editModal.target}
          open={editModal.open}
          onClose={editModal.hide}
          afterClose={editModal.afterClose}
        />
      )}
      {resetModal.target && (
        <ResetPasswordModal
          user={resetModal.target}
          open={resetModal.open}
          onClose={resetModal.hide}
          afterClose={resetModal.afterClose}
        />
      )}
    </>
  );
}
