import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type AppealUrgency, appealUrgencies, ScreeningBody } from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { SaveCancel } from '../../shared/form-actions';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useCategoryIndex } from './appeal-categories';
import { urgencyLabel } from './appeal-labels';
import { useRecordScreening } from './mediation.api';
import { PartiesField, type PartyValues, toParty } from './mediation-parties';

interface DisputeValues {
  categoryCode?: string;
  title?: string;
  description?: string;
  urgency: AppealUrgency;
  parties: PartyValues[];
}

interface FormValues {
  villageCode?: string;
  date: Dayjs;
  note?: string;
  disputes: DisputeValues[];
}

const emptyDispute = (): DisputeValues => ({ urgency: 'normal', parties: [] });

/**
 * 大排查: one sweep of a village, with every hidden dispute found; each becomes an appeal of the
 * village's repository (channel 排查) in one save.
 */
export function ScreeningDrawer(props: {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onSaved?: () => void;
}) {
  const { open, onClose, afterClose, onSaved } = props;
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { index } = useAreaIndex();
  const categories = useCategoryIndex();
  const record = useRecordScreening();
  const villageTree = useMemo(() => toTreeNodes(index, (a) => a.kind === 'village'), [index]);
  // Disputes first: a screening looks for them, but any kind of problem found may be recorded.
  const categoryTree = useMemo(() => categories.tree(), [categories]);
  const disputes = Form.useWatch('disputes', form);

  const [initialValues] = useState<FormValues>(() => {
    const own = index.byCode.get(me.areaCode);
    const village =
      own?.kind === 'village' ? own.code : own?.kind === 'group' ? (own.parentCode ?? undefined) : undefined;
    return { villageCode: village, date: dayjs(), disputes: [emptyDispute()] };
  });

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { villageCode: t('appeals.intake.villageRule') },
      codes: { AREA_UNKNOWN: ['villageCode'] },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, ScreeningBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({
      villageCode: values.villageCode ?? '',
      date: values.date.format('YYYY-MM-DD'),
      note: values.note?.trim() ?? '',
      disputes: values.disputes.map((d) => ({
        categoryCode: d.categoryCode ?? '',
        title: d.title ?? '',
        description: d.description ?? '',
        urgency: d.urgency,
        parties: (d.parties ?? []).map(toParty),
      })),
    });
    if (!body) return;
    record.mutate(body, {
      onSuccess: (screening) => {
        message.success(
          t('mediation.screening.saved', { village: screening.villageName, count: screening.disputesFound }),
        );
        onClose();
        onSaved?.();
      },
      onError: handleError,
    });
  };

  return (
    <Drawer
      title={t('mediation.screening.createTitle')}
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={820}
      footer={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type="secondary">
            {t('mediation.screening.count', { count: disputes?.length ?? 0 })}
          </Typography.Text>
          <SaveCancel
            onCancel={onClose}
            onSave={() => form.submit()}
            saving={record.isPending}
            testId="screening-submit"
          />
        </Flex>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="screening"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Card size="small" title={t('mediation.screening.basics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="villageCode"
                label={t('appeals.village')}
                rules={[{ required: true, message: t('appeals.intake.villageRule') }]}
              >
                <TreeSelect
                  treeData={villageTree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
                  placeholder={t('appeals.intake.villagePlaceholder')}
                  popupMatchSelectWidth={false}
                  data-testid="screening-village"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="date" label={t('mediation.screening.date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="note" label={t('mediation.screening.note')}>
                <Input.TextArea
                  rows={2}
                  maxLength={1000}
                  placeholder={t('mediation.screening.notePlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Form.List name="disputes">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {fields.length === 0 && (
                <Alert type="success" showIcon title={t('mediation.screening.noneFound')} />
              )}
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('mediation.screening.disputeN', { n: i + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    >
                      {t('common.remove')}
                    </Button>
                  }
                  data-testid={`screening-dispute-${i}`}
                >
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'categoryCode']}
                        label={t('appeals.category')}
                        rules={[{ required: true, message: t('appeals.intake.categoryRule') }]}
                      >
                        <TreeSelect
                          treeData={categoryTree}
                          showSearch={{ treeNodeFilterProp: 'title' }}
                          treeDefaultExpandAll
                          popupMatchSelectWidth={false}
                          placeholder={t('appeals.intake.categoryPlaceholder')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'urgency']} label={t('appeals.urgency')}>
                        <Radio.Group
                          optionType="button"
                          options={appealUrgencies.map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item
                        name={[field.name, 'title']}
                        label={t('appeals.titleColumn')}
                        rules={[{ required: true, whitespace: true, message: t('appeals.intake.titleRule') }]}
                      >
                        <Input maxLength={60} showCount />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item
                        name={[field.name, 'description']}
                        label={t('appeals.description')}
                        rules={[
                          { required: true, whitespace: true, message: t('appeals.intake.descriptionRule') },
                        ]}
                      >
                        <Input.TextArea rows={3} maxLength={2000} showCount />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item label={t('mediation.partiesOptional')}>
                        <PartiesField name={[field.name, 'parties']} min={0} max={20} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add(emptyDispute())}
                disabled={fields.length >= 500}
                data-testid="screening-add-dispute"
              >
                {t('mediation.screening.addDispute')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
