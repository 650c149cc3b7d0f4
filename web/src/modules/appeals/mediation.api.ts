import {
  type AppealCandidate,
  appealsApi,
  type ContractInput,
  type Mediation,
  mediationsApi,
  type ScreeningBody,
  screeningsApi,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { appealsKey } from './appeals.api';

export const mediationsKey = ['mediations'] as const;
export const screeningsKey = ['screenings'] as const;

export function useMediations(
  filter: { villageCode?: string; appealId?: string },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...mediationsKey, 'list', filter],
    queryFn: async () => (await api(mediationsApi.list, { query: { ...filter, limit: 200 } })).items,
    enabled: options.enabled ?? true,
  });
}

export function mediationKey(id: string) {
  return [...mediationsKey, 'one', id] as const;
}

export function useMediation(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: mediationKey(id),
    queryFn: () => api(mediationsApi.get, { params: { id } }),
    enabled: options.enabled ?? true,
  });
}

function useMediationWrite<V>(write: (variables: V) => Promise<Mediation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (mediation) => {
      queryClient.setQueryData(mediationKey(mediation.id), mediation);
      // An outcome resolves or escalates the appeal itself.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...mediationsKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: appealsKey }),
      ]);
    },
  });
}

export function useCreateMediation() {
  return useMediationWrite((body: ContractInput<typeof mediationsApi.create>['body']) =>
    api(mediationsApi.create, { body }),
  );
}

export function useAddMediationSession() {
  return useMediationWrite(
    ({ id, body }: { id: string; body: ContractInput<typeof mediationsApi.addSession>['body'] }) =>
      api(mediationsApi.addSession, { params: { id }, body }),
  );
}

export function useRecordMediationOutcome() {
  return useMediationWrite(
    ({ id, body }: { id: string; body: ContractInput<typeof mediationsApi.recordOutcome>['body'] }) =>
      api(mediationsApi.recordOutcome, { params: { id }, body }),
  );
}

export function useScreenings() {
  return useQuery({
    queryKey: screeningsKey,
    queryFn: async () => (await api(screeningsApi.list, { query: { limit: 200 } })).items,
  });
}

/** A screening turns each dispute it found into an appeal: the queues go stale too. */
export function useRecordScreening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningBody) => api(screeningsApi.create, { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: screeningsKey }),
        queryClient.invalidateQueries({ queryKey: [...appealsKey, 'list'] }),
        // A dispute with named parties opens a mediation as well.
        queryClient.invalidateQueries({ queryKey: mediationsKey }),
      ]),
  });
}

export type MediatorCandidate = AppealCandidate;

/**
 * Who may mediate this dispute: active accounts of its village, its town and the district that
 * handle appeals (the server's list, the same one it checks the chosen mediators against).
 */
export function useMediatorCandidates(appealId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appealsKey, 'mediators', appealId],
    queryFn: () => api(appealsApi.listMediators, { params: { id: appealId } }),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}
