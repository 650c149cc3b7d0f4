import { EditOutlined } from '@ant-design/icons';
import type { Household } from '@lianxin/common';
import { Button, Card, Descriptions, Empty, Skeleton, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { NotFoundPage } from '../../shared/error.pages';
import { RevealablePhone } from '../../shared/phone-reveal';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { useModalTarget } from '../../shared/use-modal-target';
import { HouseholdAppealsTab } from '../appeals/household-appeals.tab';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { HouseholdMeasuresTab } from '../assistance/household-measures.tab';
import { HouseholdVisitsTab } from '../assistance/household-visits.tab';
import { HouseholdOverridesTab } from '../tiering/household-overrides.tab';
import { TierHistoryTab } from '../tiering/tier-history.tab';
import { TierReasonList } from '../tiering/tier-reasons';
import { TierTag } from '../tiering/tier-tag';
import { HouseholdEditModal } from './household-edit.modal';
import { householdStatusLabel } from './household-labels';
import { useHousehold, useTagNames } from './households.api';
import { IndicatorsTab } from './indicators.tab';
import { MembersTab } from './members.tab';

const tabKeys = ['members', 'indicators', 'history', 'overrides', 'visits', 'appeals', 'measures'] as const;
type TabKey = (typeof tabKeys)[number];

function HouseholdHeader({ household, actions }: { household: Household; actions: ReactNode }) {
  const t = useT();
  const tagName = useTagNames();
  const { index } = useAreaIndex();
  const areaPath = pathTo(index, household.areaCode).map((a) => a.name);
  const activeMembers = household.members.filter((m) => m.status === 'active').length;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space size={8} wrap>
          <span>{t('household.titleN', { number: household.number })}</span>
          <TierTag tier={household.tier} source={household.tierSource} />
          {household.status !== 'active' && <Tag>{householdStatusLabel(t, household.status)}</Tag>}
        </Space>
      }
      extra={actions}
      data-testid="household-header"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'head', label: t('household.head'), children: household.headName ?? '—' },
          {
            key: 'area',
            label: t('household.area'),
            children: areaPath.length > 0 ? areaPath.join(' / ') : household.areaName,
          },
          {
            key: 'members',
            label: t('household.members'),
            children: t('household.membersCount', { active: activeMembers, all: household.members.length }),
          },
          { key: 'address', label: t('household.address'), children: household.address || '—' },
          {
            key: 'phone',
            label: t('household.phone'),
            children: <RevealablePhone owner="household" id={household.id} masked={household.phone} call />,
          },
          {
            key: 'tags',
            label: t('household.tags'),
            children:
              household.tags.length === 0 ? (
                '—'
              ) : (
                <Space size={[0, 4]} wrap>
                  {household.tags.map((code) => (
                    <Tag key={code} color="geekblue">
                      {tagName(code)}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            key: 'rules',
            label: t('household.tierBasis'),
            children:
              household.tierSource === 'override'
                ? t('household.tierByOverride')
                : household.tierRuleVersion === null
                  ? '—'
                  : t('tierRules.versionN', { version: household.tierRuleVersion }),
          },
          {
            key: 'updatedAt',
            label: t('household.updatedAt'),
            children: formatDateTime(household.updatedAt),
          },
          { key: 'version', label: t('household.version'), children: household.version },
          {
            key: 'reasons',
            label: t('household.tierReasons'),
            span: 'filled',
            children: <TierReasonList reasons={household.tierReasons} />,
          },
        ]}
      />
    </Card>
  );
}

/** A tab of work that other modules will record; until then it says so, with no sample data. */
function ComingTab({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ padding: '32px 0' }} />;
}

/** 一户一档: one household's file with its members, indicators, tier history and overrides. */
export function HouseholdPage() {
  const t = useT();
  const can = useCan();
  const _navigate = useNavigate();
  const _location = useLocation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: household, error, isPending, refetch } = useHousehold(id);
  const editModal = useModalTarget<Household>();
  const tab: TabKey = tabKeys.find((k) => k === params.get('tab')) ?? 'members';

  if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (error) return <LoadFailed error={error} onRetry={() => refetch()} />;

  const breadcrumb = (
    <BackBreadcrumb
      listPath="/households"
      listTitle={t('households.title')}
      current={household ? t('household.titleN', { number: household.number }) : '…'}
      testId="household-back"
    />
  );
  if (isPending) {
    return (
      <>
        {breadcrumb}
        <Card>
          <Skeleton active />
        </Card>
      </>
    );
  }

  const canManage = can('households.manage');
  const actions = canManage && (
    <Button icon={<EditOutlined />} onClick={() => editModal.show(household)} data-testid="household-edit">
      {t('common.edit')}
    </Button>
  );

  const activeCount = household.members.filter((m) => m.status === 'active').length;
  const items: { key: TabKey; label: string; children: ReactNode }[] = [
    {
      key: 'members',
      label: t('household.tab.members', { count: activeCount }),
      children: <MembersTab household={household} />,
    },
    {
      key: 'indicators',
      label: t('household.tab.indicators'),
      children: <IndicatorsTab household={household} />,
    },
    { key: 'history', label: t('household.tab.history'), children: <TierHistoryTab household={household} /> },
    {
      key: 'overrides',
      label: t('household.tab.overrides'),
      children: <HouseholdOverridesTab household={household} />,
    },
    {
      key: 'visits',
      label: t('household.tab.visits'),
      children: can('assistance.read') ? (
        <HouseholdVisitsTab household={household} />
      ) : (
        <ComingTab text={t('error.forbidden')} />
      ),
    },
    {
      key: 'appeals',
      label: t('household.tab.appeals'),
      children: can('appeals.read') ? (
        <HouseholdAppealsTab household={household} />
      ) : (
        <ComingTab text={t('error.forbidden')} />
      ),
    },
    {
      key: 'measures',
      label: t('household.tab.measures'),
      children: can('assistance.read') ? (
        <HouseholdMeasuresTab household={household} />
      ) : (
        <ComingTab text={t('error.forbidden')} />
      ),
    },
  ];

  return (
    <>
      {breadcrumb}
      <HouseholdHeader household={household} actions={actions} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={items}
          data-testid="household-tabs"
        />
      </Card>
      {editModal.target && (
        <HouseholdEditModal
          household={editModal.target}
          open={editModal.open}
          onClose={editModal.hide}
          afterClose={editModal.afterClose}
        />
      )}
    </>
  );
}
