import { type CadreLoad, PairingCreateBody, type UnpairedHousehold } from '@lianxin/common';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { useCreatePairing } from './assistance.api';
import { CadreSelect, cadresFor } from './cadre-select';

type Household = z.infer<typeof UnpairedHousehold>;

interface PairValues {
  cadreId?: string;
  startDate: Dayjs;
  reason?: string;
}

/** 结对: one unpaired household and a helper among the board's cadres who work in its village. */
export function PairModal(props: {
  household: Household;
  cadres: readonly CadreLoad[];
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { household, cadres, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PairValues>();
  const create = useCreatePairing();
  const candidates = useMemo(() => cadresFor(cadres, household.villageCode), [cadres, household]);
  const [initialValues] = useState<PairValues>(() => ({ startDate: dayjs() }));
  const { validate, handleError } = useSchemaForm(form, PairingCreateBody, {
    codes: { QUOTA_EXCEEDED: ['cadreId'], PAIRING_OUTSIDE_AREA: ['cadreId'] },
  });

  const submit = (values: PairValues) => {
    const body = validate({
      householdId: household.id,
      cadreId: values.cadreId,
      startDate: values.startDate.format('YYYY-MM-DD'),
      reason: values.reason ?? '',
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (pairing) => {
        message.success(
          t('assistance.pair.done', { number: pairing.householdNumber, name: pairing.cadreName }),
        );
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title={t('assistance.pair.title', { number: household.number })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('assistance.pair.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'pair-submit' }}
    >
      <Typography.Paragraph type="secondary">
        {t('assistance.pair.lead', { head: household.headName ?? '—', village: household.villageName })}
      </Typography.Paragraph>
      {candidates.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('assistance.pair.noCadres')} />
      )}
      <Form<PairValues>
        form={form}
        layout="vertical"
        name="pair-form"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item
          name="cadreId"
          label={t('assistance.cadre')}
          extra={t('assistance.pair.cadreHint')}
          rules={[{ required: true, message: t('assistance.cadre.required') }]}
        >
          <CadreSelect cadres={candidates} forPairing data-testid="pair-cadre" />
        </Form.Item>
        <Form.Item name="startDate" label={t('assistance.startDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={t('assistance.pair.reason')}>
          <Input maxLength={200} placeholder={t('assistance.pair.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
