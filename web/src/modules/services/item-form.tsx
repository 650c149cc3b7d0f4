import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { materialForms, type ServiceGuide, serviceCategories } from '@lianxin/common';
import { Button, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useT } from '../../i18n/i18n';
import { useUnits } from '../departments/departments.api';
import { categoryLabel } from './services-labels';

/** What the form edits: the guide's fields (empty text as '' and optional numbers as null). */
export type GuideValues = Omit<ServiceGuide, 'unitName'>;

export const emptyGuide: GuideValues = {
  name: '',
  category: 'social_insurance',
  unitId: '',
  conditions: '',
  basis: '',
  materials: [{ name: '居民身份证', form: 'original_and_copy', count: 1, notes: '' }],
  steps: ['申请人提交材料', '窗口受理审核', '办结并告知结果'],
  legalDays: null,
  promisedDays: 5,
  fees: '',
  place: '',
  hours: '工作日 上午8:30-12:00 下午14:30-17:30',
  consultationPhone: null,
  proxyAllowed: true,
  onlineUrl: null,
  keywords: '',
};

/** The 办事指南 form: the national fields, the materials as rows, the steps in order. */
export function ItemForm({ form }: { form: FormInstance<GuideValues> }) {
  const t = useT();
  const units = useUnits({ active: 'true' });
  return (
    <Form form={form} layout="vertical" initialValues={emptyGuide} data-testid="item-form">
      <Form.Item name="name" label={t('servicesWeb.item.name')} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="item-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="category" label={t('servicesWeb.item.category')} rules={[{ required: true }]}>
            <Select options={serviceCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="unitId" label={t('servicesWeb.item.unit')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              data-testid="item-unit"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="conditions"
        label={t('servicesWeb.item.conditions')}
        rules={[{ required: true, max: 4000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label={t('servicesWeb.item.materials')}>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" wrap={false} style={{ marginBottom: 4 }}>
                  <Col flex="auto">
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, max: 120 }]}
                      style={{ marginBottom: 4 }}
                    >
                      <Input placeholder={t('servicesWeb.item.material.name')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'notes']} style={{ marginBottom: 4 }}>
                      <Input placeholder={t('servicesWeb.item.material.notes')} size="small" />
                    </Form.Item>
                  </Col>
                  <Col flex="120px">
                    <Form.Item name={[field.name, 'form']} style={{ marginBottom: 4 }}>
                      <Select
                        options={materialForms.map((f) => ({ value: f, label: t(`servicesWeb.form.${f}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="64px">
                    <Form.Item name={[field.name, 'count']} style={{ marginBottom: 4 }}>
                      <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="×"
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', form: 'copy', count: 1, notes: '' })}
              >
                {t('servicesWeb.item.material.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('servicesWeb.item.steps')}>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} wrap={false}>
                  <Col flex="28px" style={{ paddingTop: 5 }}>
                    {i + 1}.
                  </Col>
                  <Col flex="auto">
                    <Form.Item
                      name={field.name}
                      rules={[{ required: true, max: 500 }]}
                      style={{ marginBottom: 4 }}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="×"
                    />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
                {t('servicesWeb.item.step.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="legalDays" label={t('servicesWeb.item.legalDays')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="promisedDays"
            label={t('servicesWeb.item.promisedDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fees" label={t('servicesWeb.item.fees')}>
        <Input placeholder={t('servicesWeb.none')} />
      </Form.Item>
      <Form.Item name="place" label={t('servicesWeb.item.place')} rules={[{ required: true, max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="hours" label={t('servicesWeb.item.hours')} rules={[{ required: true, max: 300 }]}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="consultationPhone" label={t('servicesWeb.item.phone')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="proxyAllowed" label={t('servicesWeb.item.proxy')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="onlineUrl" label={t('servicesWeb.item.onlineUrl')}>
        <Input placeholder="https://" />
      </Form.Item>
      <Form.Item name="basis" label={t('servicesWeb.item.basis')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="keywords" label={t('servicesWeb.item.keywords')}>
        <Input />
      </Form.Item>
    </Form>
  );
}
