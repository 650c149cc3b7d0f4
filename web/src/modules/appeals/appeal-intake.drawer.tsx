import {
  type AppealChannel,
  AppealCreateBody,
  type AppealUrgency,
  appealChannels,
  appealUrgencies,
  reporterKinds,
  type SimilarAppeal,
} from '@lianxin/common';
import {
  Alert,
  App,
  Card,
  Col,
  Drawer,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { DrawerFooter } from '../../shared/form-actions';
import { blankToNull, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { newIdempotencyKey } from '../../shared/ids';
import { useDebounced } from '../../shared/use-debounced';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useCategoryIndex } from './appeal-categories';
import {
  channelLabel,
  levelLabel,
  type ReporterKind,
  reporterKindLabel,
  urgencyLabel,
} from './appeal-labels';
import { StatusTag } from './appeal-tags';
import { type SimilarQuery, useCreateAppeal, useSimilarAppeals } from './appeals.api';
import { ResidentPicker } from './resident-picker';

/** Channels a staff member records by hand; the public page and screenings come in by their own ways. */
const staffChannels = appealChannels.filter((c) => c !== 'public_page' && c !== 'screening');

interface FormValues {
  channel: AppealChannel;
  categoryCode?: string;
  urgency?: AppealUrgency;
  villageCode?: string;
  address?: string;
  title?: string;
  description?: string;
  reporterKind: ReporterKind;
  householdId?: string;
  reporterResidentId?: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** Open appeals of the same village and category that read alike, shown while the form is filled in. */
function SimilarAppeals({ items }: { items: SimilarAppeal[] | undefined }) {
  const t = useT();
  if (!items || items.length === 0) return null;
  const data = items;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('appeals.intake.similarFound', { count: data.length })}
      description={
        <List
          size="small"
          dataSource={data}
          renderItem={(s) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space size={8} wrap>
                <Link to={`/appeals/${s.id}`} target="_blank">
                  <Typography.Text code>{s.trackingCode}</Typography.Text>
                </Link>
                <span>{s.title}</span>
                <StatusTag status={s.status} />
                <Typography.Text type="secondary">
                  {t('appeals.intake.similarity', { percent: Math.round(s.similarity * 100) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      }
      data-testid="intake-similar"
    />
  );
}

/** 登记诉求: a staff member records an appeal from any channel, after seeing similar open ones. */
export function AppealIntakeDrawer(props: { open: boolean; onClose: () => void; afterClose: () => void }) {
  const { open, onClose, afterClose } = props;
  const t = useT();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { index } = useAreaIndex();
  const categories = useCategoryIndex();
  const create = useCreateAppeal();
  // One key per drawer: a retried save after a lost answer finds the appeal it made.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const values = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const reporterKind = values?.reporterKind;
  const category = values?.categoryCode ? categories.byCode.get(values.categoryCode) : undefined;
  const similarText = `${values?.title ?? ''} ${values?.description ?? ''}`.trim();
  // Debounced as a string: an object made anew on each render would never settle.
  const similarKey = useDebounced(
    values?.villageCode && values.categoryCode && similarText
      ? JSON.stringify({
          villageCode: values.villageCode,
          categoryCode: values.categoryCode,
          text: similarText.slice(0, 4000),
        })
      : '',
    600,
  );
  const similarQuery = useMemo(
    () => (similarKey ? (JSON.parse(similarKey) as SimilarQuery) : null),
    [similarKey],
  );
  const similar = useSimilarAppeals(similarQuery);

  const villageTree = useMemo(() => toTreeNodes(index, (a) => a.kind === 'village'), [index]);
  const categoryTree = useMemo(() => categories.tree(), [categories]);

  const [initialValues] = useState<FormValues>(() => {
    const own = index.byCode.get(me.areaCode);
    // A village cadre bound to a group (网格) takes in appeals of its village.
    const village =
      own?.kind === 'village' ? own.code : own?.kind === 'group' ? (own.parentCode ?? undefined) : undefined;
    return {
      channel: me.role === 'cppcc_member' ? 'cppcc_report' : 'visit',
      villageCode: village,
      reporterKind: 'person',
    };
  });

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: {
        villageCode: t('appeals.intake.villageRule'),
        reporterPhone: t('appeals.intake.phoneRule'),
      },
      codes: {
        APPEAL_CATEGORY_UNKNOWN: ['categoryCode'],
        AREA_UNKNOWN: ['villageCode'],
      },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, AppealCreateBody, mapping);

  const save = (v: FormValues) => {
    const body = validate({
      channel: v.channel,
      categoryCode: v.categoryCode ?? '',
      ...(v.urgency ? { urgency: v.urgency } : {}),
      villageCode: v.villageCode ?? '',
      address: v.address?.trim() ?? '',
      title: v.title ?? '',
      description: v.description ?? '',
      reporterKind: v.reporterKind,
      reporterResidentId: v.reporterKind === 'resident' ? (v.reporterResidentId ?? null) : null,
      householdId: v.reporterKind === 'resident' ? (v.householdId ?? null) : null,
      reporterName: v.reporterKind === 'person' ? blankToNull(v.reporterName) : null,
      reporterPhone: v.reporterKind === 'person' ? blankToNull(v.reporterPhone) : null,
    });
    if (!body) return;
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (appeal) => {
          message.success(t('appeals.intake.created', { code: appeal.trackingCode }));
          onClose();
          navigate(`/appeals/${appeal.id}`);
        },
        onError: handleError,
      },
    );
  };

  // Similar open appeals may be the same matter: saving anyway is a choice, asked once.
  const submit = (v: FormValues) => {
    const found = similar.data?.length ?? 0;
    if (found === 0 || similarQuery === null) {
      save(v);
      return;
    }
    modal.confirm({
      title: t('appeals.intake.similarConfirmTitle', { count: found }),
      content: t('appeals.intake.similarConfirmText'),
      okText: t('appeals.intake.saveAnyway'),
      cancelText: t('common.cancel'),
      onOk: () => save(v),
    });
  };

  return (
    <Drawer
      title={t('appeals.intake.title')}
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={760}
      footer={
        <DrawerFooter
          onCancel={onClose}
          onSave={() => form.submit()}
          saving={create.isPending}
          testId="intake-submit"
        />
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="appeal-intake"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed: Partial<FormValues>) => {
          // A category brings its usual urgency; the officer may still change it.
          if (changed.categoryCode) {
            const next = categories.byCode.get(changed.categoryCode);
            if (next) form.setFieldValue('urgency', next.defaultUrgency);
          }
          if (changed.villageCode) {
            form.setFieldsValue({ householdId: undefined, reporterResidentId: undefined });
          }
        }}
      >
        <Card size="small" title={t('appeals.intake.matter')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('appeals.channel')} rules={[{ required: true }]}>
                <Select
                  options={staffChannels.map((c) => ({ value: c, label: channelLabel(t, c) }))}
                  data-testid="intake-channel"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="villageCode"
                label={t('appeals.village')}
                extra={t('appeals.intake.villageHint')}
                rules={[{ required: true, message: t('appeals.intake.villageRule') }]}
              >
                <TreeSelect
                  treeData={villageTree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
                  placeholder={t('appeals.intake.villagePlaceholder')}
                  popupMatchSelectWidth={false}
                  data-testid="intake-village"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="categoryCode"
                label={t('appeals.category')}
                rules={[{ required: true, message: t('appeals.intake.categoryRule') }]}
                extra={
                  category &&
                  (category.resolutionDays === null
                    ? t('appeals.intake.categoryHint', { level: levelLabel(t, category.defaultLevel) })
                    : t('appeals.intake.categoryHintDays', {
                        level: levelLabel(t, category.defaultLevel),
                        days:
                          category.deadlineUnit === 'working_days'
                            ? t('appeals.categories.workingDaysN', { days: category.resolutionDays })
                            : t('appeals.categories.daysN', { days: category.resolutionDays }),
                      }))
                }
              >
                <TreeSelect
                  treeData={categoryTree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandAll
                  loading={categories.isLoading}
                  placeholder={t('appeals.intake.categoryPlaceholder')}
                  popupMatchSelectWidth={false}
                  data-testid="intake-category"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="urgency" label={t('appeals.urgency')} extra={t('appeals.intake.urgencyHint')}>
                <Radio.Group
                  optionType="button"
                  options={appealUrgencies.map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
                  data-testid="intake-urgency"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="title"
                label={t('appeals.titleColumn')}
                rules={[{ required: true, message: t('appeals.intake.titleRule') }]}
              >
                <Input
                  maxLength={60}
                  showCount
                  placeholder={t('appeals.intake.titlePlaceholder')}
                  data-testid="intake-title"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="description"
                label={t('appeals.description')}
                rules={[{ required: true, message: t('appeals.intake.descriptionRule') }]}
              >
                <Input.TextArea rows={5} maxLength={4000} showCount data-testid="intake-description" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label={t('appeals.address')}>
                <Input maxLength={200} placeholder={t('appeals.intake.addressPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {similarQuery && <SimilarAppeals items={similar.data} />}
        <Card size="small" title={t('appeals.reporter')}>
          <Form.Item name="reporterKind" label={t('appeals.intake.reporterKind')}>
            <Radio.Group
              options={reporterKinds.map((k) => ({
                value: k,
                label: reporterKindLabel(t, k),
                // Picking a resident reads the registry.
                disabled: k === 'resident' && !can('households.read'),
              }))}
              data-testid="intake-reporter-kind"
            />
          </Form.Item>
          {reporterKind === 'resident' && <ResidentPicker villageCode={values?.villageCode} />}
          {reporterKind === 'person' && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="reporterName"
                  label={t('appeals.reporterName')}
                  rules={[{ required: true, message: t('appeals.intake.nameRule') }]}
                >
                  <Input maxLength={40} data-testid="intake-reporter-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="reporterPhone"
                  label={t('appeals.reporterPhone')}
                  rules={[{ required: true, message: t('appeals.intake.phoneRule') }]}
                >
                  <Input maxLength={20} inputMode="tel" data-testid="intake-reporter-phone" />
                </Form.Item>
              </Col>
            </Row>
          )}
          {reporterKind === 'anonymous' && (
            <Typography.Text type="secondary">{t('appeals.intake.anonymousHint')}</Typography.Text>
          )}
          {reporterKind === 'resident' && (
            <Typography.Text type="secondary">{t('appeals.intake.residentHint')}</Typography.Text>
          )}
        </Card>
      </Form>
    </Drawer>
  );
}
