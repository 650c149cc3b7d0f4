import { type AreasCreateBody, type AreasUpdateBody, areasApi } from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { type AreaIndex, indexAreas } from './area-tree';

export const areasKey = ['areas'] as const;

/** The caller's whole area subtree; small enough (a district has a few thousand areas) to load once. */
export function useAreas(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: areasKey,
    queryFn: async () => (await api(areasApi.list, {})).items,
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
    mutationFn: (body: AreasCreateBody) => api(areasApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: areasKey }),
  });
}

export function useUpdateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: AreasUpdateBody }) =>
      api(areasApi.update, { params: { code }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: areasKey }),
  });
}
