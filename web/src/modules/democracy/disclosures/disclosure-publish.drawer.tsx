import {
  type DisclosureCategory,
  DisclosurePublishBody,
  disclosureCategories,
  type FinanceCadence,
} from '@lianxin/common';
import { Drawer, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../i18n/i18n';
import { clientUuid } from '../../../shared/client-id';
import { useShowError } from '../../../shared/feedback';
import { DrawerFooter } from '../../../shared/form-actions';
import { categoryLabel } from './disclosure-labels';
import { usePublishDisclosure } from './disclosures.api';

interface Values {
  category: DisclosureCategory;
  period: string;
  title: string;
  content: string;
}

/** Publishes a village's disclosure: a category's period (in the shape its category takes), title and text. */
export function DisclosurePublishDrawer(props: {
  open: boolean;
  villageCode: string;
  cadence: FinanceCadence;
  /** The line of the schedule being published, if one was picked. */
  preset: { category: DisclosureCategory; period: string } | null;
  onClose: () => void;
}) {
  const { open, villageCode, cadence, preset, onClose } = props;
  const t = useT();
  const [form] = Form.useForm<Values>();
  const publish = usePublishDisclosure();
  const showError = useShowError();
  const category = Form.useWatch('category', form) ?? 'finance';

  useEffect(() => {
    if (open) form.setFieldsValue({ category: preset?.category ?? 'finance', period: preset?.period ?? '' });
  }, [open, preset, form]);

  const hint =
    category === 'finance'
      ? t(`disclosures.field.periodHint.finance.${cadence}`)
      : t(`disclosures.field.periodHint.${category}`);

  const save = async () => {
    const values = await form.validateFields();
    const body = DisclosurePublishBody.safeParse({ id: clientUuid(), villageCode, ...values });
    if (!body.success) return;
    try {
      await publish.mutateAsync(body.data);
      form.resetFields();
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('disclosures.publish')}
      width={520}
      styles={{ body: { paddingBottom: 24 } }}
      footer={
        <DrawerFooter onCancel={onClose} onSave={save} saving={publish.isPending} testId="disclosure-save" />
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="disclosure-publish">
        <Form.Item name="category" label={t('disclosures.field.category')} rules={[{ required: true }]}>
          <Select options={disclosureCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('disclosures.field.period')}
          extra={hint}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input placeholder={hint} data-testid="disclosure-period" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('disclosures.field.title')}
          rules={[{ required: true, whitespace: true, max: 120 }]}
        >
          <Input data-testid="disclosure-title" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('disclosures.field.content')}
          rules={[{ required: true, whitespace: true, max: 20_000 }]}
        >
          <Input.TextArea rows={8} data-testid="disclosure-content" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
