import {
  appealsApi,
  type WhistleCloseBody,
  type WhistlesCreateBody,
  type WhistlesListQuery,
  whistlesApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const whistlesKey = ['whistles'] as const;

export function useWhistles(query: WhistlesListQuery) {
  return useQuery({
    queryKey: [...whistlesKey, 'list', query],
    queryFn: async () => (await api(whistlesApi.list, { query })).items,
    placeholderData: keepPreviousData,
  });
}

export function useRaiseWhistle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WhistlesCreateBody) => api(whistlesApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whistlesKey }),
  });
}

export function useReportWhistle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: string }) =>
      api(whistlesApi.report, { params: { id }, body: { action } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whistlesKey }),
  });
}

export function useCloseWhistle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: WhistleCloseBody }) =>
      api(whistlesApi.close, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whistlesKey }),
  });
}

/** Open appeals of the caller's area matching a tracking code or words of the title: for pickers. */
export function useAppealChoices(q: string) {
  return useQuery({
    queryKey: ['appeals', 'choices', q],
    queryFn: async () => (await api(appealsApi.list, { query: { q: q || undefined, queue: 'all' } })).items,
    staleTime: 30_000,
  });
}
