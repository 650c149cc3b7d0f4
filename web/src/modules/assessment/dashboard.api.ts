import { type DashboardQuery, dashboardApi } from '@lianxin/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const dashboardKey = ['dashboard'] as const;

/** The figures of an area for a period; the server keeps them for a minute, so do we. */
export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: [...dashboardKey, query],
    queryFn: () => api(dashboardApi.get, { query }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
