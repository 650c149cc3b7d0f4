import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import type { OverrideStatus, TierOverride } from '@lianxin/common';
import { Badge, Button, Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useModalTarget } from '../../shared/use-modal-target';
import { type DecisionTarget, OverrideDecisionModal } from './override-decision.modal';
import { TierTag } from './tier-tag';

const statusBadges: Record<OverrideStatus, 'processing' | 'success' | 'error' | 'default'> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  revoked: 'default',
};

export function OverrideStatusBadge({ status }: { status: OverrideStatus }) {
  const t = useT();
  return <Badge status={statusBadges[status]} text={t(`overrideStatus.${status}`)} />;
}

function PersonAndTime({ name, at }: { name: string | null; at: string | null }) {
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{name ?? '—'}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(at)}
      </Typography.Text>
    </Space>
  );
}

/**
 * Proposals to set tiers by hand, with the decision buttons for roles that may decide:
 * a pending one is approved or rejected, an approved one may later be revoked.
 */
export function TierOverrideTable(props: {
  overrides: TierOverride[] | undefined;
  loading: boolean;
  /** On the approvals page: which household each proposal is about. */
  showHousehold: boolean;
  emptyText: string;
}) {
  const { overrides, loading, showHousehold, emptyText } = props;
  const t = useT();
  const can = useCan();
  const me = useMe();
  const canDecide = can('tiers.approve');
  const decision = useModalTarget<DecisionTarget>();

  const columns: TableColumnsType<TierOverride> = [
    ...(showHousehold
      ? [
          {
            title: t('household.number'),
            key: 'household',
            render: (_: unknown, o: TierOverride) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/households/${o.householdId}`}>{o.householdNumber}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.headName ?? '—'} · {o.areaName}
                </Typography.Text>
              </Space>
            ),
          },
        ]
      : []),
    {
      title: t('overrides.change'),
      key: 'change',
      // `currentTier` is the household's tier today: the "from" of a pending proposal only.
      render: (_, o) =>
        o.status === 'pending' ? (
          <Space size={4} wrap={false}>
            <TierTag tier={o.currentTier} />→<TierTag tier={o.tier} />
          </Space>
        ) : (
          <TierTag tier={o.tier} />
        ),
    },
    {
      title: t('overrides.reason'),
      dataIndex: 'reason',
      width: 280,
      render: (reason: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0 }}>
          {reason}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('overrides.proposedBy'),
      key: 'proposed',
      render: (_, o) => <PersonAndTime name={o.proposedBy} at={o.proposedAt} />,
    },
    {
      title: t('overrides.status'),
      dataIndex: 'status',
      render: (_, o) => <OverrideStatusBadge status={o.status} />,
    },
    {
      title: t('overrides.decision'),
      key: 'decision',
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <PersonAndTime name={o.decidedBy} at={o.decidedAt} />
          {o.decisionNote && <Typography.Text type="secondary">{o.decisionNote}</Typography.Text>}
        </Space>
      ),
    },
  ];
  if (canDecide) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, o) => {
        // Four eyes: the server refuses a decision on one's own proposal, so the buttons are not offered.
        if (o.status === 'pending' && o.proposedById === me.id) {
          return <Typography.Text type="secondary">{t('overrides.ownProposal')}</Typography.Text>;
        }
        if (o.status === 'pending') {
          return (
            <Space size={0}>
              <Button
                type="link"
                size="small"
                icon={<CheckOutlined />}
                onClick={() => decision.show({ override: o, decision: 'approve' })}
                data-testid={`override-approve-${o.id}`}
              >
                {t('overrides.approve')}
              </Button>
              <Button
                type="link"
                size="small"
                danger
                icon={<CloseOutlined />}
                onClick={() => decision.show({ override: o, decision: 'reject' })}
                data-testid={`override-reject-${o.id}`}
              >
                {t('overrides.reject')}
              </Button>
            </Space>
          );
        }
        if (o.status === 'approved') {
          return (
            <Button
              type="link"
              size="small"
              danger
              icon={<RollbackOutlined />}
              onClick={() => decision.show({ override: o, decision: 'revoke' })}
              data-testid={`override-revoke-${o.id}`}
            >
              {t('overrides.revoke')}
            </Button>
          );
        }
        return null;
      },
    });
  }

  return (
    <>
      <Table<TierOverride>
        rowKey="id"
        columns={columns}
        dataSource={overrides ?? []}
        loading={loading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={(overrides?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        data-testid="overrides-table"
      />
      {decision.target && (
        <OverrideDecisionModal
          target={decision.target}
          open={decision.open}
          onClose={decision.hide}
          afterClose={decision.afterClose}
        />
      )}
    </>
  );
}
