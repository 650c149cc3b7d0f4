import { PlusOutlined } from '@ant-design/icons';
import { type AppealCategory, AppealSettings, type AppealUrgency, appealUrgencies } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { DispatchSettingsForm } from '../departments/dispatch-settings.form';
import { categoryName, levelLabel, urgencyLabel } from './appeal-labels';
import { LevelTag } from './appeal-tags';
import { useAppealCategories, useAppealSettings, useSaveAppealSettings } from './appeals.api';
import { CategoryFormModal } from './category-form.modal';

type CategoryRow = AppealCategory & { children?: CategoryRow[] };

/** Sub-categories under their parents, as the table's tree. */
function treeOf(categories: AppealCategory[]): CategoryRow[] {
  const codes = new Set(categories.map((c) => c.code));
  const top = categories.filter((c) => c.parentCode === null || !codes.has(c.parentCode));
  return top.map((parent) => {
    const children = categories.filter((c) => c.parentCode === parent.code);
    return children.length > 0 ? { ...parent, children } : parent;
  });
}

function CategoriesTab() {
  const t = useT();
  const { locale } = useLocale();
  const { data, isFetching } = useAppealCategories();
  const modal = useModalTarget<{ category: AppealCategory | null }>();
  const rows = useMemo(() => treeOf(data ?? []), [data]);
  // Parents open unless folded by hand, also those that get their first sub-category later.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const expandedRowKeys = rows.filter((r) => r.children && !folded.has(r.code)).map((r) => r.code);

  const columns: TableColumnsType<CategoryRow> = [
    {
      title: t('appeals.categories.name'),
      key: 'name',
      render: (_, c) => (
        <Space size={4}>
          <span>{categoryName(c, locale)}</span>
          {c.dispute && <Tag color="orange">{t('appeals.categories.disputeTag')}</Tag>}
          {!c.active && <Tag>{t('appeals.categories.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('appeals.categories.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('appeals.categories.otherName'),
      key: 'other',
      render: (_, c) => (locale === 'zh-CN' ? c.nameEn : c.nameZh),
    },
    {
      title: t('appeals.categories.defaultLevel'),
      dataIndex: 'defaultLevel',
      render: (_, c) => <LevelTag level={c.defaultLevel} />,
    },
    {
      title: t('appeals.categories.defaultUrgency'),
      dataIndex: 'defaultUrgency',
      render: (_, c) => urgencyLabel(t, c.defaultUrgency),
    },
    {
      title: t('appeals.categories.resolutionDays'),
      dataIndex: 'resolutionDays',
      align: 'right',
      render: (days: number | null, c) =>
        days === null ? (
          <Typography.Text type="secondary">{t('appeals.categories.byUrgency')}</Typography.Text>
        ) : c.deadlineUnit === 'working_days' ? (
          t('appeals.categories.workingDaysN', { days })
        ) : (
          t('appeals.categories.daysN', { days })
        ),
    },
    { title: t('appeals.categories.sort'), dataIndex: 'sort', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          onClick={() => modal.show({ category: c })}
          data-testid={`category-edit-${c.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Row justify="space-between" align="middle" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('appeals.categories.intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => modal.show({ category: null })}
          data-testid="category-create"
        >
          {t('appeals.categories.create')}
        </Button>
      </Row>
      <Table<CategoryRow>
        rowKey="code"
        columns={columns}
        dataSource={rows}
        loading={isFetching}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys,
          onExpand: (expanded, row) =>
            setFolded((was) => {
              const next = new Set(was);
              if (expanded) next.delete(row.code);
              else next.add(row.code);
              return next;
            }),
        }}
        rowClassName={(c) => (c.active ? '' : 'lx-row-muted')}
        data-testid="categories-table"
      />
      {modal.target && (
        <CategoryFormModal
          category={modal.target.category}
          open={modal.open}
          onClose={modal.hide}
          afterClose={modal.afterClose}
        />
      )}
    </>
  );
}

interface SettingsValues {
  responseHours: number;
  resolutionHours: Record<AppealUrgency, number>;
  warnPercent: number;
  callbackDays: number;
  reopenEscalateAfter: number;
}

function HoursField({ name, label }: { name: (string | number)[]; label: string }) {
  const t = useT();
  const form = Form.useFormInstance<SettingsValues>();
  const hours: number | null | undefined = Form.useWatch(name, form);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true }]}
      extra={
        hours && hours >= 24
          ? t('appeals.settings.inDays', { days: Math.round((hours / 24) * 10) / 10 })
          : ' '
      }
    >
      <InputNumber
        min={1}
        max={8760}
        precision={0}
        style={{ width: '100%' }}
        suffix={t('appeals.settings.hours')}
      />
    </Form.Item>
  );
}

function valuesOf(settings: AppealSettings): SettingsValues {
  return {
    responseHours: settings.responseHours,
    resolutionHours: settings.resolutionHours,
    warnPercent: Math.round(settings.warnAtShare * 100),
    callbackDays: settings.callbackDays,
    reopenEscalateAfter: settings.reopenEscalateAfter,
  };
}

/** 时限设置: response and resolution deadlines, when to warn, callback and reopening rules. */
function DeadlinesTab() {
  const { data } = useAppealSettings();
  if (!data) return <Skeleton active />;
  return <DeadlinesForm settings={data} />;
}

function DeadlinesForm({ settings }: { settings: AppealSettings }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const [initialValues] = useState(() => valuesOf(settings));
  const save = useSaveAppealSettings();
  const mapping = useMemo(() => ({ rename: { warnAtShare: ['warnPercent'] } }), []);
  const { validate, handleError } = useSchemaForm(form, AppealSettings, mapping);

  const submit = (values: SettingsValues) => {
    const body = validate({
      responseHours: values.responseHours,
      resolutionHours: values.resolutionHours,
      warnAtShare: values.warnPercent / 100,
      callbackDays: values.callbackDays,
      reopenEscalateAfter: values.reopenEscalateAfter,
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => message.success(t('appeals.settings.saved')),
      onError: handleError,
    });
  };

  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      name="appeal-settings"
      initialValues={initialValues}
      onFinish={submit}
      style={{ maxWidth: 880 }}
    >
      <Typography.Paragraph type="secondary">{t('appeals.settings.intro')}</Typography.Paragraph>
      <Card size="small" title={t('appeals.settings.deadlines')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <HoursField name={['responseHours']} label={t('appeals.settings.responseHours')} />
          </Col>
          {appealUrgencies.map((u) => (
            <Col xs={24} md={6} key={u}>
              <HoursField
                name={['resolutionHours', u]}
                label={t('appeals.settings.resolutionHours', { urgency: urgencyLabel(t, u) })}
              />
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary">{t('appeals.settings.categoryOverride')}</Typography.Text>
      </Card>
      <Card size="small" title={t('appeals.settings.rules')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="warnPercent"
              label={t('appeals.settings.warnAt')}
              extra={t('appeals.settings.warnAtHint')}
              rules={[{ required: true }]}
            >
              <InputNumber min={10} max={99} precision={0} style={{ width: '100%' }} suffix="%" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="callbackDays"
              label={t('appeals.settings.callbackDays')}
              extra={t('appeals.settings.callbackDaysHint')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={60}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('appeals.settings.days')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="reopenEscalateAfter"
              label={t('appeals.settings.reopenEscalateAfter')}
              extra={t('appeals.settings.reopenEscalateAfterHint', {
                level: levelLabel(t, 'town'),
              })}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={10}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('appeals.settings.times')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="appeal-settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

const tabs = ['categories', 'deadlines', 'dispatch'] as const;

/** 诉求设置 (district admins): the category tree and the deadlines every appeal is held to. */
export function AppealSettingsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'categories';
  return (
    <>
      <PageHeader title={t('appeals.settings.title')} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'categories', label: t('appeals.settings.tabCategories'), children: <CategoriesTab /> },
            { key: 'deadlines', label: t('appeals.settings.tabDeadlines'), children: <DeadlinesTab /> },
            { key: 'dispatch', label: t('dispatch.settings.tab'), children: <DispatchSettingsForm /> },
          ]}
        />
      </Card>
    </>
  );
}
