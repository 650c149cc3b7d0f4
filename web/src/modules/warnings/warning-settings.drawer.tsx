import { WarningSettings } from '@lianxin/common';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useUpdateWarningSettings, useWarningSettings } from './warnings.api';

const numbers = [
  ['clusterMinAppeals', 2, 100],
  ['clusterDays', 1, 90],
  ['collectiveMinHouseholds', 2, 100],
  ['repeatMinAppeals', 2, 50],
  ['repeatDays', 1, 90],
] as const;

/**
 * The district's safety and risk words and the scan's thresholds, checked with the server's own
 * schema (which refuses petitioning words as risk words).
 */
export function WarningSettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data } = useWarningSettings(open);
  const update = useUpdateWarningSettings();
  const [form] = Form.useForm<WarningSettings>();
  useEffect(() => {
    if (open && data) form.setFieldsValue(data);
  }, [open, data, form]);

  const save = async () => {
    const values = await form.validateFields();
    const parsed = WarningSettings.safeParse(values);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({
          name: issue.path.slice(0, 1) as [keyof WarningSettings],
          errors: [issue.path[0] === 'riskWords' ? t('warnings.settings.riskWordsHint') : issue.message],
        })),
      );
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: () => {
        message.success(t('warnings.done'));
        onClose();
      },
      onError: showError,
    });
  };

  const words = (name: 'safetyWords' | 'riskWords') => (
    <Form.Item
      name={name}
      label={t(`warnings.settings.${name}`)}
      extra={t(`warnings.settings.${name}Hint`)}
      rules={[{ required: true, type: 'array' }]}
    >
      <Select
        mode="tags"
        open={false}
        tokenSeparators={[',', '，', '、', ' ']}
        placeholder={t('warnings.settings.wordsPlaceholder')}
        data-testid={`warning-settings-${name}`}
      />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={t('warnings.settings')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={save}
            data-testid="warning-settings-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {!data ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" initialValues={data}>
          {words('safetyWords')}
          {words('riskWords')}
          <Form.Item
            name="dutyOfficer"
            label={t('warnings.settings.dutyOfficer')}
            rules={[{ required: true, max: 40 }]}
          >
            <Input />
          </Form.Item>
          <Row gutter={16}>
            {numbers.map(([name, min, max]) => (
              <Col xs={24} sm={12} key={name}>
                <Form.Item name={name} label={t(`warnings.settings.${name}`)} rules={[{ required: true }]}>
                  <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} sm={12}>
              <Form.Item
                name="similarity"
                label={t('warnings.settings.similarity')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0.1} max={1} step={0.05} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Drawer>
  );
}
