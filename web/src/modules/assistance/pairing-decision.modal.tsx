import { type Pairing, PairingEndBody, PairingKeepBody } from '@lianxin/common';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { tierLabel } from '../tiering/tier-tag';
import { useEndPairing, useKeepPairing } from './assistance.api';

export type PairingDecision = 'end' | 'keep';

interface DecisionValues {
  endDate: Dayjs;
  reason?: string;
}

/**
 * 解除结对 or 继续帮扶: ends a pairing (a date and a reason), or keeps one whose household left the
 * priority tier, so that it is not asked about again until the tier changes.
 */
export function PairingDecisionModal(props: {
  pairing: Pairing;
  decision: PairingDecision;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { pairing, decision, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const end = useEndPairing();
  const keep = useKeepPairing();
  const [initialValues] = useState<DecisionValues>(() => ({ endDate: dayjs() }));
  const endForm = useSchemaForm(form, PairingEndBody);
  const keepForm = useSchemaForm(form, PairingKeepBody, { rename: { note: ['reason'] } });
  const pending = end.isPending || keep.isPending;

  const submit = (values: DecisionValues) => {
    if (decision === 'keep') {
      const body = keepForm.validate({ version: pairing.version, note: values.reason ?? '' });
      if (!body) return;
      keep.mutate(
        { id: pairing.id, body },
        {
          onSuccess: () => {
            message.success(t('assistance.pairings.kept', { number: pairing.householdNumber }));
            onClose();
          },
          onError: keepForm.handleError,
        },
      );
      return;
    }
    const body = endForm.validate({
      version: pairing.version,
      endDate: values.endDate.format('YYYY-MM-DD'),
      reason: values.reason ?? '',
    });
    if (!body) return;
    end.mutate(
      { id: pairing.id, body },
      {
        onSuccess: () => {
          message.success(t('assistance.pairings.ended', { number: pairing.householdNumber }));
          onClose();
        },
        onError: endForm.handleError,
      },
    );
  };

  return (
    <Modal
      title={t(decision === 'end' ? 'assistance.pairings.endTitle' : 'assistance.pairings.keepTitle', {
        number: pairing.householdNumber,
      })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t(decision === 'end' ? 'assistance.pairings.end' : 'assistance.pairings.keep')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: pending,
        danger: decision === 'end',
        'data-testid': 'pairing-decision-submit',
      }}
    >
      <Typography.Paragraph type="secondary">
        {decision === 'keep'
          ? t('assistance.pairings.keepLead', {
              head: pairing.headName ?? '—',
              cadre: pairing.cadreName,
              tier: tierLabel(t, pairing.tier),
            })
          : t('assistance.pairings.endLead', { head: pairing.headName ?? '—', cadre: pairing.cadreName })}
      </Typography.Paragraph>
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        name="pairing-decision"
        initialValues={initialValues}
        onFinish={submit}
      >
        {decision === 'end' && (
          <Form.Item name="endDate" label={t('assistance.endDate')} rules={[{ required: true }]}>
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              disabledDate={(d) => d.isBefore(dayjs(pairing.startDate), 'day')}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t(decision === 'end' ? 'assistance.pairings.endReason' : 'assistance.pairings.keepNote')}
          rules={
            decision === 'end' ? [{ required: true, message: t('assistance.pairings.endReasonRule') }] : []
          }
        >
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="pairing-decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
