import { type CadreLoad, Quota } from '@lianxin/common';
import { App, Button, Col, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { useSetQuota } from './assistance.api';

interface QuotaValues {
  min?: number;
  max?: number;
}

/** 调整帮扶指标: a cadre's own minimum and maximum, or back to their group's. */
export function QuotaModal(props: {
  cadre: CadreLoad;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { cadre, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<QuotaValues>();
  const save = useSetQuota();
  const [initialValues] = useState<QuotaValues>(() => ({ ...cadre.quota }));
  const { validate, handleError } = useSchemaForm(form, Quota, {
    messages: { min: t('assistance.quota.rangeRule') },
  });

  const submit = (values: QuotaValues) => {
    const body = validate({ min: values.min, max: values.max });
    if (!body) return;
    if (body.min > body.max) {
      form.setFields([{ name: 'min', errors: [t('assistance.quota.rangeRule')] }]);
      return;
    }
    save.mutate(
      { cadreId: cadre.id, quota: body },
      {
        onSuccess: () => {
          message.success(t('assistance.quota.saved', { name: cadre.name }));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  const reset = () =>
    save.mutate(
      { cadreId: cadre.id, quota: null },
      {
        onSuccess: () => {
          message.success(t('assistance.quota.resetDone', { name: cadre.name }));
          onClose();
        },
        onError: handleError,
      },
    );

  return (
    <Modal
      title={t('assistance.quota.title', { name: cadre.name })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      footer={[
        cadre.quotaOverridden && (
          <Button key="reset" onClick={reset} disabled={save.isPending} data-testid="quota-reset">
            {t('assistance.quota.reset')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="quota-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t(cadre.quotaOverridden ? 'assistance.quota.ownHint' : 'assistance.quota.groupHint', {
          paired: cadre.paired,
        })}
      </Typography.Paragraph>
      <Form<QuotaValues>
        form={form}
        layout="vertical"
        name="quota-form"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="min" label={t('assistance.quota.min')} rules={[{ required: true }]}>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('assistance.households')}
                data-testid="quota-min"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="max" label={t('assistance.quota.max')} rules={[{ required: true }]}>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('assistance.households')}
                data-testid="quota-max"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
