import type { DispatchSettings } from '@lianxin/common';
import { Alert, App, Button, Form, InputNumber, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useDispatchSettings, useSaveDispatchSettings } from './dispatch.api';

/** 派单设置: how long a department may return a dispatch, and how long co-units have for their part. */
export function DispatchSettingsForm() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<DispatchSettings>();
  const { data, isPending } = useDispatchSettings();
  const save = useSaveDispatchSettings();
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  if (isPending) return <Skeleton active />;
  return (
    <Form
      form={form}
      layout="vertical"
      name="dispatch-settings"
      style={{ maxWidth: 480 }}
      onFinish={(values) =>
        save.mutate(values, {
          onSuccess: () => message.success(t('dispatch.settings.saved')),
          onError: showError,
        })
      }
    >
      <Alert type="info" showIcon title={t('dispatch.settings.intro')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="returnWindowWorkingDays"
        label={t('dispatch.settings.returnWindow')}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: 10,
            message: t('dispatch.settings.rule', { min: 1, max: 10 }),
          },
        ]}
      >
        <InputNumber
          min={1}
          max={10}
          precision={0}
          addonAfter={t('dispatch.settings.workingDays')}
          data-testid="dispatch-settings-return"
        />
      </Form.Item>
      <Form.Item
        name="coPartWorkingDays"
        label={t('dispatch.settings.coPart')}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: 30,
            message: t('dispatch.settings.rule', { min: 1, max: 30 }),
          },
        ]}
      >
        <InputNumber min={1} max={30} precision={0} addonAfter={t('dispatch.settings.workingDays')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="dispatch-settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
