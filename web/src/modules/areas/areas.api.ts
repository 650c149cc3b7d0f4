import { Area, type AreasCreateBody, type AreasUpdateBody } from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../api/client';
import { type AreaIndex, indexAreas } from './area-tree';

export const areasKey = ['areas'] as const;

const AreaList = z.object({ items: z.array(Area) });

/** The caller's whole area subtree; small enough (a district has a few thousand areas) to load once. */
export function useAreas(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: areasKey,
    queryFn: async () => (await apiGet('/areas', AreaList)).items,
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}

/** The subtree indexed for trees and lookups. */
export function useAreaIndex(options: { enabled?: boolean } = {}): { index: AreaIndex; isLoading: boolean } {
  const { data, isLoading } = useAreas(options);
  const index = useMemo(() => indexAreas(data ?? []), [data]);
  return { index, isLoading };
}

export function useCreateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AreasCreateBody) => apiSend('POST', '/areas', body, Area),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: areasKey }),
  });
}

export function useUpdateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: AreasUpdateBody }) =>
      apiSend('PATCH', `/areas/${code}`, body, Area),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: areasKey }),
  });
}
