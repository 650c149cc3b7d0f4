import { type Household, HouseholdPatchBody, householdStatuses } from '@lianxin/common';
import { App, Col, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { blankToNull, changedFields, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { householdStatusLabel } from './household-labels';
import { useHouseholdFormOptions } from './household-options';
import { useHousehold, useUpdateHousehold } from './households.api';
import { phoneRule } from './resident-fields';

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
  const { areaTree, areasLoading, tagOptions, tagsLoading } = useHouseholdFormOptions();

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
  const { validate, handleError } = useSchemaForm(form, HouseholdPatchBody, mapping);
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
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="areaCode"
              label={t('household.area')}
              rules={[{ required: true, message: t('household.areaRule') }]}
              extra={t('household.moveHint')}
            >
              <TreeSelect
                treeData={areaTree}
                loading={areasLoading}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandedKeys={[household.villageCode]}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="number"
              label={t('household.number')}
              rules={[{ required: true, whitespace: true, max: 30, message: t('household.numberRule') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('household.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('household.phone')} rules={[phoneRule(t)]}>
              <Input maxLength={13} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('household.status')}>
              <Select
                options={householdStatuses.map((s) => ({ value: s, label: householdStatusLabel(t, s) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('household.tags')} extra={t('household.tagsHint')}>
              <Select
                mode="multiple"
                allowClear
                loading={tagsLoading}
                options={tagOptions}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
