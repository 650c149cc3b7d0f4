import { householdImportsApi, type ImportStatus } from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type TransferProgress, upload } from '../../api/client';
import { householdsKey } from './households.api';

export const importsKey = ['household-imports'] as const;

/** While the server works on an import the page asks again; then it stops. */
export const runningStatuses: readonly ImportStatus[] = ['validating', 'committing'];
const POLL_MS = 1_000;

export function importKey(id: string) {
  return [...importsKey, 'one', id] as const;
}

export function useHouseholdImport(id: string | null) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: () => api(householdImportsApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && runningStatuses.includes(status) ? POLL_MS : false;
    },
  });
}

export function useRecentImports() {
  return useQuery({
    queryKey: [...importsKey, 'recent'],
    queryFn: async () => (await api(householdImportsApi.list, {})).items,
  });
}

/** Sends the roster file as it is; the server checks it in the background (202, "validating"). */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (progress: TransferProgress) => void }) =>
      upload(householdImportsApi.upload, { query: { fileName: file.name } }, file, { onProgress }),
    onSuccess: (created) => {
      queryClient.setQueryData(importKey(created.id), created);
      return queryClient.invalidateQueries({ queryKey: [...importsKey, 'recent'] });
    },
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(householdImportsApi.commit, { params: { id } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(importKey(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...importsKey, 'recent'] }),
        queryClient.invalidateQueries({ queryKey: householdsKey }),
      ]);
    },
  });
}
