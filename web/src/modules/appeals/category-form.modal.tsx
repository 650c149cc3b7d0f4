import {
  type AppealCategory,
  AppealCategoryBody,
  type AppealLevel,
  type AppealUrgency,
  appealLevels,
  appealUrgencies,
  type PeriodUnit,
  periodUnits,
} from '@lianxin/common';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { categoryName, levelLabel, urgencyLabel } from './appeal-labels';
import { useAppealCategories, useSaveAppealCategory } from './appeals.api';

interface FormValues {
  code: string;
  parentCode?: string | null;
  nameZh: string;
  nameEn: string;
  defaultLevel: AppealLevel;
  defaultUrgency: AppealUrgency;
  resolutionDays?: number | null;
  deadlineUnit: PeriodUnit;
  dispute: boolean;
  active: boolean;
  sort: number;
}

function valuesOf(category: AppealCategory | null): FormValues {
  if (!category) {
    return {
      code: '',
      parentCode: null,
      nameZh: '',
      nameEn: '',
      defaultLevel: 'village',
      defaultUrgency: 'normal',
      resolutionDays: null,
      deadlineUnit: 'calendar_days',
      dispute: false,
      active: true,
      sort: 100,
    };
  }
  return { ...category };
}

/** Adds a category or edits one; the code is fixed once made (appeals refer to it). */
export function CategoryFormModal(props: {
  category: AppealCategory | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { category, open, onClose, afterClose } = props;
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data: categories } = useAppealCategories();
  const save = useSaveAppealCategory();
  const [initialValues] = useState(() => valuesOf(category));
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { code: t('appeals.categories.codeRule') },
      codes: { APPEAL_CATEGORY_CODE_TAKEN: ['code'], APPEAL_CATEGORY_UNKNOWN: ['parentCode'] },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, AppealCategoryBody, mapping);
  // One level of sub-categories: a parent is a top-level category other than this one.
  const parents = (categories ?? []).filter((c) => c.parentCode === null && c.code !== category?.code);

  const submit = (values: FormValues) => {
    const body = validate({
      ...values,
      code: category ? category.code : values.code,
      parentCode: values.parentCode ?? null,
      resolutionDays: values.resolutionDays ?? null,
    });
    if (!body) return;
    save.mutate(
      { code: category?.code ?? null, body },
      {
        onSuccess: (saved) => {
          message.success(t('appeals.categories.saved', { name: categoryName(saved, locale) }));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      title={
        category
          ? t('appeals.categories.editTitle', { name: categoryName(category, locale) })
          : t('appeals.categories.createTitle')
      }
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'category-submit' }}
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="appeal-category"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('appeals.categories.code')}
              extra={category ? t('appeals.categories.codeFixed') : t('appeals.categories.codeHint')}
              rules={[{ required: true, message: t('appeals.categories.codeRule') }]}
            >
              <Input maxLength={40} disabled={category !== null} data-testid="category-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parentCode" label={t('appeals.categories.parent')}>
              <Select
                allowClear
                placeholder={t('appeals.categories.noParent')}
                options={parents.map((c) => ({ value: c.code, label: categoryName(c, locale) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="nameZh"
              label={t('appeals.categories.nameZh')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={40} data-testid="category-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="nameEn"
              label={t('appeals.categories.nameEn')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={60} data-testid="category-name-en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="defaultLevel"
              label={t('appeals.categories.defaultLevel')}
              extra={t('appeals.categories.defaultLevelHint')}
            >
              <Select options={appealLevels.map((l) => ({ value: l, label: levelLabel(t, l) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="defaultUrgency" label={t('appeals.categories.defaultUrgency')}>
              <Select options={appealUrgencies.map((u) => ({ value: u, label: urgencyLabel(t, u) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="resolutionDays"
              label={t('appeals.categories.resolutionDays')}
              extra={t('appeals.categories.resolutionDaysHint')}
            >
              <InputNumber
                min={1}
                max={365}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('appeals.settings.days')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="deadlineUnit"
              label={t('appeals.categories.deadlineUnit')}
              extra={t('appeals.categories.deadlineUnitHint')}
            >
              <Select
                options={periodUnits.map((unit) => ({
                  value: unit,
                  label: t(`appeals.categories.unit.${unit}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="sort"
              label={t('appeals.categories.sort')}
              extra={t('appeals.categories.sortHint')}
            >
              <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="dispute"
              label={t('appeals.categories.dispute')}
              valuePropName="checked"
              extra={t('appeals.categories.disputeHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="active"
              label={t('appeals.categories.active')}
              valuePropName="checked"
              extra={t('appeals.categories.activeHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
