import {
  type DisclosurePublishBody,
  type DisclosureScheduleUpdateBody,
  type DisclosureSettings,
  type DisclosuresListQuery,
  disclosuresApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';

export const disclosuresKey = ['disclosures'] as const;

export function useDisclosureSchedule(villageCode: string | undefined, year: number) {
  return useQuery({
    queryKey: [...disclosuresKey, 'schedule', villageCode, year],
    queryFn: () => api(disclosuresApi.schedule, { query: { villageCode: villageCode ?? '', year } }),
    enabled: villageCode !== undefined,
  });
}

export function useDisclosures(filter: Partial<Pick<DisclosuresListQuery, 'villageCode' | 'year'>>) {
  return useQuery({
    queryKey: [...disclosuresKey, 'list', filter],
    queryFn: () => api(disclosuresApi.list, { query: { ...filter, limit: 100, offset: 0 } }),
    placeholderData: keepPreviousData,
  });
}

export function useDisclosure(id: string) {
  return useQuery({
    queryKey: [...disclosuresKey, 'one', id],
    queryFn: () => api(disclosuresApi.get, { params: { id } }),
  });
}

export function useLateDisclosures() {
  return useQuery({ queryKey: [...disclosuresKey, 'late'], queryFn: () => api(disclosuresApi.late, {}) });
}

export function useDisclosureSettings() {
  return useQuery({
    queryKey: [...disclosuresKey, 'settings'],
    queryFn: () => api(disclosuresApi.settings, {}),
  });
}

/** Every write refreshes the schedules, the lists and the bell. */
function useDisclosureMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: disclosuresKey });
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}

export const usePublishDisclosure = () =>
  useDisclosureMutation((body: DisclosurePublishBody) => api(disclosuresApi.publish, { body }));

export const useUpdateDisclosureSettings = () =>
  useDisclosureMutation((body: DisclosureSettings) => api(disclosuresApi.updateSettings, { body }));

export const useUpdateSchedule = () =>
  useDisclosureMutation(
    ({ villageCode, body }: { villageCode: string; body: DisclosureScheduleUpdateBody }) =>
      api(disclosuresApi.updateSchedule, { params: { villageCode }, body }),
  );
