import {
  type Integration,
  type IntegrationScope,
  IntegrationsCreateBody,
  IntegrationsUpdateBody,
  integrationScopes,
  integrationsApi,
  roleAreaKinds,
} from '@lianxin/common';
import { App, Checkbox, Form, Input, InputNumber, Modal, Switch, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useCreateIntegration, useUpdateIntegration } from './integrations.api';
import { scopeLabel } from './integrations.labels';

interface FormValues {
  name: string;
  description: string;
  areaCode?: string;
  scopes: IntegrationScope[];
  rateLimitPerMinute: number;
  active: boolean;
}

function valuesOf(integration: Integration | null): FormValues {
  return {
    name: integration?.name ?? '',
    description: integration?.description ?? '',
    areaCode: integration?.areaCode,
    scopes: integration?.scopes ?? ['appeals.read', 'appeals.create'],
    rateLimitPerMinute: integration?.rateLimitPerMinute ?? 60,
    active: integration?.active ?? true,
  };
}

/** Creates an integration (the area it acts for is fixed once made) or edits one. */
export function IntegrationFormModal(props: {
  integration: Integration | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState(props.integration);
  const [initialValues] = useState(() => valuesOf(editing));
  const { index } = useAreaIndex();
  const create = useCreateIntegration();
  const update = useUpdateIntegration();
  const areaTree = useMemo(
    () => toTreeNodes(index, (area) => roleAreaKinds.integration.includes(area.kind)),
    [index],
  );
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      codes: {
        INTEGRATION_NAME_TAKEN: ['name'],
        AREA_UNKNOWN: ['areaCode'],
        ROLE_AREA_MISMATCH: ['areaCode'],
      },
    }),
    [],
  );
  const createForm = useSchemaForm(form, IntegrationsCreateBody, mapping);
  const updateForm = useSchemaForm(form, IntegrationsUpdateBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    if (!editing) return;
    const fresh = await api(integrationsApi.get, { params: { id: editing.id } });
    setEditing(fresh);
    form.setFieldsValue(valuesOf(fresh));
  });

  const submit = (values: FormValues) => {
    if (!editing) {
      const body = createForm.validate({
        name: values.name,
        description: values.description,
        areaCode: values.areaCode,
        scopes: values.scopes,
        rateLimitPerMinute: values.rateLimitPerMinute,
      });
      if (!body) return;
      create.mutate(body, {
        onSuccess: (created) => {
          message.success(created.name);
          props.onClose();
          props.onCreated(created.id);
        },
        onError: createForm.handleError,
      });
      return;
    }
    const body = updateForm.validate({
      name: values.name,
      description: values.description,
      scopes: values.scopes,
      rateLimitPerMinute: values.rateLimitPerMinute,
      active: values.active,
      version: editing.version,
    });
    if (!body) return;
    update.mutate(
      { id: editing.id, body },
      {
        onSuccess: (updated) => {
          message.success(updated.name);
          props.onClose();
        },
        onError: catchConflict(updateForm.handleError),
      },
    );
  };

  return (
    <Modal
      title={editing ? t('integrations.edit') : t('integrations.new')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: create.isPending || update.isPending,
        disabled: conflict,
        'data-testid': 'integration-form-submit',
      }}
      width={560}
    >
      {alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="integration-form"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('integrations.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('integrations.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('integrations.area')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={areaTree}
            disabled={editing !== null}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
          />
        </Form.Item>
        <Form.Item name="scopes" label={t('integrations.scopes')} rules={[{ required: true }]}>
          <Checkbox.Group options={integrationScopes.map((s) => ({ value: s, label: t(scopeLabel(s)) }))} />
        </Form.Item>
        <Form.Item name="rateLimitPerMinute" label={t('integrations.rateLimit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('integrations.status')} valuePropName="checked">
            <Switch
              checkedChildren={t('integrations.active')}
              unCheckedChildren={t('integrations.inactive')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
