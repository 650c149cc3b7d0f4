import {
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { Household, Resident } from '@lianxin/common';
import { Button, Flex, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { RevealablePhone } from '../../shared/phone-reveal';
import { useModalTarget } from '../../shared/use-modal-target';
import { ChangeHeadModal } from './change-head.modal';
import {
  educationLabel,
  employmentLabel,
  publicRoleLabel,
  relationLabel,
  residentStatusLabel,
} from './household-labels';
import { revealIdNumber, useTagNames } from './households.api';
import { ResidentFormModal, type ResidentFormTarget } from './resident-form.modal';

/**
 * A member's ID number, masked as the server sends it; with `idnumber.reveal` a button fetches the
 * full number (the server audits each reveal) and shows it until hidden again.
 */
function IdNumberCell({ resident }: { resident: Resident }) {
  const t = useT();
  const can = useCan();
  const showError = useShowError();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!resident.idNumber) return <Typography.Text type="secondary">—</Typography.Text>;

  const reveal = async () => {
    setLoading(true);
    try {
      setFull(await revealIdNumber(resident.id));
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space size={4}>
      <Typography.Text
        style={{ fontFamily: 'monospace' }}
        copyable={full ? { text: full } : false}
        data-testid={`id-number-${resident.id}`}
      >
        {full ?? resident.idNumber}
      </Typography.Text>
      {can('idnumber.reveal') &&
        (full ? (
          <Tooltip title={t('resident.hideIdNumber')}>
            <Button
              type="link"
              size="small"
              icon={<EyeInvisibleOutlined />}
              onClick={() => setFull(null)}
              aria-label={t('resident.hideIdNumber')}
            />
          </Tooltip>
        ) : (
          <Tooltip title={t('resident.revealHint')}>
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              loading={loading}
              onClick={reveal}
              data-testid={`reveal-${resident.id}`}
            >
              {t('resident.reveal')}
            </Button>
          </Tooltip>
        ))}
    </Space>
  );
}

/** Party membership, health, public roles and tags of a member, as small tags. */
function CircumstanceTags({ resident }: { resident: Resident }) {
  const t = useT();
  const tagName = useTagNames();
  const tags = [
    ...(resident.partyMember
      ? [
          {
            key: 'party',
            color: 'red',
            text: resident.partyJoinYear
              ? t('resident.partyMemberSince', { year: resident.partyJoinYear })
              : t('resident.partyMember'),
          },
        ]
      : []),
    ...(resident.disabled ? [{ key: 'disabled', color: 'orange', text: t('resident.disabled') }] : []),
    ...(resident.seriouslyIll ? [{ key: 'ill', color: 'volcano', text: t('resident.seriouslyIll') }] : []),
    ...resident.publicRoles.map((r) => ({ key: r, color: 'blue', text: publicRoleLabel(t, r) })),
    ...resident.tags.map((code) => ({ key: `tag-${code}`, color: 'default', text: tagName(code) })),
  ];
  if (tags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) => (
        <Tag key={tag.key} color={tag.color}>
          {tag.text}
        </Tag>
      ))}
    </Space>
  );
}

function useMemberColumns(onEdit: ((resident: Resident) => void) | null): TableColumnsType<Resident> {
  const t = useT();
  const columns: TableColumnsType<Resident> = [
    {
      title: t('resident.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Space size={4}>
          <Typography.Text strong={r.relation === 'head'}>{name}</Typography.Text>
          {r.relation === 'head' && <Tag color="blue">{t('relation.head')}</Tag>}
        </Space>
      ),
    },
    { title: t('resident.relation'), dataIndex: 'relation', render: (_, r) => relationLabel(t, r.relation) },
    {
      title: t('resident.gender'),
      dataIndex: 'gender',
      render: (_, r) => (r.gender ? t(`gender.${r.gender}`) : '—'),
    },
    { title: t('resident.birthDate'), dataIndex: 'birthDate', render: (d: string | null) => d ?? '—' },
    { title: t('resident.idNumber'), key: 'idNumber', render: (_, r) => <IdNumberCell resident={r} /> },
    {
      title: t('resident.phone'),
      dataIndex: 'phone',
      render: (p: string | null, m) => <RevealablePhone owner="resident" id={m.id} masked={p} call />,
    },
    {
      title: t('resident.employment'),
      key: 'work',
      render: (_, r) =>
        [r.employment && employmentLabel(t, r.employment), r.education && educationLabel(t, r.education)]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      title: t('resident.circumstances'),
      key: 'circumstances',
      render: (_, r) => <CircumstanceTags resident={r} />,
    },
    {
      title: t('resident.status'),
      dataIndex: 'status',
      render: (_, r) =>
        r.status === 'active' ? (
          residentStatusLabel(t, r.status)
        ) : (
          <Tag>{residentStatusLabel(t, r.status)}</Tag>
        ),
    },
  ];
  if (onEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(r)}
          data-testid={`resident-edit-${r.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return columns;
}

const statusOrder = { active: 0, moved_out: 1, deceased: 2 } as const;

/** 成员: the members of the household, the head first and former members last. */
export function MembersTab({ household }: { household: Household }) {
  const t = useT();
  const can = useCan();
  const canManage = can('households.manage');
  const memberModal = useModalTarget<ResidentFormTarget>();
  const headModal = useModalTarget<true>();
  const columns = useMemberColumns(
    canManage ? (resident) => memberModal.show({ mode: 'edit', resident }) : null,
  );
  const members = [...household.members].sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      Number(b.relation === 'head') - Number(a.relation === 'head'),
  );

  return (
    <>
      {canManage && (
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
          <Button icon={<SwapOutlined />} onClick={() => headModal.show(true)} data-testid="change-head">
            {t('resident.changeHead')}
          </Button>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => memberModal.show({ mode: 'add' })}
            data-testid="resident-add"
          >
            {t('resident.add')}
          </Button>
        </Flex>
      )}
      <Table<Resident>
        rowKey="id"
        columns={columns}
        dataSource={members}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.status === 'active' ? '' : 'lx-row-muted')}
        data-testid="members-table"
      />
      {memberModal.target && (
        <ResidentFormModal
          household={household}
          target={memberModal.target}
          open={memberModal.open}
          onClose={memberModal.hide}
          afterClose={memberModal.afterClose}
        />
      )}
      {headModal.target && (
        <ChangeHeadModal
          household={household}
          open={headModal.open}
          onClose={headModal.hide}
          afterClose={headModal.afterClose}
        />
      )}
    </>
  );
}
