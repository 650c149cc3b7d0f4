import { type Webhook, WebhooksCreateBody, WebhooksUpdateBody, webhookEvents } from '@lianxin/common';
import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useCreateWebhook, useUpdateWebhook } from './integrations.api';
import { eventLabel } from './integrations.labels';

interface FormValues {
  url: string;
  events: Webhook['events'];
  active: boolean;
}

/** Adds a webhook (its signing secret is then shown once) or edits one. */
export function WebhookFormModal(props: {
  integrationId: string;
  webhook: Webhook | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onSecret: (secret: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const editing = props.webhook;
  const [initialValues] = useState<FormValues>(() => ({
    url: editing?.url ?? 'https://',
    events: editing?.events ?? ['appeal.created'],
    active: editing?.active ?? true,
  }));
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const mapping = useMemo<FieldErrorMapping>(() => ({ codes: { WEBHOOK_URL_NOT_ALLOWED: ['url'] } }), []);
  const createForm = useSchemaForm(form, WebhooksCreateBody, mapping);
  const updateForm = useSchemaForm(form, WebhooksUpdateBody, mapping);

  const submit = (values: FormValues) => {
    const id = props.integrationId;
    if (!editing) {
      const body = createForm.validate(values);
      if (!body) return;
      create.mutate(
        { id, body },
        {
          onSuccess: (created) => {
            props.onSecret(created.secret);
            props.onClose();
          },
          onError: createForm.handleError,
        },
      );
      return;
    }
    const body = updateForm.validate({ ...values, version: editing.version });
    if (!body) return;
    update.mutate(
      { id, webhookId: editing.id, body },
      { onSuccess: props.onClose, onError: updateForm.handleError },
    );
  };

  return (
    <Modal
      title={editing ? t('integrations.webhooks.edit') : t('integrations.webhooks.new')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'webhook-form-submit' }}
      width={560}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="webhook-form"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item
          name="url"
          label={t('integrations.webhooks.url')}
          extra={t('integrations.webhooks.urlHelp')}
          rules={[{ required: true, type: 'url' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="events" label={t('integrations.webhooks.events')} rules={[{ required: true }]}>
          <Checkbox.Group options={webhookEvents.map((e) => ({ value: e, label: t(eventLabel(e)) }))} />
        </Form.Item>
        <Form.Item name="active" label={t('integrations.status')} valuePropName="checked">
          <Switch checkedChildren={t('integrations.active')} unCheckedChildren={t('integrations.inactive')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
