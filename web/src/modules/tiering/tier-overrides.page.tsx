import { type OverrideStatus, overrideStatuses } from '@lianxin/common';
import { Card, Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/page-header';
import { TierOverrideTable } from './tier-override-table';
import { useTierOverrides } from './tiering.api';

/** 分类调整审批: the town head's queue of proposals to set tiers by hand, and the decided ones. */
export function TierOverridesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const status: OverrideStatus = overrideStatuses.find((s) => s === params.get('status')) ?? 'pending';
  const { data, isFetching } = useTierOverrides({ status });
  const pendingCount = useTierOverrides({ status: 'pending' }).data?.length;

  return (
    <>
      <PageHeader title={t('overrides.title')} />
      <Card
        size="small"
        title={
          <Segmented<OverrideStatus>
            value={status}
            onChange={(next) => setParams({ status: next }, { replace: true })}
            options={overrideStatuses.map((s) => ({
              value: s,
              label:
                s === 'pending' && pendingCount !== undefined
                  ? t('overrides.pendingCount', { count: pendingCount })
                  : t(`overrideStatus.${s}`),
            }))}
            data-testid="overrides-status"
          />
        }
      >
        <TierOverrideTable
          overrides={data}
          loading={isFetching}
          showHousehold
          emptyText={t(status === 'pending' ? 'overrides.emptyPending' : 'overrides.empty')}
        />
      </Card>
    </>
  );
}
