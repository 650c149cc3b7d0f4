import { FormOutlined } from '@ant-design/icons';
import type { Household } from '@lianxin/common';
import { Alert, Button, Flex } from 'antd';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useModalTarget } from '../../shared/use-modal-target';
import { OverrideProposeModal } from './override-propose.modal';
import { TierOverrideTable } from './tier-override-table';
import { useTierOverrides } from './tiering.api';

/** 人工调整: proposals to set this household's tier by hand, and the form to make one. */
export function HouseholdOverridesTab({ household }: { household: Household }) {
  const t = useT();
  const can = useCan();
  const { data, isFetching } = useTierOverrides({ householdId: household.id });
  const propose = useModalTarget<true>();
  const pending = data?.some((o) => o.status === 'pending') ?? false;

  return (
    <>
      <Alert type="info" showIcon title={t('overrides.intro')} style={{ marginBottom: 12 }} />
      {can('households.manage') && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<FormOutlined />}
            disabled={pending}
            title={pending ? t('overrides.pendingExists') : undefined}
            onClick={() => propose.show(true)}
            data-testid="override-propose"
          >
            {t('overrides.propose')}
          </Button>
        </Flex>
      )}
      <TierOverrideTable
        overrides={data}
        loading={isFetching}
        showHousehold={false}
        emptyText={t('overrides.emptyHousehold')}
      />
      {propose.target && (
        <OverrideProposeModal
          household={household}
          open={propose.open}
          onClose={propose.hide}
          afterClose={propose.afterClose}
        />
      )}
    </>
  );
}
