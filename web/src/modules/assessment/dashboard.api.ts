import { Dashboard, type DashboardQuery } from '@lianxin/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';

export const dashboardKey = ['dashboard'] as const;

/** The figures of an area for a period; the server keeps them for a minute, so do we. */
export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: [...dashboardKey, query],
    queryFn: () => apiGet('/dashboard', Dashboard, { ...query }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
