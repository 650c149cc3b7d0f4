import {
  type Household,
  type Resident,
  ResidentInput,
  ResidentsUpdateBody,
  relations,
} from '@lianxin/common';
import { App, Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { changedFields, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { useAddResident, useHousehold, useUpdateResident } from './households.api';
import {
  emptyResident,
  ResidentFields,
  type ResidentFormValues,
  residentValues,
  toResidentBody,
} from './resident-fields';

export type ResidentFormTarget = { mode: 'add' } | { mode: 'edit'; resident: Resident };

// The head is chosen when the file is created and handed over with "变更户主", never by editing.
const memberRelations = relations.filter((r) => r !== 'head');

/** Adds a member to a household, or edits one (only the changed fields are sent). */
export function ResidentFormModal(props: {
  household: Household;
  target: ResidentFormTarget;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { household, target, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResidentFormValues>();
  const { refetch } = useHousehold(household.id);
  const addResident = useAddResident();
  const updateResident = useUpdateResident();
  const [editing, setEditing] = useState(target.mode === 'edit' ? target.resident : undefined);
  const [initialValues] = useState(() => (editing ? residentValues(editing) : emptyResident()));

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { name: t('resident.nameRule'), phone: t('household.phoneRule') },
      codes: { ID_NUMBER_TAKEN: ['idNumber'], TAG_UNKNOWN: ['tags'], HOUSEHOLD_HEAD_INVALID: ['status'] },
    }),
    [t],
  );
  const addForm = useSchemaForm(form, ResidentInput, mapping);
  const editForm = useSchemaForm(form, ResidentsUpdateBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    const { data } = await refetch();
    const fresh = data?.members.find((m) => m.id === editing?.id);
    if (!fresh) return;
    setEditing(fresh);
    form.setFieldsValue(residentValues(fresh));
  });

  const done = (key: 'resident.added' | 'resident.updated', name: string) => {
    message.success(t(key, { name }));
    onClose();
  };

  const submit = (values: ResidentFormValues) => {
    if (!editing) {
      const body = addForm.validate(toResidentBody(values));
      if (!body) return;
      addResident.mutate(
        { householdId: household.id, body },
        { onSuccess: () => done('resident.added', body.name), onError: addForm.handleError },
      );
      return;
    }
    const next = toResidentBody(values);
    const { idNumber, ...changed } = changedFields(next, toResidentBody(residentValues(editing)));
    // The form never holds the stored number (it comes masked): a typed one replaces it.
    const body = editForm.validate({
      ...changed,
      ...(idNumber ? { idNumber } : {}),
      version: editing.version,
    });
    if (!body) return;
    updateResident.mutate(
      { residentId: editing.id, body },
      {
        onSuccess: () => done('resident.updated', values.name.trim()),
        onError: catchConflict(editForm.handleError),
      },
    );
  };

  const isHead = editing?.relation === 'head';
  return (
    <Modal
      title={editing ? t('resident.editTitle', { name: editing.name }) : t('resident.addTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: addResident.isPending || updateResident.isPending,
        disabled: conflict,
        'data-testid': 'resident-form-submit',
      }}
      width={760}
    >
      {alert}
      <Form<ResidentFormValues>
        form={form}
        layout="vertical"
        name="resident-form"
        initialValues={initialValues}
        onFinish={submit}
      >
        <ResidentFields
          relations={isHead ? relations : memberRelations}
          relationLocked={isHead}
          maskedIdNumber={editing?.idNumber}
          showStatus={editing !== undefined}
        />
      </Form>
    </Modal>
  );
}
