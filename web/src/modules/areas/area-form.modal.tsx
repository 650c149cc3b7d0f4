import {
  type Area,
  type AreaFlags,
  AreasCreateBody,
  AreasUpdateBody,
  areaCodeLength,
  isValidAreaCode,
} from '@lianxin/common';
import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { areaKindLabel } from '../../shared/labels';
import { useVersionConflict } from '../../shared/version-conflict';
import { flagNames } from './area-flags';
import { childCodePrefix, childKindOf, suggestChildCode } from './area-tree';
import { useAreaIndex, useAreas, useCreateArea, useUpdateArea } from './areas.api';

export type AreaFormTarget = { mode: 'create'; parentCode: string } | { mode: 'edit'; code: string };

interface FormValues {
  code?: string;
  name: string;
  extremelyPoor: boolean;
  remote: boolean;
  hardToAdvance: boolean;
  disasterHit: boolean;
  disasterRange?: [Dayjs | null, Dayjs | null] | null;
}

function valuesOf(area: Area | undefined): FormValues {
  const flags = area?.flags;
  return {
    name: area?.name ?? '',
    extremelyPoor: flags?.extremelyPoor ?? false,
    remote: flags?.remote ?? false,
    hardToAdvance: flags?.hardToAdvance ?? false,
    disasterHit: flags?.disasterHit ?? false,
    disasterRange: flags?.disasterFrom
      ? [dayjs(flags.disasterFrom), flags.disasterTo ? dayjs(flags.disasterTo) : null]
      : null,
  };
}

function flagsOf(values: FormValues): AreaFlags {
  const [from, to] = values.disasterHit ? (values.disasterRange ?? [null, null]) : [null, null];
  return {
    extremelyPoor: values.extremelyPoor,
    remote: values.remote,
    hardToAdvance: values.hardToAdvance,
    disasterHit: values.disasterHit,
    disasterFrom: from ? from.format('YYYY-MM-DD') : null,
    disasterTo: to ? to.format('YYYY-MM-DD') : null,
  };
}

/** Creates a child area (town, village or group) or edits an area's name and must-go flags. */
export function AreaFormModal(props: {
  target: AreaFormTarget;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { target, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { index } = useAreaIndex();
  const { refetch } = useAreas();
  const createArea = useCreateArea();
  const updateArea = useUpdateArea();

  const parent = index.byCode.get(target.mode === 'create' ? target.parentCode : '');
  const area = target.mode === 'edit' ? index.byCode.get(target.code) : undefined;
  const childKind = parent ? childKindOf(parent.kind) : null;
  const codePrefix = parent ? childCodePrefix(parent) : '';
  const codeLength = childKind ? areaCodeLength(childKind) : 12;

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      rename: { 'flags.disasterFrom': ['disasterRange'], 'flags.disasterTo': ['disasterRange'] },
      messages: {
        code: t('areas.codeRule', { length: codeLength, prefix: codePrefix }),
        name: t('areas.nameRule'),
        disasterRange: t('areas.disasterRangeRule'),
      },
      codes: { AREA_CODE_TAKEN: ['code'], AREA_CODE_INVALID: ['code'] },
    }),
    [t, codeLength, codePrefix],
  );
  const createForm = useSchemaForm(form, AreasCreateBody, mapping);
  const updateForm = useSchemaForm(form, AreasUpdateBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    const { data } = await refetch();
    form.setFieldsValue(valuesOf(data?.find((a) => a.code === area?.code)));
  });

  // Computed once per opening (the modal mounts per target): a refetch must not overwrite typing.
  const [initialValues] = useState<FormValues>(() => {
    if (target.mode === 'edit') return valuesOf(area);
    const suggested = parent ? suggestChildCode(parent, index.children.get(parent.code) ?? []) : null;
    return { ...valuesOf(undefined), code: suggested ?? codePrefix };
  });

  const disasterHit = Form.useWatch('disasterHit', form);
  const saving = createArea.isPending || updateArea.isPending;

  const submit = async (values: FormValues) => {
    if (target.mode === 'create') {
      if (!parent || !childKind || childKind === 'district') return;
      const body = createForm.validate({
        code: values.code?.trim() ?? '',
        name: values.name,
        kind: childKind,
        parentCode: parent.code,
        flags: flagsOf(values),
      });
      if (!body) return;
      createArea.mutate(body, {
        onSuccess: (created) => {
          message.success(t('areas.created', { name: created.name }));
          onClose();
        },
        onError: createForm.handleError,
      });
      return;
    }
    if (!area) return;
    const body = updateForm.validate({ name: values.name, flags: flagsOf(values), version: area.version });
    if (!body) return;
    updateArea.mutate(
      { code: area.code, body },
      {
        onSuccess: (updated) => {
          message.success(t('areas.updated', { name: updated.name }));
          onClose();
        },
        onError: catchConflict(updateForm.handleError),
      },
    );
  };

  const title =
    target.mode === 'create'
      ? t('areas.createTitle', {
          parent: parent?.name ?? '',
          kind: childKind ? areaKindLabel(t, childKind) : '',
        })
      : t('areas.editTitle', { name: area?.name ?? '' });

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, disabled: conflict, 'data-testid': 'area-form-submit' }}
    >
      {alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        requiredMark
        name="area-form"
      >
        {target.mode === 'create' && (
          <Form.Item
            name="code"
            label={t('areas.code')}
            extra={t('areas.codeHint')}
            required
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (parent && childKind && isValidAreaCode(value?.trim() ?? '', childKind, parent.code))
                    return;
                  throw new Error(t('areas.codeRule', { length: codeLength, prefix: codePrefix }));
                },
              },
            ]}
          >
            <Input maxLength={codeLength} inputMode="numeric" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('areas.name')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('areas.nameRule') }]}
        >
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item label={t('areas.flags')} extra={t('flag.mustGoHint')} style={{ marginBottom: 8 }}>
          {flagNames.map((name) => (
            <Form.Item key={name} name={name} valuePropName="checked" noStyle>
              <Checkbox data-testid={`area-flag-input-${name}`}>{t(`flag.${name}`)}</Checkbox>
            </Form.Item>
          ))}
        </Form.Item>
        {disasterHit && (
          <Form.Item name="disasterRange" label={t('flag.disasterPeriod')}>
            <DatePicker.RangePicker allowEmpty={[false, true]} />
          </Form.Item>
        )}
        {target.mode === 'edit' && area && (
          <Typography.Text type="secondary">
            {t('areas.code')}: {area.code} · {areaKindLabel(t, area.kind)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
