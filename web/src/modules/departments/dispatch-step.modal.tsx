import type { Dispatch, DispatchAction } from '@lianxin/common';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type Translate, useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { type DispatchStep, useDispatchStep } from './dispatch.api';
import { useDepartmentOptions } from './dispatch.modal';

/** The steps that ask for something: every action but accepting. */
export type FormStep = Exclude<DispatchAction, 'accept'>;

interface Values {
  text?: string;
  unitId?: string;
  public?: boolean;
  plannedDate?: Dayjs;
}

const textLabel: Record<FormStep, Parameters<Translate>[0]> = {
  return: 'dispatch.step.reason',
  part: 'dispatch.step.part',
  overrule: 'dispatch.step.overruleNote',
  redispatch: 'dispatch.step.redispatchNote',
  note: 'dispatch.step.note',
  defer: 'dispatch.step.deferReason',
  resolve: 'dispatch.step.resolution',
};

const hints: Partial<Record<FormStep, Parameters<Translate>[0]>> = {
  return: 'dispatch.step.reasonHint',
  part: 'dispatch.step.partHint',
  resolve: 'dispatch.step.resolutionHint',
};

function stepOf(step: FormStep, dispatch: Dispatch, appealVersion: number, values: Values): DispatchStep {
  const text = (values.text ?? '').trim();
  const { id, version } = dispatch;
  switch (step) {
    case 'return':
      return { step, id, version, reason: text };
    case 'part':
      return { step, id, version, part: text };
    case 'overrule':
      return { step, id, version, note: text };
    case 'redispatch':
      return { step, id, version, unitId: values.unitId ?? '', note: text || undefined };
    case 'note':
      return {
        step: 'act',
        id,
        body: { action: 'note', note: text, public: values.public ?? false, version: appealVersion },
      };
    case 'defer':
      return {
        step: 'act',
        id,
        body: {
          action: 'defer',
          reason: text,
          plannedDate: values.plannedDate?.format('YYYY-MM-DD') ?? '',
          version: appealVersion,
        },
      };
    case 'resolve':
      return { step: 'act', id, body: { action: 'resolve', resolution: text, version: appealVersion } };
  }
}

/** One step on a dispatch that asks for a text (and, to re-dispatch, a unit; to defer, a date). */
export function DispatchStepModal(props: {
  dispatch: Dispatch;
  step: FormStep;
  appeal: { version: number; categoryCode: string };
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { dispatch, step } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const departments = useDepartmentOptions(props.appeal.categoryCode, false);
  const run = useDispatchStep();
  const optionalText = step === 'redispatch';
  const title = t(`dispatch.action.${step}`);

  const submit = (values: Values) =>
    run.mutate(stepOf(step, dispatch, props.appeal.version, values), {
      onSuccess: () => {
        message.success(t('dispatch.step.done', { action: title }));
        props.onClose();
      },
      onError: showError,
    });

  const hint = hints[step];
  return (
    <Modal
      title={`${title} · ${dispatch.unit.name}`}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: run.isPending,
        danger: step === 'return',
        'data-testid': 'dispatch-step-submit',
      }}
      width={520}
    >
      {hint && <Alert type="info" showIcon title={t(hint)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name={`dispatch-${step}`} onFinish={submit}>
        {step === 'redispatch' && (
          <Form.Item
            name="unitId"
            label={t('dispatch.step.unit')}
            rules={[{ required: true, message: t('dispatch.create.leadRule') }]}
          >
            <Select
              options={departments.options.filter((o) => o.value !== dispatch.unit.id)}
              loading={departments.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="dispatch-step-unit"
            />
          </Form.Item>
        )}
        {step === 'defer' && (
          <Form.Item
            name="plannedDate"
            label={t('dispatch.step.plannedDate')}
            rules={[{ required: true, message: t('dispatch.step.plannedDate') }]}
          >
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={t(textLabel[step])}
          rules={
            optionalText
              ? []
              : [{ required: true, min: 2, whitespace: true, message: t('dispatch.step.textRule') }]
          }
        >
          <Input.TextArea
            rows={4}
            maxLength={step === 'resolve' ? 4000 : 1000}
            showCount
            data-testid="dispatch-step-text"
          />
        </Form.Item>
        {step === 'note' && (
          <Form.Item name="public" valuePropName="checked">
            <Checkbox>{t('dispatch.step.public')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
