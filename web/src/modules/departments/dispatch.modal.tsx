import { type Appeal, defaultDispatchSettings } from '@lianxin/common';
import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useCategoryChoices, useUnits } from './departments.api';
import { useCreateDispatch, useDispatchSettings } from './dispatch.api';

interface Values {
  leadUnitId?: string;
  coUnitIds?: string[];
  decisive?: boolean;
  note?: string;
}

/** The departments the caller may choose: those answering for the category first, or all of them. */
export function useDepartmentOptions(categoryCode: string, matching: boolean) {
  const { data, isFetching } = useUnits({
    kind: 'department',
    active: 'true',
    ...(matching ? { categoryCode } : {}),
  });
  const options = useMemo(() => (data ?? []).map((u) => ({ value: u.id, label: u.name })), [data]);
  return { options, units: data ?? [], isFetching };
}

/**
 * 派单: hands an appeal the caller's level holds to a lead department and co-departments. A town
 * sees only the departments answering for the category (the server holds it to that too).
 */
export function DispatchModal(props: {
  appeal: Pick<Appeal, 'id' | 'version' | 'categoryCode'>;
  /** A town dispatches only to the departments answering for the category. */
  categoryOnly: boolean;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { appeal } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [matching, setMatching] = useState(true);
  const categories = useCategoryChoices();
  const settings = useDispatchSettings().data ?? defaultDispatchSettings;
  const { options, units, isFetching } = useDepartmentOptions(
    appeal.categoryCode,
    props.categoryOnly || matching,
  );
  const lead = Form.useWatch('leadUnitId', form);
  const create = useCreateDispatch();

  const submit = (values: Values) => {
    const unit = units.find((u) => u.id === values.leadUnitId);
    if (!unit) return;
    create.mutate(
      {
        appealId: appeal.id,
        leadUnitId: unit.id,
        coUnits: (values.coUnitIds ?? []).map((unitId) => ({ unitId, decisive: values.decisive ?? false })),
        note: values.note?.trim() || undefined,
        version: appeal.version,
      },
      {
        onSuccess: () => {
          message.success(t('dispatch.create.done', { name: unit.name }));
          props.onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      title={t('dispatch.create.title')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t('dispatch.create.action')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'dispatch-submit' }}
      width={560}
    >
      <Alert
        type="info"
        showIcon
        title={t('dispatch.create.intro', {
          coDays: settings.coPartWorkingDays,
          returnDays: settings.returnWindowWorkingDays,
        })}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" name="dispatch" onFinish={submit}>
        {!props.categoryOnly && (
          <Form.Item>
            <Checkbox
              checked={matching}
              onChange={(e) => setMatching(e.target.checked)}
              data-testid="dispatch-matching"
            >
              {t('dispatch.create.matching', { category: categories.name(appeal.categoryCode) })}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="leadUnitId"
          label={t('dispatch.create.lead')}
          rules={[{ required: true, message: t('dispatch.create.leadRule') }]}
        >
          <Select
            options={options}
            loading={isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('dispatch.create.none')}
            data-testid="dispatch-lead"
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('dispatch.create.co')}>
          <Select
            mode="multiple"
            maxCount={8}
            options={options.filter((o) => o.value !== lead)}
            loading={isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('dispatch.create.none')}
            data-testid="dispatch-co"
          />
        </Form.Item>
        <Form.Item name="decisive" valuePropName="checked">
          <Checkbox>{t('dispatch.create.decisive')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('dispatch.create.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
