import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Household, Visit } from '@lianxin/common';
import { helpMeasureKinds, householdsApi, needKinds, VisitCreateBody, visitKinds } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { api, isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { clientUuid } from '../../shared/client-id';
import { useShowError } from '../../shared/feedback';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useDebounced } from '../../shared/use-debounced';
import { useCategoryIndex } from '../appeals/appeal-categories';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { householdKey, useHouseholds } from '../households/households.api';
import { IndicatorFields, type IndicatorFormValues, toIndicatorsBody } from '../households/indicator-fields';
import { fetchVisit, uploadVisitPhoto, useCreateVisit, usePairingBoard } from './assistance.api';
import {
  districtToday,
  type HelpMeasureKind,
  measureKindLabel,
  type NeedKind,
  needLabel,
  type VisitKind,
  visitKindLabel,
} from './assistance-labels';
import { CadreSelect, cadresFor } from './cadre-select';
import { type LocalPhoto, VisitPhotos } from './visit-photos';

type Target = 'household' | 'village';

interface VisitValues {
  target: Target;
  householdId?: string;
  villageCode?: string;
  date: Dayjs;
  kind: VisitKind;
  companionIds: string[];
  findings?: string;
  needs: NeedKind[];
  updateIndicators: boolean;
  indicators?: IndicatorFormValues;
  measuresDone: { kind?: HelpMeasureKind; outcome?: string }[];
  appeals: { categoryCode?: string; title?: string; description?: string }[];
}

/** A household of the caller's area, found by number, head or address (the worklist preselects one). */
function HouseholdPicker({ preselected }: { preselected: Household | undefined }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 400);
  const households = useHouseholds({
    filter: { ...(q ? { q } : {}), status: 'active' },
    sort: 'area',
    cursor: undefined,
    limit: 20,
  });
  const options = (households.data?.items ?? []).map((h) => ({
    value: h.id,
    label: `${h.number} · ${h.headName ?? '—'} · ${h.areaName}`,
  }));
  if (preselected && !options.some((o) => o.value === preselected.id)) {
    options.unshift({
      value: preselected.id,
      label: `${preselected.number} · ${preselected.headName ?? '—'} · ${preselected.areaName}`,
    });
  }
  return (
    <Form.Item
      name="householdId"
      label={t('assistance.household')}
      rules={[{ required: true, message: t('assistance.visit.householdRule') }]}
    >
      <Select
        showSearch={{ filterOption: false, onSearch: setSearch }}
        placeholder={t('assistance.visit.householdPlaceholder')}
        loading={households.isFetching}
        notFoundContent={households.isFetching ? undefined : t('assistance.visit.noHousehold')}
        options={options}
        data-testid="visit-household"
      />
    </Form.Item>
  );
}

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

