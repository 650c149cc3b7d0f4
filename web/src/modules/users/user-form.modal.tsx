import {
  type Rank,
  type Role,
  ranks,
  roleAreaKinds,
  roleUnitKinds,
  type Unit,
  type User,
  UsersCreateBody,
  UsersUpdateBody,
} from '@lianxin/common';
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan, useGrantableRoles, useMe } from '../../session/session';
import { blankToNull, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { areaKindLabel, rankLabel, roleLabel } from '../../shared/labels';
import { strongPasswordRules } from '../../shared/password-rules';
import { useVersionConflict } from '../../shared/version-conflict';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useUnits } from '../departments/departments.api';
import { unitKindLabel } from '../departments/unit-labels';
import { fetchUser, useCreateUser, useUpdateUser } from './users.api';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface FormValues {
  username: string;
  name: string;
  phone?: string;
  role?: Role;
  areaCode?: string;
  unitId?: string | null;
  rank?: Rank | null;
  password?: string;
}

function valuesOf(user: User | undefined): FormValues {
  return {
    username: user?.username ?? '',
    name: user?.name ?? '',
    phone: user?.phone ?? '',
    role: user?.role,
    areaCode: user?.areaCode,
    unitId: user?.unit?.id ?? null,
    rank: user?.rank ?? null,
  };
}

/**
 * The units an account of a role may be bound to: a unit's roles need a unit of their kind; other
 * roles may take a unit sitting at the level of area they are bound to (a town office's staff).
 */
function unitFits(role: Role, unit: Unit): boolean {
  const kinds = roleUnitKinds[role];
  if (kinds) return kinds.includes(unit.kind);
  return roleAreaKinds[role].includes(unit.area.kind);
}

