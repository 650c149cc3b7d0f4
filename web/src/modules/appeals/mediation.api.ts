import {
  Mediation,
  type MediationCreateBody,
  type MediationOutcomeBody,
  type MediationSessionBody,
  pageOf,
  Screening,
  type ScreeningBody,
  User,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../api/client';
import { appealsKey } from './appeals.api';

export const mediationsKey = ['mediations'] as const;
export const screeningsKey = ['screenings'] as const;

const MediationList = z.object({ items: z.array(Mediation) });

export function useMediations(filter: { villageCode?: string }, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...mediationsKey, 'list', filter],
    queryFn: async () => (await apiGet('/mediations', MediationList, { ...filter, limit: 200 })).items,
    enabled: options.enabled ?? true,
  });
}

/**
 * The mediation of an appeal, if any. The API has no filter by appeal, so this reads the
 * village's mediations (a village has few) and picks the appeal's.
 */
export function useAppealMediation(appealId: string, villageCode: string) {
  const query = useMediations({ villageCode });
  return { ...query, data: query.data?.find((m) => m.appealId === appealId) ?? null };
}

export function mediationKey(id: string) {
  return [...mediationsKey, 'one', id] as const;
}

export function useMediation(id: string) {
  return useQuery({ queryKey: mediationKey(id), queryFn: () => apiGet(`/mediations/${id}`, Mediation) });
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

const UserPage = pageOf(User);

/**
 * Accounts of one area that may be named mediators (the server takes staff of the village, its
 * town or the district who handle appeals). Needs users.read; village cadres pick only themselves.
 */
export function useAreaStaff(areaCode: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['users', 'staff-of', areaCode],
    queryFn: async () =>
      (await apiGet('/users', UserPage, { areaCode, status: 'active', pageSize: 200 })).items,
    enabled: (options.enabled ?? true) && areaCode !== null,
    staleTime: 60_000,
  });
}
