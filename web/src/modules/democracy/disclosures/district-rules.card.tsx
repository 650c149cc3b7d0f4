import { DisclosureSettings } from '@lianxin/common';
import { App, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../i18n/i18n';
import { useShowError } from '../../../shared/feedback';
import { useDisclosureSettings, useUpdateDisclosureSettings } from './disclosures.api';

/** The district's rules: whether finances may go quarterly, the due day, the days for a major matter. */
export function DistrictRulesCard() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data } = useDisclosureSettings();
  const update = useUpdateDisclosureSettings();
  const [form] = Form.useForm<DisclosureSettings>();
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const save = async () => {
    const values = DisclosureSettings.safeParse(await form.validateFields());
    if (!values.success) return;
    try {
      await update.mutateAsync(values.data);
      message.success(t('disclosures.scheduleSaved'));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card size="small" title={t('disclosures.districtRules')}>
      <Form form={form} layout="inline" name="disclosure-district-rules" style={{ rowGap: 8 }}>
        <Form.Item
          name="financeQuarterlyAllowed"
          label={t('disclosures.quarterlyAllowed')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="dueDay" label={t('disclosures.dueDay')} rules={[{ required: true }]}>
          <InputNumber min={1} max={28} />
        </Form.Item>
        <Form.Item
          name="majorWithinDays"
          label={t('disclosures.majorWithinDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={30} />
        </Form.Item>
        <Button onClick={save} loading={update.isPending} data-testid="disclosure-district-save">
          {t('disclosures.saveSchedule')}
        </Button>
      </Form>
    </Card>
  );
}
