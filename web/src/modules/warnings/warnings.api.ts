import {
  type WarningSettings,
  type WarningsListQuery,
  warningSettingsApi,
  warningsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const warningsKey = ['warnings'] as const;

export type WarningsFilter = Partial<Pick<WarningsListQuery, 'status' | 'kind' | 'severity' | 'areaCode'>>;

export function useWarnings(filter: WarningsFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...warningsKey, 'list', filter, page, pageSize],
    queryFn: () =>
      api(warningsApi.list, { query: { ...filter, limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useWarningsSummary() {
  return useQuery({
    queryKey: [...warningsKey, 'summary'],
    queryFn: () => api(warningsApi.summary, { query: {} }),
  });
}

export function useWarning(id: string | null) {
  return useQuery({
    queryKey: [...warningsKey, 'one', id],
    queryFn: () => api(warningsApi.get, { params: { id: id as string } }),
    enabled: id !== null,
  });
}

export function useWarningSettings(enabled: boolean) {
  return useQuery({
    queryKey: [...warningsKey, 'settings'],
    queryFn: () => api(warningSettingsApi.get, {}),
    enabled,
  });
}

/** Every write refreshes the lists, the counts and the open warning. */
function useWarningMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: warningsKey }),
  });
}

export const useScanWarnings = () => useWarningMutation(() => api(warningsApi.scan, {}));

export const useAcknowledgeWarning = () =>
  useWarningMutation(({ id, version }: { id: string; version: number }) =>
    api(warningsApi.acknowledge, { params: { id }, body: { version } }),
  );

export const useHandleWarning = () =>
  useWarningMutation(({ id, ...body }: { id: string; version: number; note: string; actions: string[] }) =>
    api(warningsApi.handle, { params: { id }, body }),
  );

export const useCloseWarning = () =>
  useWarningMutation(({ id, ...body }: { id: string; version: number; note?: string }) =>
    api(warningsApi.close, { params: { id }, body }),
  );

export const useUpdateWarningSettings = () =>
  useWarningMutation((body: WarningSettings) => api(warningSettingsApi.update, { body }));
