import { type DashboardQuery, workApi } from '@lianxin/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { dashboardKey } from './dashboard.api';

/** The work of an area's cadres for a period, and visits against the tiers' intervals. */
export function useWork(query: DashboardQuery) {
  return useQuery({
    queryKey: [...dashboardKey, 'work', query],
    queryFn: () => api(workApi.get, { query }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
