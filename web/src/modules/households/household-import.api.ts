import {
  type HouseholdImport,
  type HouseholdImportLayoutBody,
  householdImportsApi,
  type ImportStatus,
  idNumberChecksApi,
} from '@lianxin/common';
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
    mutationFn: ({
      file,
      villageCode,
      onProgress,
    }: {
      file: File;
      /** The village of a one-village roster, when the caller has several. */
      villageCode?: string | undefined;
      onProgress: (progress: TransferProgress) => void;
    }) =>
      upload(
        householdImportsApi.upload,
        { query: { fileName: file.name, ...(villageCode ? { villageCode } : {}) } },
        file,
        { onProgress },
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(importKey(created.id), created);
      return queryClient.invalidateQueries({ queryKey: [...importsKey, 'recent'] });
    },
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, validOnly }: { id: string; validOnly?: boolean }) =>
      api(householdImportsApi.commit, { params: { id }, query: validOnly ? { validOnly: 'true' } : {} }),
    onSuccess: (updated) => {
      queryClient.setQueryData(importKey(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...importsKey, 'recent'] }),
        queryClient.invalidateQueries({ queryKey: householdsKey }),
      ]);
    },
  });
}

/** Checks the uploaded file again with another sheet, village or column mapping. */
export function useRelayoutImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HouseholdImportLayoutBody }) =>
      api(householdImportsApi.layout, { params: { id }, body }),
    onSuccess: (updated: HouseholdImport) => queryClient.setQueryData(importKey(updated.id), updated),
  });
}

const checksKey = ['id-number-checks'] as const;

/** Verification cases: accounts past their daily look-ups of ID numbers registered elsewhere. */
export function useIdNumberChecks() {
  return useQuery({
    queryKey: checksKey,
    queryFn: async () => (await api(idNumberChecksApi.list, {})).items,
  });
}

export function useCloseIdNumberCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(idNumberChecksApi.close, { params: { id } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: checksKey }),
        queryClient.invalidateQueries({ queryKey: ['todos'] }),
      ]),
  });
}
