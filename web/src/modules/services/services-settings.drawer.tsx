import { type ServiceSettings, ServiceSettingsSchema } from '@lianxin/common';
import { App, Drawer, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { DrawerFooter } from '../../shared/form-actions';
import { useServiceSettings, useUpdateServiceSettings } from './ratings.api';

const fields = [
  { name: 'followUpWorkingDays', min: 1, max: 60 },
  { name: 'ratingPeriodDays', min: 1, max: 90 },
  { name: 'paperRetentionDays', min: 1, max: 3650 },
  { name: 'warnWorkingDaysBefore', min: 0, max: 10 },
] as const satisfies readonly { name: keyof ServiceSettings; min: number; max: number }[];

/** The district's services periods: 差评 answer, rating, papers kept, overdue warning. */
export function ServicesSettingsDrawer(props: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data } = useServiceSettings();
  const update = useUpdateServiceSettings();
  const [form] = Form.useForm<ServiceSettings>();

  useEffect(() => {
    if (props.open && data) form.setFieldsValue(data);
  }, [props.open, data, form]);

  const save = async () => {
    const values = ServiceSettingsSchema.parse(await form.validateFields());
    update.mutate(values, {
      onSuccess: () => {
        message.success(t('servicesWeb.saved'));
        props.onClose();
      },
      onError: showError,
    });
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('servicesWeb.settings.title')}
      width={420}
      footer={
        <DrawerFooter
          onCancel={props.onClose}
          onSave={save}
          saving={update.isPending}
          testId="services-settings-save"
        />
      }
    >
      <Form form={form} layout="vertical">
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(`servicesWeb.settings.${f.name}`)}
            rules={[{ required: true }]}
          >
            <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
