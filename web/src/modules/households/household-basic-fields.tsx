import { Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { useHouseholdFormOptions } from './household-options';
import { phoneRule } from './resident-fields';

/**
 * A household file's own fields — area, number, address, phone, tags — as the create drawer and
 * the edit modal both show them; `children` come between the phone and the tags.
 */
export function HouseholdBasicFields(props: {
  areaHint: string;
  /** The tree nodes to open at first; the caller's own roots when omitted. */
  expandedKeys?: string[];
  tagsHint?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const { index, areaTree, areasLoading, tagOptions, tagsLoading } = useHouseholdFormOptions();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="areaCode"
          label={t('household.area')}
          rules={[{ required: true, message: t('household.areaRule') }]}
          extra={props.areaHint}
        >
          <TreeSelect
            treeData={areaTree}
            loading={areasLoading}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={props.expandedKeys ?? index.roots.map((r) => r.code)}
            popupMatchSelectWidth={false}
            data-testid="household-area"
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
      {props.children}
      <Col span={24}>
        <Form.Item name="tags" label={t('household.tags')} extra={props.tagsHint}>
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
  );
}
