import {
  type MonthlyTopicsCreateBody,
  type MonthlyTopicsListQuery,
  type MonthlyTopicUpdateBody,
  monthlyTopicsApi,
  type TopicMeasureBody,
  type TopicMeasureUpdateBody,
  type TopicProposalsQuery,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const topicsKey = ['monthly-topics'] as const;

export function useTopics(query: MonthlyTopicsListQuery) {
  return useQuery({
    queryKey: [...topicsKey, 'list', query],
    queryFn: async () => (await api(monthlyTopicsApi.list, { query })).items,
    placeholderData: keepPreviousData,
  });
}

export function useTopic(id: string | null) {
  return useQuery({
    queryKey: [...topicsKey, 'detail', id],
    queryFn: () => api(monthlyTopicsApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useTopicProposals(query: TopicProposalsQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...topicsKey, 'proposals', query],
    queryFn: () => api(monthlyTopicsApi.proposals, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonthlyTopicsCreateBody) => api(monthlyTopicsApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicsKey }),
  });
}

export function useUpdateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MonthlyTopicUpdateBody }) =>
      api(monthlyTopicsApi.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicsKey }),
  });
}

export function useAddMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TopicMeasureBody }) =>
      api(monthlyTopicsApi.addMeasure, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicsKey }),
  });
}

export function useUpdateMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, measureId, body }: { id: string; measureId: string; body: TopicMeasureUpdateBody }) =>
      api(monthlyTopicsApi.updateMeasure, { params: { id, measureId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicsKey }),
  });
}

/** The lead unit's staff report a measure done, or not done after all. */
export function useReportMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, measureId, done }: { id: string; measureId: string; done: boolean }) =>
      api(monthlyTopicsApi.reportMeasure, { params: { id, measureId }, body: { done } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicsKey }),
  });
}
