import type { Household } from '@lianxin/common';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { AppealTable } from './appeal-table';
import { useAppealsList } from './appeals.api';

/** The household page's 诉求 tab: every appeal the household brought, newest first. */
export function HouseholdAppealsTab({ household }: { household: Household }) {
  const t = useT();
  const list = useAppealsList({ householdId: household.id, queue: 'all' }, 20);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  return (
    <AppealTable
      items={items}
      loading={list.isFetching && !list.isFetchingNextPage}
      hasMore={list.hasNextPage}
      loadingMore={list.isFetchingNextPage}
      onLoadMore={() => list.fetchNextPage()}
      compact
      emptyText={t('appeals.householdEmpty')}
      testId="household-appeals"
    />
  );
}
