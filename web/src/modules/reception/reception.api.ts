import {
  type ReceptionDaysCreateBody,
  type ReceptionDaysListQuery,
  type ReceptionDaysUpdateBody,
  receptionDaysApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const receptionDaysKey = ['reception-days'] as const;

export function useReceptionDays(query: ReceptionDaysListQuery) {
  return useQuery({
    queryKey: [...receptionDaysKey, 'list', query],
    queryFn: async () => (await api(receptionDaysApi.list, { query })).items,
    placeholderData: keepPreviousData,
  });
}

export function useReceptionDay(id: string | null) {
  return useQuery({
    queryKey: [...receptionDaysKey, 'detail', id],
    queryFn: () => api(receptionDaysApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useCreateReceptionDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceptionDaysCreateBody) => api(receptionDaysApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receptionDaysKey }),
  });
}

export function useUpdateReceptionDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReceptionDaysUpdateBody }) =>
      api(receptionDaysApi.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receptionDaysKey }),
  });
}

export function useLinkAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, appealId }: { id: string; appealId: string }) =>
      api(receptionDaysApi.linkAppeal, { params: { id }, body: { appealId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receptionDaysKey }),
  });
}
