import { type Household, HouseholdsUpdateBody, householdStatuses } from '@lianxin/common';
import { App, Col, Form, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { blankToNull, changedFields, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { HouseholdBasicFields } from './household-basic-fields';
import { householdStatusLabel } from './household-labels';
import { useHousehold, useUpdateHousehold } from './households.api';

interface FormValues {
  areaCode: string;
  number: string;
  address: string;
  phone: string;
  status: Household['status'];
  tags: string[];
}

function valuesOf(household: Household): FormValues {
  return {
    areaCode: household.areaCode,
    number: household.number,
    address: household.address,
    phone: household.phone ?? '',
    status: household.status,
    tags: household.tags,
  };
}

function bodyOf(values: FormValues) {
  return {
    areaCode: values.areaCode,
    number: values.number.trim(),
    address: values.address.trim(),
    phone: blankToNull(values.phone),
    status: values.status,
    tags: values.tags,
  };
}

/** Edits the basics of a household file; a stale version shows the conflict warning. */
export function HouseholdEditModal(props: {
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
  const [initialValues] = useState(() => valuesOf(household));
  const { refetch } = useHousehold(household.id);
  const update = useUpdateHousehold();

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { number: t('household.numberRule'), phone: t('household.phoneRule') },
      codes: {
        HOUSEHOLD_NUMBER_TAKEN: ['number'],
        AREA_UNKNOWN: ['areaCode'],
        AREA_LEVEL_INVALID: ['areaCode'],
        TAG_UNKNOWN: ['tags'],
      },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, HouseholdsUpdateBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    const { data } = await refetch();
    if (!data) return;
    setHousehold(data);
    form.setFieldsValue(valuesOf(data));
  });

  const submit = (values: FormValues) => {
    const changed = changedFields(bodyOf(values), bodyOf(valuesOf(household)));
    if (Object.keys(changed).length === 0) {
      onClose();
      return;
    }
    const body = validate({ ...changed, version: household.version });
    if (!body) return;
    update.mutate(
      { id: household.id, body },
      {
        onSuccess: (updated) => {
          message.success(t('household.updated', { number: updated.number }));
          onClose();
        },
        onError: catchConflict(handleError),
      },
    );
  };

  return (
    <Modal
      title={t('household.editTitle', { number: household.number })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: update.isPending,
        disabled: conflict,
        'data-testid': 'household-edit-submit',
      }}
      width={680}
    >
      {alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="household-edit"
        initialValues={initialValues}
        onFinish={submit}
      >
        <HouseholdBasicFields
          areaHint={t('household.moveHint')}
          expandedKeys={[household.villageCode]}
          tagsHint={t('household.tagsHint')}
        >
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('household.status')}>
              <Select
                options={householdStatuses.map((s) => ({ value: s, label: householdStatusLabel(t, s) }))}
              />
            </Form.Item>
          </Col>
        </HouseholdBasicFields>
      </Form>
    </Modal>
  );
}
