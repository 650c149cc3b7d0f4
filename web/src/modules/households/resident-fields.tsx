import {
  educations,
  employments,
  fieldProblems,
  type Locale,
  normalizeIdNumber,
  parseIdNumber,
  publicRoles,
  type Resident,
  type relations,
  residentStatuses,
} from '@lianxin/common';
import type { FormRule } from 'antd';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { blankToNull } from '../../shared/forms';
import {
  educationLabel,
  employmentLabel,
  publicRoleLabel,
  relationLabel,
  residentStatusLabel,
} from './household-labels';
import { useTags } from './households.api';

type Relation = (typeof relations)[number];

/** A member as the form holds it; `toResidentBody` turns it into what the API takes. */
export interface ResidentFormValues {
  name: string;
  relation?: Relation;
  idNumber?: string;
  phone?: string;
  employment?: (typeof employments)[number] | null;
  education?: (typeof educations)[number] | null;
  partyMember: boolean;
  partyJoinYear?: number | null;
  disabled: boolean;
  seriouslyIll: boolean;
  publicRoles: (typeof publicRoles)[number][];
  tags: string[];
  status: (typeof residentStatuses)[number];
}

export function emptyResident(relation?: Relation): ResidentFormValues {
  return {
    name: '',
    relation,
    partyMember: false,
    disabled: false,
    seriouslyIll: false,
    publicRoles: [],
    tags: [],
    status: 'active',
  };
}

/** A member's current values; the ID number stays empty because the API only sends it masked. */
export function residentValues(resident: Resident): ResidentFormValues {
  return {
    name: resident.name,
    relation: resident.relation,
    idNumber: '',
    phone: resident.phone ?? '',
    employment: resident.employment,
    education: resident.education,
    partyMember: resident.partyMember,
    partyJoinYear: resident.partyJoinYear,
    disabled: resident.disabled,
    seriouslyIll: resident.seriouslyIll,
    publicRoles: resident.publicRoles,
    tags: resident.tags,
    status: resident.status,
  };
}

/** The body fields of ResidentInput; the shared schema then checks and completes them. */
export function toResidentBody(values: ResidentFormValues) {
  return {
    name: values.name,
    relation: values.relation,
    idNumber: blankToNull(values.idNumber),
    phone: blankToNull(values.phone),
    employment: values.employment ?? null,
    education: values.education ?? null,
    partyMember: values.partyMember,
    partyJoinYear: values.partyMember ? (values.partyJoinYear ?? null) : null,
    disabled: values.disabled,
    seriouslyIll: values.seriouslyIll,
    publicRoles: values.publicRoles,
    tags: values.tags,
    status: values.status,
  };
}

/** The ID number checked as it is typed, with the words the server would use. */
export function idNumberRule(locale: Locale): FormRule {
  return {
    validator: async (_, value: string | undefined) => {
      const id = normalizeIdNumber(value ?? '');
      if (!id) return;
      const parsed = parseIdNumber(id);
      if (!parsed.ok) throw new Error(fieldProblems[`idNumber.${parsed.problem}`][locale]);
    },
  };
}

export function phoneRule(t: Translate): FormRule {
  // A masked number (138****9469) is the one on file, left as it was: the form does not send it.
  return { pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8}|.{3}\*+\d{4})$/, message: t('household.phoneRule') };
}

/**
 * The fields of one member, under `prefix` (a Form.List item) or at the top of the form. Used by
 * the new-household drawer and by the member modal, so both ask the same things the same way.
 */
export function ResidentFields(props: {
  prefix?: (string | number)[];
  relations: readonly Relation[];
  relationLocked?: boolean;
  /** An edit: the ID number is shown masked and only replaced when a new one is typed. */
  maskedIdNumber?: string | null;
  showStatus?: boolean;
}) {
  const { prefix = [], relationLocked, maskedIdNumber, showStatus } = props;
  const t = useT();
  const { locale } = useLocale();
  const { data: tags, isLoading: tagsLoading } = useTags();
  const form = Form.useFormInstance();
  const partyMember = Form.useWatch([...prefix, 'partyMember'], form);
  const name = (field: string) => [...prefix, field];

  const tagOptions = useMemo(
    () =>
      (tags ?? [])
        .filter((tag) => tag.appliesTo !== 'household')
        .map((tag) => ({ value: tag.code, label: tag.name })),
    [tags],
  );

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('name')}
          label={t('resident.name')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('resident.nameRule') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('relation')}
          label={t('resident.relation')}
          rules={[{ required: true, message: t('resident.relationRule') }]}
        >
          <Select
            disabled={relationLocked}
            options={props.relations.map((r) => ({ value: r, label: relationLabel(t, r) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('idNumber')}
          label={t('resident.idNumber')}
          rules={[idNumberRule(locale)]}
          extra={maskedIdNumber ? t('resident.idNumberKeep', { masked: maskedIdNumber }) : undefined}
        >
          <Input
            maxLength={20}
            style={{ fontFamily: 'monospace' }}
            placeholder={maskedIdNumber ? t('resident.idNumberKeepPlaceholder') : undefined}
            autoComplete="off"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('phone')} label={t('resident.phone')} rules={[phoneRule(t)]}>
          <Input maxLength={13} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('employment')} label={t('resident.employment')}>
          <Select allowClear options={employments.map((e) => ({ value: e, label: employmentLabel(t, e) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('education')} label={t('resident.education')}>
          <Select allowClear options={educations.map((e) => ({ value: e, label: educationLabel(t, e) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item label={t('resident.circumstances')} style={{ marginBottom: 8 }}>
          <Form.Item name={name('partyMember')} valuePropName="checked" noStyle>
            <Checkbox>{t('resident.partyMember')}</Checkbox>
          </Form.Item>
          <Form.Item name={name('disabled')} valuePropName="checked" noStyle>
            <Checkbox>{t('resident.disabled')}</Checkbox>
          </Form.Item>
          <Form.Item name={name('seriouslyIll')} valuePropName="checked" noStyle>
            <Checkbox>{t('resident.seriouslyIll')}</Checkbox>
          </Form.Item>
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        {partyMember && (
          <Form.Item name={name('partyJoinYear')} label={t('resident.partyJoinYear')}>
            <InputNumber min={1921} max={new Date().getFullYear()} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={name('publicRoles')}
          label={t('resident.publicRoles')}
          tooltip={t('resident.publicRolesHint')}
        >
          <Select
            mode="multiple"
            allowClear
            options={publicRoles.map((r) => ({ value: r, label: publicRoleLabel(t, r) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('tags')} label={t('resident.tags')}>
          <Select
            mode="multiple"
            allowClear
            loading={tagsLoading}
            options={tagOptions}
            optionFilterProp="label"
          />
        </Form.Item>
      </Col>
      {showStatus && (
        <Col xs={24} md={8}>
          <Form.Item name={name('status')} label={t('resident.status')}>
            <Select options={residentStatuses.map((s) => ({ value: s, label: residentStatusLabel(t, s) }))} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
