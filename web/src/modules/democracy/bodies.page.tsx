import { PlusOutlined } from '@ant-design/icons';
import { type DemocracyMember, democracyBodies, type VillageBodies } from '@lianxin/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { PageHeader } from '../../shared/page-header';
import { AuthorisationsCard } from './authorisations.card';
import { useRemoveMember, useVillageBodies } from './democracy.api';
import { useVillages } from './democracy-labels';
import { MemberFormModal } from './member-form.modal';

const flags = ['branchCommittee', 'villagersCommittee', 'partyMember', 'representative'] as const;

function Composition({ bodies }: { bodies: VillageBodies }) {
  const t = useT();
  const { representativesShare: reps, womenShare: women } = bodies.composition;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="composition">
      <Alert
        type={reps.met ? 'success' : 'error'}
        showIcon
        message={t('democracy.composition.representatives', { count: reps.count, of: reps.of })}
      />
      <Alert
        type={women.met ? 'success' : 'error'}
        showIcon
        message={t('democracy.composition.women', { count: women.count, of: women.of })}
      />
    </Space>
  );
}

function BodiesCards({ bodies }: { bodies: VillageBodies }) {
  const t = useT();
  const nameOf = new Map(bodies.members.map((m) => [m.id, m.name]));
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {democracyBodies.map((body) => {
        const entry = bodies.bodies.find((b) => b.body === body);
        const villagers = body === 'villagers';
        return (
          <Col key={body} xs={24} md={12} xl={8}>
            <Card size="small" title={t(`democracy.body.${body}`)} data-testid={`body-${body}`}>
              {villagers ? (
                <Typography.Text>
                  {t('democracyWeb.bodies.adults', {
                    adults: bodies.adults,
                    households: bodies.adultHouseholds,
                  })}
                </Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">
                    {t('democracyWeb.bodies.count', {
                      count: entry?.memberIds.length ?? 0,
                      entitled: entry?.entitled ?? 0,
                    })}
                  </Typography.Text>
                  <Flex wrap gap={4} style={{ marginTop: 6 }}>
                    {(entry?.memberIds ?? []).map((id) => (
                      <Tag key={id}>{nameOf.get(id)}</Tag>
                    ))}
                  </Flex>
                </>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** A village's bodies and the people sitting in them, with the representatives' composition checks. */
export function BodiesPage() {
  const t = useT();
  const can = useCan();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const { villages, ownVillage } = useVillages();
  const villageCode = ownVillage ?? params.get('village') ?? villages[0]?.code;
  const { data, isLoading } = useVillageBodies(villageCode);
  const remove = useRemoveMember();
  const [editing, setEditing] = useState<DemocracyMember | 'new' | null>(null);
  const manage = can('democracy.manage');

  const columns = [
    { title: t('democracyWeb.members.name'), dataIndex: 'name', fixed: 'left' as const, width: 90 },
    { title: t('democracyWeb.members.title'), dataIndex: 'title', width: 170 },
    {
      title: t('democracyWeb.members.sits'),
      key: 'sits',
      render: (_: unknown, m: DemocracyMember) => (
        <Flex wrap gap={4}>
          {flags
            .filter((f) => m[f])
            .map((f) => (
              <Tag key={f}>{t(`democracyWeb.flag.${f}`)}</Tag>
            ))}
          {m.partyMember && !m.partyVoting && <Tag color="orange">{t('democracyWeb.flag.noVote')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('democracyWeb.members.represents'),
      key: 'represents',
      render: (_: unknown, m: DemocracyMember) =>
        !m.representative ? null : (
          <Space direction="vertical" size={0}>
            <span>
              {m.representativeBasis === 'households'
                ? t('democracyWeb.members.households', { count: m.representedHouseholdIds.length })
                : (m.representativeGroupName ?? t('democracy.basis.group'))}
            </span>
            {m.householdsWarning && (
              <Typography.Text type="warning">{t('democracy.member.householdsWarning')}</Typography.Text>
            )}
          </Space>
        ),
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_: unknown, m: DemocracyMember) => (
              <Space>
                <Typography.Link onClick={() => setEditing(m)}>{t('common.edit')}</Typography.Link>
                <Popconfirm
                  title={t('democracyWeb.members.removeConfirm', { name: m.name })}
                  onConfirm={() => remove.mutate({ id: m.id, version: m.version }, { onError: showError })}
                >
                  <Typography.Link type="danger">{t('democracyWeb.members.remove')}</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('democracyWeb.bodies.title')}
        extra={
          manage &&
          villageCode && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="member-add"
            >
              {t('democracyWeb.members.add')}
            </Button>
          )
        }
      />
      {ownVillage === undefined && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200, marginBottom: 16 }}
          value={villageCode}
          onChange={(code: string) => setParams({ village: code })}
          options={villages.map((v) => ({ value: v.code, label: v.name }))}
          data-testid="bodies-village"
        />
      )}
      <Spin spinning={isLoading}>
        {!data ? (
          <Empty />
        ) : (
          <>
            <Composition bodies={data} />
            <BodiesCards bodies={data} />
            <AuthorisationsCard villageCode={data.villageCode} canWrite={manage} />
            <Table<DemocracyMember>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={data.members}
              pagination={false}
              scroll={{ x: 640 }}
            />
          </>
        )}
      </Spin>
      {villageCode && (
        <MemberFormModal
          villageCode={villageCode}
          member={editing === 'new' ? null : editing}
          open={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
