import { type Appeal, type Unit, unitKinds } from '@lianxin/common';
import { Alert, App, Checkbox, Form, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useCategoryChoices, useRouteAppeal, useUnits } from './departments.api';
import { unitKindLabel } from './unit-labels';

/** Routes an appeal to a handling unit: the departments first, those answering for its category. */
export function RouteUnitModal(props: {
  appeal: Pick<Appeal, 'id' | 'categoryCode'>;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { appeal } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ unitId?: string }>();
  const [matching, setMatching] = useState(true);
  const categories = useCategoryChoices();
  const { data: units, isFetching } = useUnits({
    active: 'true',
    ...(matching ? { categoryCode: appeal.categoryCode } : {}),
  });
  const route = useRouteAppeal();

  // Grouped by kind in the order of `unitKinds`: the district's departments come first.
  const options = useMemo(() => {
    const byKind = new Map<string, Unit[]>();
    for (const unit of units ?? []) byKind.set(unit.kind, [...(byKind.get(unit.kind) ?? []), unit]);
    return unitKinds
      .filter((kind) => byKind.has(kind))
      .map((kind) => ({
        label: unitKindLabel(t, kind),
        title: kind,
        options: (byKind.get(kind) ?? []).map((u) => ({
          value: u.id,
          label:
            u.kind === 'department' || u.kind === 'cppcc_office' ? u.name : `${u.name}（${u.area.name}）`,
        })),
      }));
  }, [units, t]);

  const submit = ({ unitId }: { unitId?: string }) => {
    const unit = units?.find((u) => u.id === unitId);
    if (!unit) return;
    route.mutate(
      { unitId: unit.id, appealId: appeal.id },
      {
        onSuccess: () => {
          message.success(t('units.route.done', { name: unit.name }));
          props.onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      title={t('units.route.title')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: route.isPending, 'data-testid': 'route-unit-submit' }}
      width={520}
    >
      <Alert type="info" showIcon title={t('units.route.intro')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" name="route-unit" onFinish={submit}>
        <Form.Item>
          <Checkbox
            checked={matching}
            onChange={(e) => {
              setMatching(e.target.checked);
              form.setFieldValue('unitId', undefined);
            }}
            data-testid="route-unit-matching"
          >
            {t('units.route.matching', { category: categories.name(appeal.categoryCode) })}
          </Checkbox>
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('units.route.unit')}
          rules={[{ required: true, message: t('units.route.unitRule') }]}
        >
          <Select
            options={options}
            loading={isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('units.route.none')}
            data-testid="route-unit-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
