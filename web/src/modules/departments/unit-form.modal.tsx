import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Unit,
  type UnitKind,
  UnitsCreateBody,
  UnitsUpdateBody,
  unitAreaKinds,
  unitKinds,
} from '@lianxin/common';
import {
  App,
  Button,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  TimePicker,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { blankToNull, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { areaKindLabel } from '../../shared/labels';
import { useVersionConflict } from '../../shared/version-conflict';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { fetchUnit, useCategoryChoices, useCreateUnit, useUpdateUnit } from './departments.api';
import { unitKindLabel } from './unit-labels';

interface Period {
  start?: Dayjs | null;
  end?: Dayjs | null;
}

interface FormValues {
  kind?: UnitKind;
  name: string;
  areaCode?: string;
  phone?: string;
  address?: string;
  hoursMode: 'district' | 'own';
  periods: Period[];
  categories: string[];
  active: boolean;
}

const CLOCK = 'HH:mm';
const DEFAULT_PERIODS: Period[] = [
  { start: dayjs('08:30', CLOCK), end: dayjs('12:00', CLOCK) },
  { start: dayjs('14:30', CLOCK), end: dayjs('17:30', CLOCK) },
];

function valuesOf(unit: Unit | null): FormValues {
  return {
    kind: unit?.kind,
    name: unit?.name ?? '',
    areaCode: unit?.area.code,
    phone: unit?.phone ?? '',
    address: unit?.address ?? '',
    hoursMode: unit?.workingHours ? 'own' : 'district',
    periods: unit?.workingHours
      ? unit.workingHours.periods.map((p) => ({ start: dayjs(p.start, CLOCK), end: dayjs(p.end, CLOCK) }))
      : DEFAULT_PERIODS,
    categories: unit?.categories ?? [],
    active: unit?.active ?? true,
  };
}

function hoursOf(values: FormValues) {
  if (values.hoursMode === 'district') return null;
  return {
    periods: values.periods.map((p) => ({
      start: p.start?.format(CLOCK) ?? '',
      end: p.end?.format(CLOCK) ?? '',
    })),
  };
}

/** Creates a handling unit or edits one; its kind and area are fixed once it exists. */
export function UnitFormModal(props: {
  unit: Unit | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState(props.unit);
  const [initialValues] = useState(() => valuesOf(editing));
  const { index, isLoading: areasLoading } = useAreaIndex();
  const categories = useCategoryChoices();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const kind = Form.useWatch('kind', form);
  const hoursMode = Form.useWatch('hoursMode', form);
  const allowedKinds = kind ? unitAreaKinds[kind] : [];

  const areaTree = useMemo(
    () => toTreeNodes(index, (area) => (allowedKinds as readonly string[]).includes(area.kind)),
    [index, allowedKinds],
  );
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      rename: { workingHours: ['periods'], 'workingHours.periods': ['periods'] },
      messages: {
        name: t('units.nameRule'),
        areaCode: t('units.areaRule'),
        phone: t('units.phoneRule'),
        periods: t('units.hours.rule'),
      },
      codes: {
        UNIT_NAME_TAKEN: ['name'],
        AREA_UNKNOWN: ['areaCode'],
        UNIT_AREA_MISMATCH: ['areaCode'],
        APPEAL_CATEGORY_UNKNOWN: ['categories'],
      },
    }),
    [t],
  );
  const createForm = useSchemaForm(form, UnitsCreateBody, mapping);
  const updateForm = useSchemaForm(form, UnitsUpdateBody, mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    if (!editing) return;
    const fresh = await fetchUnit(editing.id);
    setEditing(fresh);
    form.setFieldsValue(valuesOf(fresh));
  });

  const onValuesChange = (changed: Partial<FormValues>, all: FormValues) => {
    if (!changed.kind || !all.areaCode) return;
    const area = index.byCode.get(all.areaCode);
    if (area && !(unitAreaKinds[changed.kind] as readonly string[]).includes(area.kind))
      form.setFieldValue('areaCode', undefined);
  };

  const submit = (values: FormValues) => {
    const common = {
      name: values.name,
      phone: blankToNull(values.phone),
      address: blankToNull(values.address),
      workingHours: hoursOf(values),
      categories: values.categories,
    };
    if (!editing) {
      const body = createForm.validate({ ...common, kind: values.kind, areaCode: values.areaCode });
      if (!body) return;
      create.mutate(body, {
        onSuccess: (unit) => {
          message.success(t('units.created', { name: unit.name }));
          props.onClose();
        },
        onError: createForm.handleError,
      });
      return;
    }
    const body = updateForm.validate({ ...common, active: values.active, version: editing.version });
    if (!body) return;
    update.mutate(
      { id: editing.id, body },
      {
        onSuccess: (unit) => {
          message.success(t('units.updated', { name: unit.name }));
          props.onClose();
        },
        onError: catchConflict(updateForm.handleError),
      },
    );
  };

  return (
    <Modal
      title={editing ? t('units.editTitle', { name: editing.name }) : t('units.createTitle')}
      open={props.open}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: create.isPending || update.isPending,
        disabled: conflict,
        'data-testid': 'unit-form-submit',
      }}
      width={600}
    >
      {alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="unit-form"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={onValuesChange}
      >
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select
            disabled={editing !== null}
            options={unitKinds.map((k) => ({ value: k, label: unitKindLabel(t, k) }))}
            data-testid="unit-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('units.nameRule') }]}
        >
          <Input maxLength={60} data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item
          name="areaCode"
          label={t('units.area')}
          rules={[{ required: true, message: t('units.areaRule') }]}
          extra={
            kind
              ? t('units.areaKindsHint', { kinds: allowedKinds.map((k) => areaKindLabel(t, k)).join('、') })
              : t('units.selectKindFirst')
          }
        >
          <TreeSelect
            treeData={areaTree}
            disabled={!kind || editing !== null}
            loading={areasLoading}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
            popupMatchSelectWidth={false}
            data-testid="unit-form-area"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="phone" label={t('units.phone')}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="address" label={t('units.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="hoursMode" label={t('units.hours')}>
          <Radio.Group
            options={[
              { value: 'district', label: t('units.hours.district') },
              { value: 'own', label: t('units.hours.own') },
            ]}
          />
        </Form.Item>
        {hoursMode === 'own' && (
          <Form.List name="periods">
            {(fields, { add, remove }, { errors }) => (
              <div style={{ marginBottom: 24 }}>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                    <span>{t('units.hours.period', { n: i + 1 })}</span>
                    <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: '' }]} noStyle>
                      <TimePicker format={CLOCK} minuteStep={5} needConfirm={false} />
                    </Form.Item>
                    <span>–</span>
                    <Form.Item name={[field.name, 'end']} rules={[{ required: true, message: '' }]} noStyle>
                      <TimePicker format={CLOCK} minuteStep={5} needConfirm={false} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Space>
                ))}
                {fields.length < 4 && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('units.hours.addPeriod')}
                  </Button>
                )}
                {errors.length > 0 && (
                  <div>
                    <Typography.Text type="danger">{errors}</Typography.Text>
                  </div>
                )}
              </div>
            )}
          </Form.List>
        )}
        <Form.Item name="categories" label={t('units.categories')} extra={t('units.categoriesHint')}>
          <Select
            mode="multiple"
            options={categories.options}
            loading={categories.isLoading}
            optionFilterProp="label"
            allowClear
            data-testid="unit-form-categories"
          />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('units.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
