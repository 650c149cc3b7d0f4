import {
  type DemocracyMember,
  REPRESENTED_HOUSEHOLDS_MAX,
  REPRESENTED_HOUSEHOLDS_MIN,
  representativeBases,
} from '@lianxin/common';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useAreaIndex } from '../areas/areas.api';
import { useCreateMember, useUpdateMember } from './democracy.api';
import { HouseholdsSelect } from './households-select';

interface Values {
  name: string;
  gender: 'male' | 'female';
  title: string;
  roles: ('branchCommittee' | 'villagersCommittee' | 'partyMember' | 'partyVoting' | 'representative')[];
  representativeBasis: 'group' | 'households' | null;
  representativeGroupCode: string | null;
  representedHouseholdIds: string[];
}

const roleFlags = [
  'branchCommittee',
  'villagersCommittee',
  'partyMember',
  'partyVoting',
  'representative',
] as const;

/** A member of the village's bodies: who they are and where they sit. */
export function MemberFormModal(props: {
  villageCode: string;
  member: DemocracyMember | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateMember();
  const update = useUpdateMember();
  const { index } = useAreaIndex();
  const groups = useMemo(
    () => (index.children.get(props.villageCode) ?? []).filter((a) => a.kind === 'group'),
    [index, props.villageCode],
  );
  const roles = Form.useWatch('roles', form) ?? [];
  const basis = Form.useWatch('representativeBasis', form);
  const households = Form.useWatch('representedHouseholdIds', form) ?? [];
  // Art. 25: one representative per 5–15 households, warned of only for that way of choosing.
  const outside =
    households.length < REPRESENTED_HOUSEHOLDS_MIN || households.length > REPRESENTED_HOUSEHOLDS_MAX;

  useEffect(() => {
    if (!props.open) return;
    const m = props.member;
    form.resetFields();
    form.setFieldsValue(
      m
        ? {
            name: m.name,
            gender: m.gender,
            title: m.title,
            roles: roleFlags.filter((f) => m[f]),
            representativeBasis: m.representativeBasis,
            representativeGroupCode: m.representativeGroupCode,
            representedHouseholdIds: m.representedHouseholdIds,
          }
        : {
            gender: 'female',
            title: '',
            roles: ['representative'],
            representativeBasis: 'group',
            representativeGroupCode: null,
            representedHouseholdIds: [],
          },
    );
  }, [props.open, props.member, form]);

  const save = async () => {
    const v = await form.validateFields();
    const flags = Object.fromEntries(roleFlags.map((f) => [f, v.roles.includes(f)])) as Record<
      (typeof roleFlags)[number],
      boolean
    >;
    const representative = flags.representative;
    const fields = {
      name: v.name.trim(),
      gender: v.gender,
      title: v.title?.trim() ?? '',
      ...flags,
      partyVoting: flags.partyMember && flags.partyVoting,
      representativeBasis: representative ? v.representativeBasis : null,
      representativeGroupCode:
        representative && v.representativeBasis === 'group' ? v.representativeGroupCode : null,
      representedHouseholdIds:
        representative && v.representativeBasis === 'households' ? (v.representedHouseholdIds ?? []) : [],
    };
    const done = { onSuccess: props.onClose, onError: showError };
    if (props.member)
      update.mutate({ id: props.member.id, body: { version: props.member.version, ...fields } }, done);
    else create.mutate({ villageCode: props.villageCode, ...fields }, done);
  };

  return (
    <Modal
      open={props.open}
      title={t(props.member ? 'democracyWeb.members.edit' : 'democracyWeb.members.add')}
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'member-save' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="member-form">
        <Form.Item
          name="name"
          label={t('democracyWeb.members.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input data-testid="member-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('democracyWeb.members.gender')}>
          <Radio.Group
            options={[
              { value: 'female', label: t('democracyWeb.gender.female') },
              { value: 'male', label: t('democracyWeb.gender.male') },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('democracyWeb.members.title')} rules={[{ max: 40 }]}>
          <Input placeholder={t('democracyWeb.members.titleHint')} />
        </Form.Item>
        <Form.Item name="roles" label={t('democracyWeb.members.sits')}>
          <Checkbox.Group
            options={roleFlags.map((f) => ({
              value: f,
              label: t(`democracyWeb.flag.${f}`),
              disabled: f === 'partyVoting' && !roles.includes('partyMember'),
            }))}
          />
        </Form.Item>
        {roles.includes('representative') && (
          <>
            <Form.Item name="representativeBasis" label={t('democracyWeb.members.basis')}>
              <Radio.Group
                options={representativeBases.map((b) => ({ value: b, label: t(`democracy.basis.${b}`) }))}
              />
            </Form.Item>
            {basis === 'group' && (
              <Form.Item
                name="representativeGroupCode"
                label={t('democracyWeb.members.group')}
                rules={[{ required: true }]}
              >
                <Select allowClear options={groups.map((g) => ({ value: g.code, label: g.name }))} />
              </Form.Item>
            )}
            {basis === 'households' && (
              <>
                <Form.Item
                  name="representedHouseholdIds"
                  label={t('democracyWeb.members.representedHouseholds')}
                >
                  <HouseholdsSelect villageCode={props.villageCode} data-testid="member-households" />
                </Form.Item>
                {outside && (
                  <Alert
                    type="warning"
                    showIcon
                    message={t('democracy.member.householdsWarning')}
                    data-testid="member-households-warning"
                  />
                )}
              </>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
