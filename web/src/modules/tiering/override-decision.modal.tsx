import { type TierOverride, TierOverridesDecisionBody } from '@lianxin/common';
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { TierTag } from './tier-tag';
import { type OverrideDecision, useDecideOverride } from './tiering.api';

export interface DecisionTarget {
  override: TierOverride;
  decision: OverrideDecision;
}

interface FormValues {
  note?: string;
}

/** Approves, rejects or revokes a proposal to set a household's tier by hand, with a note. */
export function OverrideDecisionModal(props: {
  target: DecisionTarget;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { target, open, onClose, afterClose } = props;
  const { override, decision } = target;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const decide = useDecideOverride();
  const { validate, handleError } = useSchemaForm(form, TierOverridesDecisionBody);

  const submit = (values: FormValues) => {
    const body = validate({ note: values.note ?? '' });
    if (!body) return;
    decide.mutate(
      { id: override.id, decision, note: body.note },
      {
        onSuccess: () => {
          message.success(t(`overrides.${decision}Done`, { number: override.householdNumber }));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      title={t(`overrides.${decision}Title`, { number: override.householdNumber })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t(`overrides.${decision}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: decide.isPending,
        danger: decision !== 'approve',
        'data-testid': 'decision-submit',
      }}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'household',
            label: t('household.number'),
            children: `${override.householdNumber} · ${override.headName ?? '—'} · ${override.areaName}`,
          },
          {
            key: 'current',
            label: t('overrides.currentTier'),
            children: <TierTag tier={override.currentTier} />,
          },
          { key: 'tier', label: t('overrides.tier'), children: <TierTag tier={override.tier} /> },
          { key: 'reason', label: t('overrides.reason'), children: override.reason },
        ]}
      />
      <Form<FormValues> form={form} layout="vertical" name="override-decision" onFinish={submit}>
        <Form.Item name="note" label={t('overrides.note')} extra={t(`overrides.${decision}Hint`)}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
