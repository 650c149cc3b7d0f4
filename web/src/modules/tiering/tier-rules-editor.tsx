import { DeleteOutlined, EyeOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  type TierCondition,
  type TierRules,
  TierRulesCreateBody,
  type TierRulesPreview,
  TierRulesPreviewBody,
} from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { formatNumber } from '../../shared/numbers';
import { useTags } from '../households/households.api';
import { TierRulesPreviewResult } from './tier-rules-preview';
import { TierTag } from './tier-tag';
import { useCreateTierRules, usePreviewTierRules } from './tiering.api';

type ConditionKind = TierCondition['kind'];
const conditionKinds: readonly ConditionKind[] = [
  'perCapitaIncomeBelow',
  'debtAboveIncome',
  'hardshipsAtLeast',
  'tagged',
];

/** A condition as the form holds it: the numbers of every kind, of which the chosen kind's count. */
interface ConditionValues {
  kind: ConditionKind;
  factor?: number | null;
  count?: number | null;
  tags?: string[];
}

interface FormValues {
  rules: {
    minimumLivingLine?: number | null;
    priority: ConditionValues[];
    watch: ConditionValues[];
  };
  effectiveFrom?: Dayjs | null;
  note?: string;
}

function conditionValues(condition: TierCondition): ConditionValues {
  return { ...condition };
}

function toCondition(values: ConditionValues) {
  switch (values.kind) {
    case 'perCapitaIncomeBelow':
    case 'debtAboveIncome':
      return { kind: values.kind, factor: values.factor ?? undefined };
    case 'hardshipsAtLeast':
      return { kind: values.kind, count: values.count ?? undefined };
    case 'tagged':
      return { kind: values.kind, tags: values.tags ?? [] };
  }
}

function rulesOf(values: FormValues) {
  return {
    minimumLivingLine: values.rules.minimumLivingLine ?? undefined,
    priority: values.rules.priority.map(toCondition),
    watch: values.rules.watch.map(toCondition),
  };
}

const newCondition: ConditionValues = { kind: 'perCapitaIncomeBelow', factor: 1.5 };

