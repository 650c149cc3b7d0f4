import {
  type HelpMeasure,
  HelpMeasureCreateBody,
  HelpMeasureUpdateBody,
  type Household,
  helpMeasureKinds,
  helpMeasureStatuses,
} from '@lianxin/common';
import { App, DatePicker, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { IndicatorFields, type IndicatorFormValues, toIndicatorsBody } from '../households/indicator-fields';
import { useCreateMeasure, useHelpMeasures, useUpdateMeasure } from './assistance.api';
import {
  type HelpMeasureKind,
  type HelpMeasureStatus,
  measureKindLabel,
  measureStatusLabel,
} from './assistance-labels';

interface CreateValues {
  kind?: HelpMeasureKind;
  status: HelpMeasureStatus;
  description?: string;
  startDate?: Dayjs | null;
}

/** 新增帮扶措施: what will be done for the household, and from when. */
export function MeasureCreateModal(props: {
  household: Household;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { household, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateMeasure();
  const { validate, handleError } = useSchemaForm(form, HelpMeasureCreateBody);
  const [initialValues] = useState<CreateValues>(() => ({ status: 'planned', startDate: dayjs() }));

  const submit = (values: CreateValues) => {
    const body = validate({
      householdId: household.id,
      kind: values.kind,
      status: values.status,
      description: values.description ?? '',
      startDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (measure) => {
        message.success(t('assistance.measure.created', { kind: measureKindLabel(t, measure.kind) }));
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title={t('assistance.measure.createTitle', { number: household.number })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'measure-submit' }}
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="measure-create"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item
          name="kind"
          label={t('assistance.measure.kind')}
          rules={[{ required: true, message: t('assistance.measure.kindRule') }]}
        >
          <Select
            options={helpMeasureKinds.map((k) => ({ value: k, label: measureKindLabel(t, k) }))}
            data-testid="measure-kind"
          />
        </Form.Item>
        <Form.Item name="description" label={t('assistance.measure.description')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="measure-description" />
        </Form.Item>
        <Form.Item name="status" label={t('assistance.measure.status')}>
          <Select options={helpMeasureStatuses.map((s) => ({ value: s, label: measureStatusLabel(t, s) }))} />
        </Form.Item>
        <Form.Item name="startDate" label={t('assistance.startDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface UpdateValues {
  status: HelpMeasureStatus;
  outcome?: string;
  updateIndicators: boolean;
  indicators?: IndicatorFormValues;
}

/**
 * 推进帮扶措施: a measure's new status and outcome; a completed one may bring the household's new
 * figures (income, debt, hardships), which re-tier it.
 */
export function MeasureUpdateModal(props: {
  household: Household;
  measure: HelpMeasure;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { household, measure, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateValues>();
  const update = useUpdateMeasure();
  const measures = useHelpMeasures(household.id);
  const [version, setVersion] = useState(measure.version);
  const { validate, handleError } = useSchemaForm(form, HelpMeasureUpdateBody);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    const fresh = (await measures.refetch()).data?.find((m) => m.id === measure.id);
    if (!fresh) return;
    setVersion(fresh.version);
    form.setFieldsValue({ status: fresh.status, outcome: fresh.outcome });
  });
  const status: HelpMeasureStatus | undefined = Form.useWatch('status', form);
  const updateIndicators: boolean = Form.useWatch('updateIndicators', form) ?? false;
  const [initialValues] = useState<UpdateValues>(() => {
    const year = new Date().getFullYear();
    const existing = household.indicators.find((i) => i.year === year);
    return {
      status: measure.status === 'planned' ? 'in_progress' : measure.status,
      outcome: measure.outcome,
      updateIndicators: false,
      indicators: existing
        ? { ...existing, mainIncomeSource: existing.mainIncomeSource ?? '' }
        : { year, hardships: [] },
    };
  });

  const submit = (values: UpdateValues) => {
    const withFigures = values.status === 'done' && values.updateIndicators && values.indicators;
    const body = validate({
      version,
      status: values.status,
      outcome: values.outcome ?? '',
      indicators:
        withFigures && values.indicators
          ? { year: values.indicators.year, ...toIndicatorsBody(values.indicators) }
          : null,
    });
    if (!body) return;
    update.mutate(
      { id: measure.id, householdId: household.id, body },
      {
        onSuccess: (saved) => {
          message.success(
            t('assistance.measure.updated', {
              kind: measureKindLabel(t, saved.kind),
              status: measureStatusLabel(t, saved.status),
            }),
          );
          onClose();
        },
        onError: catchConflict(handleError),
      },
    );
  };

  return (
    <Modal
      title={t('assistance.measure.updateTitle', { kind: measureKindLabel(t, measure.kind) })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: update.isPending,
        disabled: conflict,
        'data-testid': 'measure-update-submit',
      }}
      width={status === 'done' && updateIndicators ? 720 : 520}
    >
      {alert}
      {measure.description && (
        <Typography.Paragraph type="secondary">{measure.description}</Typography.Paragraph>
      )}
      <Form<UpdateValues>
        form={form}
        layout="vertical"
        name="measure-update"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item name="status" label={t('assistance.measure.status')}>
          <Select
            options={helpMeasureStatuses.map((s) => ({ value: s, label: measureStatusLabel(t, s) }))}
            data-testid="measure-status"
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('assistance.measure.outcome')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="measure-outcome" />
        </Form.Item>
        {status === 'done' && (
          <>
            <Form.Item
              name="updateIndicators"
              valuePropName="checked"
              label={t('assistance.measure.figures')}
              extra={t('assistance.measure.figuresHint')}
            >
              <Switch data-testid="measure-figures" />
            </Form.Item>
            {updateIndicators && (
              <IndicatorFields
                prefix={['indicators']}
                members={household.members.filter((m) => m.status === 'active').length}
              />
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