/** Creates an account or edits one; roles and areas are limited to what the caller may grant. */
export function UserFormModal(props: {
  target: UserFormTarget;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { target, open, onClose, afterClose } = props;
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const grantable = useGrantableRoles();
  const { index, isLoading: areasLoading } = useAreaIndex();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const [editing, setEditing] = useState(target.mode === 'edit' ? target.user : undefined);
  const [initialValues] = useState(() => valuesOf(editing));

  const isSelf = editing?.id === me.id;
  const role = Form.useWatch('role', form);
  const allowedKinds = role ? roleAreaKinds[role] : [];
  const unitId = Form.useWatch('unitId', form);
  const unitKinds = role ? roleUnitKinds[role] : undefined;
  const { data: units, isLoading: unitsLoading } = useUnits(
    { active: 'true' },
    { enabled: can('units.read') && role !== undefined },
  );
  const unitOptions = useMemo(
    () =>
      (units ?? [])
        .filter((u) => role !== undefined && unitFits(role, u))
        .map((u) => ({ value: u.id, label: `${u.name}（${u.area.name}）`, unit: u })),
    [units, role],
  );
  // The area follows the unit: fixed while one is chosen, or while the role needs one.
  const areaFollowsUnit = Boolean(unitId) || unitKinds !== undefined;

  const roleOptions = useMemo(() => {
    const list = [...grantable];
    // Your own account (or one whose role you cannot grant) keeps its role, shown but fixed.
    if (editing && !list.includes(editing.role)) list.push(editing.role);
    return list.map((r) => ({ value: r, label: roleLabel(t, r) }));
  }, [grantable, editing, t]);
  const roleFixed = isSelf || (editing !== undefined && !grantable.includes(editing.role));

  const areaTree = useMemo(
    () => toTreeNodes(index, (area) => allowedKinds.includes(area.kind)),
    [index, allowedKinds],
  );

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: {
        username: t('users.usernameRule'),
        name: t('users.nameRule'),
        phone: t('users.phoneRule'),
        role: t('users.roleRule'),
        areaCode: t('users.areaRule'),
        unitId: t('users.unitRule'),
        password: t('password.rule'),
      },
      codes: {
        USERNAME_TAKEN: ['username'],
        PASSWORD_WEAK: ['password'],
        ROLE_AREA_MISMATCH: ['areaCode'],
        AREA_UNKNOWN: ['areaCode'],
        ROLE_NOT_ASSIGNABLE: ['role'],
        ROLE_UNIT_MISMATCH: ['unitId'],
        UNIT_UNKNOWN: ['unitId'],
        SELF_LOCKOUT: ['role'],
      },
    }),
    [t],
  );
  const createForm = useSchemaForm(form, UsersCreateBody, mapping);
  const updateForm = useSchemaForm(form, UsersUpdateBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    if (!editing) return;
    const fresh = await fetchUser(editing.id);
    setEditing(fresh);
    form.setFieldsValue(valuesOf(fresh));
  });

  const onValuesChange = (changed: Partial<FormValues>, all: FormValues) => {
    if (changed.unitId) {
      const unit = units?.find((u) => u.id === changed.unitId);
      if (unit) form.setFieldValue('areaCode', unit.area.code);
      return;
    }
    if (!changed.role) return;
    const bound = all.unitId ? units?.find((u) => u.id === all.unitId) : undefined;
    if (all.unitId && (!bound || !unitFits(changed.role, bound))) form.setFieldValue('unitId', null);
    if (!all.areaCode) return;
    const area = index.byCode.get(all.areaCode);
    if (area && !roleAreaKinds[changed.role].includes(area.kind)) form.setFieldValue('areaCode', undefined);
    else if (roleUnitKinds[changed.role] && !bound) form.setFieldValue('areaCode', undefined);
  };

  const submit = (values: FormValues) => {
    if (!editing) {
      const body = createForm.validate({
        username: values.username,
        name: values.name,
        phone: blankToNull(values.phone),
        role: values.role,
        areaCode: values.areaCode,
        unitId: values.unitId ?? null,
        rank: values.rank ?? null,
        password: values.password,
      });
      if (!body) return;
      createUser.mutate(body, {
        onSuccess: (user) => {
          message.success(t('users.created', { name: user.name }));
          onClose();
        },
        onError: createForm.handleError,
      });
      return;
    }
    // Only what changed is sent, so an edit never touches fields it did not mean to.
    const phone = blankToNull(values.phone);
    const rank = values.rank ?? null;
    const nextUnit = values.unitId ?? null;
    const body = updateForm.validate({
      ...(values.name.trim() !== editing.name ? { name: values.name } : {}),
      ...(phone !== editing.phone ? { phone } : {}),
      ...(values.role !== editing.role ? { role: values.role } : {}),
      ...(values.areaCode !== editing.areaCode ? { areaCode: values.areaCode } : {}),
      ...(nextUnit !== (editing.unit?.id ?? null) ? { unitId: nextUnit } : {}),
      ...(rank !== editing.rank ? { rank } : {}),
      version: editing.version,
    });
    if (!body) return;
    updateUser.mutate(
      { id: editing.id, body },
      {
        onSuccess: (user) => {
          message.success(t('users.updated', { name: user.name }));
          onClose();
        },
        onError: catchConflict(updateForm.handleError),
      },
    );
  };

  const saving = createUser.isPending || updateUser.isPending;

  return (
    <Modal
      title={editing ? t('users.editTitle', { name: editing.name }) : t('users.createTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, disabled: conflict, 'data-testid': 'user-form-submit' }}
      width={560}
    >
      {alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="user-form"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={onValuesChange}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('users.usernameRule') },
            { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input
            disabled={editing !== undefined}
            autoComplete="off"
            maxLength={40}
            placeholder={t('users.usernameRule')}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('users.nameRule') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          // A masked number (138****9469) is the one on file, left as it was: it is not sent.
          rules={[{ pattern: /^(1\d{10}|1\d{2}\*{4}\d{4})$/, message: t('users.phoneRule') }]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRule') }]}
        >
          <Select options={roleOptions} disabled={roleFixed} data-testid="user-form-role" />
        </Form.Item>
        {role && (unitKinds || unitOptions.length > 0) && (
          <Form.Item
            name="unitId"
            label={t('users.unit')}
            rules={[{ required: unitKinds !== undefined, message: t('users.unitRule') }]}
            extra={
              unitKinds
                ? t('users.unitHint', { kinds: unitKinds.map((k) => unitKindLabel(t, k)).join('、') })
                : t('users.unitOptional')
            }
          >
            <Select
              options={unitOptions}
              allowClear={unitKinds === undefined}
              disabled={roleFixed}
              loading={unitsLoading}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="user-form-unit"
            />
          </Form.Item>
        )}
        <Form.Item
          name="areaCode"
          label={t('users.area')}
          rules={[{ required: true, message: t('users.areaRule') }]}
          extra={
            role
              ? t('users.areaKindsHint', { kinds: allowedKinds.map((k) => areaKindLabel(t, k)).join('、') })
              : t('users.selectRoleFirst')
          }
        >
          <TreeSelect
            treeData={areaTree}
            disabled={!role || roleFixed || areaFollowsUnit}
            loading={areasLoading}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
            popupMatchSelectWidth={false}
            data-testid="user-form-area"
          />
        </Form.Item>
        <Form.Item name="rank" label={t('users.rank')}>
          <Select
            allowClear
            placeholder={t('users.rankPlaceholder')}
            options={ranks.map((r) => ({ value: r, label: rankLabel(t, r) }))}
          />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            rules={strongPasswordRules(t, () => form.getFieldValue('username') ?? '')}
            dependencies={['username']}
          >
            <Input.Password autoComplete="new-password" placeholder={t('password.rule')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