/** Matters to take up as appeals: each becomes an appeal of the household's village, from the visit. */
function AppealsRaised() {
  const t = useT();
  const categories = useCategoryIndex();
  const tree = useMemo(() => categories.tree(), [categories]);
  return (
    <Form.List name="appeals">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              type="inner"
              title={t('assistance.visit.appealN', { n: i + 1 })}
              extra={
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              }
            >
              <Form.Item
                name={[field.name, 'categoryCode']}
                label={t('assistance.visit.appealCategory')}
                rules={[{ required: true, message: t('assistance.visit.appealCategoryRule') }]}
              >
                <TreeSelect
                  treeData={tree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandAll
                  loading={categories.isLoading}
                  popupMatchSelectWidth={false}
                  data-testid="visit-appeal-category"
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'title']}
                label={t('assistance.visit.appealTitle')}
                rules={[{ required: true, message: t('assistance.visit.appealTitleRule') }]}
              >
                <Input maxLength={60} showCount data-testid="visit-appeal-title" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'description']}
                label={t('assistance.visit.appealDescription')}
                rules={[{ required: true, message: t('assistance.visit.appealDescriptionRule') }]}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea rows={3} maxLength={4000} data-testid="visit-appeal-description" />
              </Form.Item>
            </Card>
          ))}
          {fields.length < 10 && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              className="lx-visit-big"
              data-testid="visit-appeal-add"
            >
              {t('assistance.visit.appealAdd')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="lx-visit-section">
      <Typography.Title level={5} className="lx-visit-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * 走访记录: a household visit (or a visit to the village itself) with who went, what was found
 * and needed, new figures, help given on the spot, matters to raise as appeals, and photos.
 * The visit's UUID is made once per form: a retried save (a lost answer, a double tap) is the
 * same visit to the server. Photos go up after the visit is stored, each once.
 */
export function VisitForm(props: {
  householdId?: string;
  /** A visit to the village itself (a must-go place), not to a household. */
  village?: boolean;
  onSaved: (visit: Visit) => void;
  onCancel: () => void;
}) {
  const { onSaved, onCancel } = props;
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<VisitValues>();
  const [visitId] = useState(clientUuid);
  const create = useCreateVisit();
  const sending = useRef(false);
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [photosBusy, setPhotosBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<Visit | null>(null);
  const { index } = useAreaIndex();
  const board = usePairingBoard(undefined);
  const target: Target = Form.useWatch('target', form) ?? (props.village ? 'village' : 'household');
  const householdId: string | undefined = Form.useWatch('householdId', form) ?? props.householdId;
  const villageField: string | undefined = Form.useWatch('villageCode', form);
  const updateIndicators: boolean = Form.useWatch('updateIndicators', form) ?? false;
  const household = useQuery({
    queryKey: householdKey(householdId ?? ''),
    queryFn: () => api(householdsApi.get, { params: { id: householdId ?? '' } }),
    enabled: householdId !== undefined,
  });
  const preselected = props.householdId ? household.data : undefined;
  const today = districtToday();

  const villageTree = useMemo(() => toTreeNodes(index, (a) => a.kind === 'village'), [index]);
  // Companions must work in the visited village; the caller is on the visit anyway.
  const villageCode = target === 'household' ? household.data?.villageCode : villageField;
  const companions = useMemo(
    () => (villageCode ? cadresFor(board.data?.cadres ?? [], villageCode).filter((c) => c.id !== me.id) : []),
    [board.data, villageCode, me.id],
  );

  // A village cadre (or one bound to a group, 网格) visits their own village.
  const own = index.byCode.get(me.areaCode);
  const ownVillage =
    own?.kind === 'village' ? own.code : own?.kind === 'group' ? (own.parentCode ?? undefined) : undefined;
  const [initialValues] = useState<VisitValues>(() => ({
    target: props.village ? 'village' : 'household',
    householdId: props.householdId,
    villageCode: ownVillage,
    date: dayjs(today),
    kind: 'in_home',
    companionIds: [],
    needs: [],
    updateIndicators: false,
    indicators: { year: Number(today.slice(0, 4)), hardships: [] },
    measuresDone: [],
    appeals: [],
  }));
  // The area list may arrive after the form opened.
  useEffect(() => {
    if (ownVillage && !form.getFieldValue('villageCode')) form.setFieldValue('villageCode', ownVillage);
  }, [ownVillage, form]);

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: {
        villageCode: t('assistance.visit.villageRule'),
        findings: t('assistance.visit.findingsRule'),
      },
      codes: { VISIT_DATE_INVALID: ['date'], PAIRING_OUTSIDE_AREA: ['companionIds'] },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, VisitCreateBody, mapping);

  /** Sends the photos not yet on the saved visit; true when all are there. */
  const sendPhotos = async (visit: Visit): Promise<boolean> => {
    let current = photos;
    let failed = false;
    setUploading(true);
    try {
      for (const photo of photos) {
        if (photo.uploaded) continue;
        try {
          await uploadVisitPhoto(visit.id, photo.blob, photo.contentType);
          current = current.map((p) => (p.key === photo.key ? { ...p, uploaded: true } : p));
          setPhotos(current);
        } catch (error) {
          failed = true;
          showError(error);
          break;
        }
      }
    } finally {
      setUploading(false);
    }
    return !failed;
  };

  const finish = (visit: Visit) => {
    message.success(t('assistance.visit.saved'));
    onSaved(visit);
  };

  const afterSave = async (visit: Visit) => {
    setSaved(visit);
    if (await sendPhotos(visit)) finish(visit);
  };

  const submit = () => {
    if (sending.current || photosBusy || saved) return;
    // The whole store: fields not on screen (the target, a preselected household) keep their values.
    const values = form.getFieldsValue(true) as VisitValues;
    const isHousehold = values.target === 'household';
    const body = validate({
      id: visitId,
      householdId: isHousehold ? (values.householdId ?? null) : null,
      ...(isHousehold ? {} : { villageCode: values.villageCode }),
      companionIds: values.companionIds,
      date: values.date.format('YYYY-MM-DD'),
      kind: values.kind,
      findings: values.findings ?? '',
      needs: values.needs,
      indicators:
        isHousehold && values.updateIndicators && values.indicators
          ? { year: values.indicators.year, ...toIndicatorsBody(values.indicators) }
          : null,
      measuresDone: isHousehold
        ? values.measuresDone.map((m) => ({ kind: m.kind, outcome: m.outcome ?? '' }))
        : [],
      appeals: can('appeals.create')
        ? values.appeals.map((a) => ({
            categoryCode: a.categoryCode ?? '',
            title: a.title ?? '',
            description: a.description ?? '',
          }))
        : [],
    });
    if (!body) return;
    sending.current = true;
    create.mutate(body, {
      onSuccess: (visit) => void afterSave(visit),
      onError: (error) => {
        // Stored before the answer was lost, then edited and sent again: the stored one stands.
        if (!isApiError(error, 'IDEMPOTENCY_KEY_REUSED')) return handleError(error);
        fetchVisit(visitId)
          .then((stored) => {
            message.warning(t('assistance.visit.storedBefore'));
            void afterSave(stored);
          })
          .catch(() => handleError(error));
      },
      onSettled: () => {
        sending.current = false;
      },
    });
  };

  const busy = create.isPending || uploading;
  const unsent = photos.filter((p) => !p.uploaded).length;

  return (
    <div className="lx-visit-form" data-testid="visit-form">
      <Form<VisitValues>
        form={form}
        layout="vertical"
        name="visit-form"
        initialValues={initialValues}
        onFinish={submit}
        // Once stored, the visit is what it is: only its photos may still go up.
        disabled={saved !== null}
        scrollToFirstError={{ block: 'center' }}
      >
        <Section title={t('assistance.visit.whom')}>
          {!props.householdId && (
            <Form.Item name="target">
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                className="lx-visit-choices lx-visit-choices-2"
                options={[
                  { value: 'household', label: t('assistance.visit.targetHousehold') },
                  { value: 'village', label: t('assistance.visit.targetVillage') },
                ]}
                data-testid="visit-target"
              />
            </Form.Item>
          )}
          {target === 'household' ? (
            <HouseholdPicker preselected={preselected} />
          ) : (
            <Form.Item
              name="villageCode"
              label={t('assistance.village')}
              extra={t('assistance.visit.villageHint')}
              rules={[{ required: true, message: t('assistance.visit.villageRule') }]}
            >
              <TreeSelect
                treeData={villageTree}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
                popupMatchSelectWidth={false}
                data-testid="visit-village"
              />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                name="date"
                label={t('assistance.visit.date')}
                rules={[{ required: true, message: t('assistance.visit.dateRule') }]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  allowClear={false}
                  inputReadOnly
                  disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                  data-testid="visit-date"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="companionIds" label={t('assistance.visit.companions')}>
                <CadreSelect
                  cadres={companions}
                  mode="multiple"
                  maxCount={10}
                  placeholder={t('assistance.visit.companionsPlaceholder')}
                  notFoundContent={t('assistance.visit.noCompanions')}
                  data-testid="visit-companions"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="kind" label={t('assistance.visit.kind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              className="lx-visit-choices"
              options={visitKinds.map((k) => ({ value: k, label: visitKindLabel(t, k) }))}
              data-testid="visit-kind"
            />
          </Form.Item>
        </Section>

        <Section title={t('assistance.visit.what')}>
          <Form.Item
            name="findings"
            label={t('assistance.visit.findings')}
            rules={[{ required: true, whitespace: true, message: t('assistance.visit.findingsRule') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 12 }}
              maxLength={4000}
              showCount
              placeholder={t('assistance.visit.findingsPlaceholder')}
              data-testid="visit-findings"
            />
          </Form.Item>
          <Form.Item name="needs" label={t('assistance.visit.needs')}>
            <Checkbox.Group
              className="lx-visit-checks"
              options={needKinds.map((n) => ({ value: n, label: needLabel(t, n) }))}
              data-testid="visit-needs"
            />
          </Form.Item>
        </Section>

        {target === 'household' && (
          <>
            <Section title={t('assistance.visit.figures')}>
              <Form.Item name="updateIndicators" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Switch
                  checkedChildren={t('assistance.visit.figuresOn')}
                  unCheckedChildren={t('assistance.visit.figuresOff')}
                  disabled={!householdId}
                  onChange={(on) => {
                    // The year's figures already on file, to correct rather than retype.
                    const year = form.getFieldValue(['indicators', 'year']) as number | undefined;
                    const existing = household.data?.indicators.find((i) => i.year === year);
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
                  members={household.data?.members.filter((m) => m.status === 'active').length}
                />
              ) : (
                <Typography.Text type="secondary">{t('assistance.visit.figuresHint')}</Typography.Text>
              )}
            </Section>
            <Section title={t('assistance.visit.measuresDone')}>
              <MeasuresDone />
            </Section>
          </>
        )}

        {can('appeals.create') && (
          <Section title={t('assistance.visit.appeals')}>
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              {t('assistance.visit.appealsHint')}
            </Typography.Paragraph>
            <AppealsRaised />
          </Section>
        )}

        <Section title={t('assistance.visit.photos')}>
          <VisitPhotos photos={photos} onChange={setPhotos} onBusy={setPhotosBusy} disabled={busy} />
        </Section>
      </Form>

      {saved && unsent > 0 && !uploading && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('assistance.visit.photosPending', { count: unsent })}
          action={
            <Button size="small" onClick={() => finish(saved)} data-testid="visit-skip-photos">
              {t('assistance.visit.skipPhotos')}
            </Button>
          }
          data-testid="visit-photos-pending"
        />
      )}

      <div className="lx-visit-actions">
        <Button onClick={onCancel} disabled={busy} className="lx-visit-action" data-testid="visit-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          disabled={photosBusy}
          onClick={() => (saved ? void afterSave(saved) : form.submit())}
          className="lx-visit-action"
          data-testid="visit-submit"
        >
          {saved ? t('assistance.visit.retryPhotos') : t('assistance.visit.save')}
        </Button>
      </div>
    </div>
  );
}
