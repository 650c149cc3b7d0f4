import { type Household, TierOverridesProposeBody, tiers } from '@lianxin/common';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { TierTag } from './tier-tag';
import { useProposeOverride } from './tiering.api';

interface FormValues {
  tier?: TierOverridesProposeBody['tier'];
  reason?: string;
}

/** A cadre proposes to set the household's tier by hand (人工调整); the town head decides. */
export function OverrideProposeModal(props: {
  household: Household;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { household, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const propose = useProposeOverride();
  const mapping = useMemo<FieldErrorMapping>(
    () => ({ messages: { reason: t('overrides.reasonRule') }, codes: { OVERRIDE_PENDING: ['tier'] } }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, TierOverridesProposeBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({ tier: values.tier, reason: values.reason ?? '' });
    if (!body) return;
    propose.mutate(
      { householdId: household.id, body },
      {
        onSuccess: () => {
          message.success(t('overrides.proposeDone'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      title={t('overrides.proposeTitle', { number: household.number })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('overrides.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: propose.isPending, 'data-testid': 'override-propose-submit' }}
    >
      <Typography.Paragraph type="secondary">
        {t('overrides.proposeIntro')} <TierTag tier={household.tier} source={household.tierSource} />
      </Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" name="override-propose" onFinish={submit}>
        <Form.Item
          name="tier"
          label={t('overrides.tier')}
          rules={[{ required: true, message: t('overrides.tierRule') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={tiers
              .filter((tier) => tier !== household.tier || household.tierSource === 'override')
              .map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('overrides.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('overrides.reasonRule') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('overrides.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
