import {
  Mediation,
  type MediationCreateBody,
  type MediationOutcomeBody,
  type MediationSessionBody,
  roles,
  Screening,
  type ScreeningBody,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../api/client';
import { appealsKey } from './appeals.api';

export const mediationsKey = ['mediations'] as const;
export const screeningsKey = ['screenings'] as const;

const MediationList = z.object({ items: z.array(Mediation) });

export function useMediations(
  filter: { villageCode?: string; appealId?: string },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...mediationsKey, 'list', filter],
    queryFn: async () => (await apiGet('/mediations', MediationList, { ...filter, limit: 200 })).items,
    enabled: options.enabled ?? true,
  });
}

export function mediationKey(id: string) {
  return [...mediationsKey, 'one', id] as const;
}

export function useMediation(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: mediationKey(id),
    queryFn: () => apiGet(`/mediations/${id}`, Mediation),
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
  return useMediationWrite((body: z.input<typeof MediationCreateBody>) =>
    apiSend('POST', '/mediations', body, Mediation),
  );
}

export function useAddMediationSession() {
  return useMediationWrite(({ id, body }: { id: string; body: z.input<typeof MediationSessionBody> }) =>
    apiSend('POST', `/mediations/${id}/sessions`, body, Mediation),
  );
}

export function useRecordMediationOutcome() {
  return useMediationWrite(({ id, body }: { id: string; body: z.input<typeof MediationOutcomeBody> }) =>
    apiSend('POST', `/mediations/${id}/outcome`, body, Mediation),
  );
}

const ScreeningList = z.object({ items: z.array(Screening) });

export function useScreenings() {
  return useQuery({
    queryKey: screeningsKey,
    queryFn: async () => (await apiGet('/screenings', ScreeningList, { limit: 200 })).items,
  });
}

/** A screening turns each dispute it found into an appeal: the queues go stale too. */
export function useRecordScreening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningBody) => apiSend('POST', '/screenings', body, Screening),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: screeningsKey }),
        queryClient.invalidateQueries({ queryKey: [...appealsKey, 'list'] }),
        // A dispute with named parties opens a mediation as well.
        queryClient.invalidateQueries({ queryKey: mediationsKey }),
      ]),
  });
}

const MediatorCandidate = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  areaCode: z.string(),
});
export type MediatorCandidate = z.infer<typeof MediatorCandidate>;

/**
 * Who may mediate this dispute: active accounts of its village, its town and the district that
 * handle appeals (the server's list, the same one it checks the chosen mediators against).
 */
export function useMediatorCandidates(appealId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appealsKey, 'mediators', appealId],
    queryFn: () => apiGet(`/appeals/${appealId}/mediators`, z.array(MediatorCandidate)),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}
