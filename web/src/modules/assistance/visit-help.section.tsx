import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Household } from '@lianxin/common';
import { helpMeasureKinds } from '@lianxin/common';
import { Button, Col, Flex, Form, type FormInstance, Input, Row, Select, Switch, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { IndicatorFields } from '../households/indicator-fields';
import { measureKindLabel } from './assistance-labels';
import type { VisitValues } from './visit-draft';
import { VisitSection } from './visit-section';

/** Help given on the spot: what kind, and how it turned out (saved as done measures). */
function MeasuresDone() {
  const t = useT();
  return (
    <Form.List name="measuresDone">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Row gutter={[8, 8]} key={field.key} align="top">
              <Col xs={24} md={8}>
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: t('assistance.visit.measureKindRule') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    placeholder={t('assistance.measure.kind')}
                    options={helpMeasureKinds.map((k) => ({ value: k, label: measureKindLabel(t, k) }))}
                    data-testid="visit-measure-kind"
                  />
                </Form.Item>
              </Col>
              <Col flex="auto">
                <Form.Item name={[field.name, 'outcome']} style={{ marginBottom: 0 }}>
                  <Input maxLength={1000} placeholder={t('assistance.visit.measureOutcome')} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              </Col>
            </Row>
          ))}
          {fields.length < 10 && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              className="lx-visit-big"
              data-testid="visit-measure-add"
            >
              {t('assistance.visit.measureAdd')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** A household visit's new figures for the file, and the help given on the spot. */
export function VisitHelpSections(props: {
  form: FormInstance<VisitValues>;
  householdId: string | undefined;
  household: Household | undefined;
  updateIndicators: boolean;
}) {
  const { form, householdId, household, updateIndicators } = props;
  const t = useT();
  return (
    <>
      <VisitSection title={t('assistance.visit.figures')}>
        <Form.Item name="updateIndicators" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Switch
            checkedChildren={t('assistance.visit.figuresOn')}
            unCheckedChildren={t('assistance.visit.figuresOff')}
            disabled={!householdId}
            onChange={(on) => {
              // The year's figures already on file, to correct rather than retype.
              const year = form.getFieldValue(['indicators', 'year']) as number | undefined;
              const existing = household?.indicators.find((i) => i.year === year);
              if (on && existing) {
                form.setFieldValue('indicators', {
                  ...existing,
                  mainIncomeSource: existing.mainIncomeSource ?? '',
                });
              }
            }}
            data-testid="visit-figures"
          />
        </Form.Item>
        {updateIndicators ? (
          <IndicatorFields
            prefix={['indicators']}
            members={household?.members.filter((m) => m.status === 'active').length}
          />
        ) : (
          <Typography.Text type="secondary">{t('assistance.visit.figuresHint')}</Typography.Text>
        )}
      </VisitSection>
      <VisitSection title={t('assistance.visit.measuresDone')}>
        <MeasuresDone />
      </VisitSection>
    </>
  );
}
