import { isArticle24, MatterCreateBody, type MatterKind, matterKinds } from '@lianxin/common';
import { Alert, Drawer, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n';
import { clientUuid } from '../../shared/client-id';
import { DrawerFooter } from '../../shared/form-actions';
import { useSchemaForm } from '../../shared/forms';
import { useCreateMatter } from './democracy.api';
import { useVillages } from './democracy-labels';

interface Values {
  villageCode: string;
  title: string;
  description: string;
  kind: MatterKind;
  estimatedAmount: number | null;
}

/** Proposing a matter (议题): its village, title, description, kind and estimated amount. */
export function MatterFormDrawer(props: {
  open: boolean;
  villageCode: string | undefined;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { villages, ownVillage } = useVillages();
  const create = useCreateMatter();
  const { validate, handleError } = useSchemaForm(form, MatterCreateBody);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue({ villageCode: ownVillage ?? props.villageCode, kind: 'public_welfare' });
  }, [props.open, props.villageCode, ownVillage, form]);

  const save = async () => {
    const values = await form.validateFields();
    const body = validate({ ...values, id: clientUuid(), estimatedAmount: values.estimatedAmount ?? null });
    if (!body) return;
    create.mutate(body, { onSuccess: (matter) => props.onSaved(matter.id), onError: handleError });
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('democracyWeb.matter.create')}
      width={520}
      destroyOnHidden
      footer={
        <DrawerFooter onCancel={props.onClose} onSave={save} saving={create.isPending} testId="matter-save" />
      }
    >
      <Form<Values> form={form} layout="vertical" name="matter-form">
        <Form.Item name="villageCode" label={t('democracyWeb.field.village')} rules={[{ required: true }]}>
          <Select
            disabled={ownVillage !== undefined}
            showSearch={{ optionFilterProp: 'label' }}
            options={villages.map((v) => ({ value: v.code, label: v.name }))}
            data-testid="matter-village"
          />
        </Form.Item>
        <Form.Item name="title" label={t('democracyWeb.field.title')} rules={[{ required: true, max: 120 }]}>
          <Input data-testid="matter-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('democracyWeb.field.kind')} rules={[{ required: true }]}>
          <Select options={matterKinds.map((k) => ({ value: k, label: t(`democracy.kind.${k}`) }))} />
        </Form.Item>
        {kind && isArticle24(kind) && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('democracyWeb.matter.article24')}
          />
        )}
        <Form.Item
          name="description"
          label={t('democracyWeb.field.description')}
          rules={[{ required: true, max: 10_000 }]}
        >
          <Input.TextArea rows={5} data-testid="matter-description" />
        </Form.Item>
        <Form.Item name="estimatedAmount" label={t('democracyWeb.field.amount')}>
          <InputNumber<number>
            min={0}
            precision={2}
            style={{ width: '100%' }}
            addonAfter={t('democracyWeb.yuan')}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
