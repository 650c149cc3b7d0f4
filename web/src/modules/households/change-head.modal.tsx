import { type Household, HouseholdsChangeHeadBody, relations } from '@lianxin/common';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { relationLabel } from './household-labels';
import { useChangeHead, useHousehold } from './households.api';

interface FormValues {
  residentId?: string;
  formerHeadRelation?: HouseholdsChangeHeadBody['formerHeadRelation'];
}

const formerHeadRelations = relations.filter((r) => r !== 'head');

/** Hands the headship (户主) to another active member; the former head takes a new relation. */
export function ChangeHeadModal(props: {
  household: Household;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [household, setHousehold] = useState(props.household);
  const { refetch } = useHousehold(household.id);
  const changeHead = useChangeHead();
  const mapping = useMemo<FieldErrorMapping>(
    () => ({ codes: { RESIDENT_NOT_IN_HOUSEHOLD: ['residentId'], HOUSEHOLD_HEAD_INVALID: ['residentId'] } }),
    [],
  );
  const { validate, handleError } = useSchemaForm(form, HouseholdsChangeHeadBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    const { data } = await refetch();
    if (data) setHousehold(data);
  });

  const head = household.members.find((m) => m.relation === 'head' && m.status === 'active');
  const candidates = household.members.filter((m) => m.status === 'active' && m.relation !== 'head');

  const submit = (values: FormValues) => {
    const body = validate({ ...values, version: household.version });
    if (!body) return;
    changeHead.mutate(
      { householdId: household.id, body },
      {
        onSuccess: (updated) => {
          const name = updated.members.find((m) => m.id === body.residentId)?.name ?? '';
          message.success(t('resident.headChanged', { name }));
          onClose();
        },
        onError: catchConflict(handleError),
      },
    );
  };

  return (
    <Modal
      title={t('resident.changeHeadTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: changeHead.isPending,
        disabled: conflict,
        'data-testid': 'change-head-submit',
      }}
    >
      {alert}
      <Typography.Paragraph type="secondary">
        {t('resident.changeHeadIntro', { name: head?.name ?? '—' })}
      </Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" name="change-head" onFinish={submit}>
        <Form.Item
          name="residentId"
          label={t('resident.newHead')}
          rules={[{ required: true, message: t('resident.newHeadRule') }]}
        >
          <Select
            options={candidates.map((m) => ({
              value: m.id,
              label: t('resident.nameWithRelation', { name: m.name, relation: relationLabel(t, m.relation) }),
            }))}
            notFoundContent={t('resident.noCandidates')}
          />
        </Form.Item>
        <Form.Item
          name="formerHeadRelation"
          label={t('resident.formerHeadRelation', { name: head?.name ?? '—' })}
          rules={[{ required: true, message: t('resident.relationRule') }]}
          extra={t('resident.formerHeadRelationHint')}
        >
          <Select options={formerHeadRelations.map((r) => ({ value: r, label: relationLabel(t, r) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