/** One condition: its kind, and the number or tags that kind needs. */
function ConditionRow(props: { tier: 'priority' | 'watch'; name: number; onRemove: () => void }) {
  const { tier, name, onRemove } = props;
  const t = useT();
  const { locale } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const kind = Form.useWatch(['rules', tier, name, 'kind'], form);
  const factor = Form.useWatch(['rules', tier, name, 'factor'], form);
  const line = Form.useWatch(['rules', 'minimumLivingLine'], form);
  const { data: tags } = useTags();
  const path = (field: string) => [name, field];

  return (
    <Flex gap={8} align="flex-start" wrap data-testid={`condition-${tier}-${name}`}>
      <Form.Item name={path('kind')} style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 200 }}
          options={conditionKinds.map((k) => ({ value: k, label: t(`tierCondition.${k}`) }))}
        />
      </Form.Item>
      {(kind === 'perCapitaIncomeBelow' || kind === 'debtAboveIncome') && (
        <Form.Item
          name={path('factor')}
          style={{ marginBottom: 8 }}
          rules={[{ required: true, message: t('tierRules.factorRule') }]}
          extra={
            kind === 'perCapitaIncomeBelow' && typeof factor === 'number' && typeof line === 'number'
              ? t('tierRules.factorAmount', { amount: formatNumber(Math.round(factor * line), locale) })
              : undefined
          }
        >
          <InputNumber
            min={0.1}
            max={kind === 'perCapitaIncomeBelow' ? 20 : 100}
            step={0.1}
            precision={2}
            prefix={t(
              kind === 'perCapitaIncomeBelow' ? 'tierRules.factorOfLine' : 'tierRules.factorOfIncome',
            )}
            suffix={t('tierRules.times')}
            style={{ width: 240 }}
          />
        </Form.Item>
      )}
      {kind === 'hardshipsAtLeast' && (
        <Form.Item
          name={path('count')}
          style={{ marginBottom: 8 }}
          rules={[{ required: true, message: t('tierRules.countRule') }]}
        >
          <InputNumber
            min={1}
            max={8}
            precision={0}
            prefix={t('tierRules.atLeast')}
            suffix={t('tierRules.items')}
            style={{ width: 160 }}
          />
        </Form.Item>
      )}
      {kind === 'tagged' && (
        <Form.Item
          name={path('tags')}
          style={{ marginBottom: 8, flex: '1 1 240px' }}
          rules={[{ required: true, type: 'array', min: 1, message: t('tierRules.tagsRule') }]}
        >
          <Select
            mode="multiple"
            placeholder={t('tierRules.tagsPlaceholder')}
            options={(tags ?? []).map((tag) => ({ value: tag.code, label: tag.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      )}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        onClick={onRemove}
        aria-label={t('common.remove')}
      />
    </Flex>
  );
}

function ConditionsList({ tier }: { tier: 'priority' | 'watch' }) {
  const t = useT();
  return (
    <Form.List name={['rules', tier]}>
      {(fields, { add, remove }) => (
        <>
          <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
            <TierTag tier={tier} />
            <Typography.Text type="secondary">{t(`tierRules.${tier}Hint`)}</Typography.Text>
          </Flex>
          {fields.map((field) => (
            <ConditionRow key={field.key} tier={tier} name={field.name} onRemove={() => remove(field.name)} />
          ))}
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ ...newCondition })}
            disabled={fields.length >= 20}
            data-testid={`condition-add-${tier}`}
          >
            {t('tierRules.addCondition')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * A new version of the tiering rules, started from the one in force: edit, preview what it would
 * do to today's households, then save it with the date it takes effect.
 */
export function TierRulesEditor({ base, onDone }: { base: TierRules; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const preview = usePreviewTierRules();
  const create = useCreateTierRules();
  const [result, setResult] = useState<{ preview: TierRulesPreview; stale: boolean } | null>(null);
  const [initialValues] = useState<FormValues>(() => ({
    rules: {
      minimumLivingLine: base.minimumLivingLine,
      priority: base.priority.map(conditionValues),
      watch: base.watch.map(conditionValues),
    },
    effectiveFrom: dayjs().add(1, 'day'),
    note: '',
  }));

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: {
        'rules.minimumLivingLine': t('tierRules.lineRule'),
        effectiveFrom: t('tierRules.effectiveFromRule'),
      },
      codes: { RULES_EFFECTIVE_DATE_INVALID: ['effectiveFrom'] },
    }),
    [t],
  );
  const previewForm = useSchemaForm(form, TierRulesPreviewBody, mapping);
  const saveForm = useSchemaForm(form, TierRulesCreateBody, mapping);

  const runPreview = async () => {
    const values = await form.validateFields({ recursive: true }).catch(() => null);
    if (!values) return;
    const body = previewForm.validate({ rules: rulesOf(values) });
    if (!body) return;
    preview.mutate(body.rules, {
      onSuccess: (data) => setResult({ preview: data, stale: false }),
      onError: previewForm.handleError,
    });
  };

  const save = async () => {
    const values = await form.validateFields({ recursive: true }).catch(() => null);
    if (!values) return;
    const body = saveForm.validate({
      rules: rulesOf(values),
      effectiveFrom: values.effectiveFrom?.format('YYYY-MM-DD'),
      note: values.note ?? '',
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (created) => {
        message.success(t('tierRules.saved', { version: created.version, date: created.effectiveFrom }));
        onDone();
      },
      onError: saveForm.handleError,
    });
  };

  return (
    <Card
      size="small"
      title={t('tierRules.editorTitle')}
      style={{ marginBottom: 16 }}
      extra={<Button onClick={onDone}>{t('common.cancel')}</Button>}
      data-testid="tier-rules-editor"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="tier-rules"
        initialValues={initialValues}
        onValuesChange={() => setResult((r) => (r ? { ...r, stale: true } : r))}
      >
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['rules', 'minimumLivingLine']}
              label={t('tierRules.minimumLivingLine')}
              rules={[{ required: true, message: t('tierRules.lineRule') }]}
              extra={t('tierRules.lineHint')}
            >
              <InputNumber
                min={1}
                max={1_000_000}
                precision={0}
                suffix={t('tierRules.yuanPerPersonYear')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveFrom"
              label={t('tierRules.effectiveFrom')}
              rules={[{ required: true, message: t('tierRules.effectiveFromRule') }]}
              extra={t('tierRules.effectiveFromHint')}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(day) => day.isBefore(dayjs(), 'day')}
                data-testid="tier-rules-effective"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="note" label={t('tierRules.note')}>
              <Input maxLength={200} placeholder={t('tierRules.notePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('tierRules.orderHint')}</Typography.Paragraph>
        <ConditionsList tier="priority" />
        <Divider style={{ margin: '16px 0' }} />
        <ConditionsList tier="watch" />
      </Form>
      <Divider style={{ margin: '16px 0' }} />
      <Space wrap style={{ marginBottom: result ? 16 : 0 }}>
        <Button
          icon={<EyeOutlined />}
          onClick={runPreview}
          loading={preview.isPending}
          data-testid="tier-rules-preview"
        >
          {t('tierRules.preview')}
        </Button>
        <Popconfirm
          title={t('tierRules.saveConfirm')}
          description={t('tierRules.saveConfirmText')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={save}
        >
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={create.isPending}
            data-testid="tier-rules-save"
          >
            {t('tierRules.save')}
          </Button>
        </Popconfirm>
        {!result && <Typography.Text type="secondary">{t('tierRules.previewFirst')}</Typography.Text>}
      </Space>
      {result && <TierRulesPreviewResult preview={result.preview} stale={result.stale} />}
    </Card>
  );
}
