import {
  type AssistanceSettings,
  assistanceSettingsApi,
  type ContactPointBody,
  type CoverageQuery,
  cadreQuotasApi,
  cadreRatingsApi,
  contactPointsApi,
  type HelpMeasureCreateBody,
  type HelpMeasureUpdateBody,
  helpMeasuresApi,
  mustGoCoverageApi,
  mustVisitCoverageApi,
  type PairingCreateBody,
  type PairingEndBody,
  type PairingKeepBody,
  type PairingsQuery,
  type ProposalAcceptBody,
  pairingRatingLinksApi,
  pairingsApi,
  type QuotaOverrideBody,
  type Visit,
  type VisitCreateBody,
  type VisitsQuery,
  visitPhotosApi,
  visitsApi,
  worklistApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrlOf, upload } from '../../api/client';
import { appealsKey } from '../appeals/appeals.api';
import { householdKey, householdsKey } from '../households/households.api';

// Everything of the contact-and-assistance module (联系服务、结对帮扶) lives under one key: a
// pairing, visit or measure changes the board, the worklist, the lists and the coverage at once.
export const assistanceKey = ['assistance'] as const;
const settingsKey = [...assistanceKey, 'settings'] as const;

function useAssistanceWrite<V, R>(write: (variables: V) => Promise<R>, also?: (variables: V) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (_result, variables) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: assistanceKey }), also?.(variables)]),
  });
}

export function useAssistanceSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api(assistanceSettingsApi.get, {}),
    staleTime: 5 * 60_000,
  });
}

export function useSaveAssistanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssistanceSettings) => api(assistanceSettingsApi.update, { body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      return queryClient.invalidateQueries({ queryKey: assistanceKey });
    },
  });
}

/** The board of an area (the caller's own without one): quota fill, unpaired households, reviews. */
export function usePairingBoard(areaCode: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'board', areaCode ?? null],
    queryFn: () => api(pairingsApi.board, { query: { areaCode } }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A cadre's own quota, or with null the group's again. */
export function useSetQuota() {
  return useAssistanceWrite(
    ({ cadreId, quota }: { cadreId: string; quota: z.infer<typeof QuotaOverrideBody> }) =>
      api(cadreQuotasApi.update, { params: { id: cadreId }, body: quota }),
  );
}

export type PairingsFilter = Partial<z.infer<typeof PairingsQuery>>;

/** A page of pairings and how many match in all. */
export function usePairings(filter: PairingsFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'pairings', filter],
    queryFn: () => api(pairingsApi.list, { query: filter }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCreatePairing() {
  return useAssistanceWrite((body: PairingCreateBody) => api(pairingsApi.create, { body }));
}

/** A proposal is read, not saved: a mutation so that it is asked for only when the button is pressed. */
export function useProposal() {
  return useMutation({
    mutationFn: (areaCode: string) => api(pairingsApi.propose, { body: { areaCode } }),
  });
}

export function useAcceptProposal() {
  return useAssistanceWrite((body: z.input<typeof ProposalAcceptBody>) => api(pairingsApi.accept, { body }));
}

export function useEndPairing() {
  return useAssistanceWrite(({ id, body }: { id: string; body: z.input<typeof PairingEndBody> }) =>
    api(pairingsApi.end, { params: { id }, body }),
  );
}

export function useKeepPairing() {
  return useAssistanceWrite(({ id, body }: { id: string; body: z.input<typeof PairingKeepBody> }) =>
    api(pairingsApi.keep, { params: { id }, body }),
  );
}

/** A new one-time link for the household to rate its helper (the token is shown once). */
export function useRatingLink() {
  return useMutation({
    mutationFn: (pairingId: string) => api(pairingRatingLinksApi.create, { params: { id: pairingId } }),
  });
}

export function useHelperRatings(cadreId: string) {
  return useQuery({
    queryKey: [...assistanceKey, 'ratings', cadreId],
    queryFn: () => api(cadreRatingsApi.get, { params: { id: cadreId } }),
  });
}

export function useContactPoints() {
  return useQuery({
    queryKey: [...assistanceKey, 'contact-points'],
    queryFn: async () => (await api(contactPointsApi.list, {})).items,
  });
}

export function useCreateContactPoint() {
  return useAssistanceWrite((body: z.input<typeof ContactPointBody>) =>
    api(contactPointsApi.create, { body }),
  );
}

export function useEndContactPoint() {
  return useAssistanceWrite(({ id, endDate }: { id: string; endDate: string }) =>
    api(contactPointsApi.end, { params: { id }, body: { endDate } }),
  );
}

export function useWorklist() {
  return useQuery({
    queryKey: [...assistanceKey, 'worklist'],
    queryFn: () => api(worklistApi.get, {}),
  });
}

export function useVisits(query: Partial<z.infer<typeof VisitsQuery>>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'visits', query],
    queryFn: async () => (await api(visitsApi.list, { query })).items,
    enabled: options.enabled ?? true,
  });
}

/**
 * Records a visit. The body carries the client's UUID: sent again after a lost answer, the same
 * visit comes back (200) instead of a second one. New figures may re-tier the household, and
 * matters raised become appeals, so those lists are refetched too.
 */
export function useCreateVisit() {
  const queryClient = useQueryClient();
  return useAssistanceWrite(
    (body: z.input<typeof VisitCreateBody>) => api(visitsApi.create, { body }),
    (body) =>
      Promise.all([
        body.householdId
          ? queryClient.invalidateQueries({ queryKey: householdKey(body.householdId) })
          : undefined,
        queryClient.invalidateQueries({ queryKey: [...householdsKey, 'list'] }),
        body.appeals?.length ? queryClient.invalidateQueries({ queryKey: appealsKey }) : undefined,
      ]),
  );
}

/** One visit as stored, e.g. when a re-sent visit was stored before its answer was lost. */
export function fetchVisit(id: string): Promise<Visit> {
  return api(visitsApi.get, { params: { id } });
}

/** Adds a photo to a saved visit: the picture itself as the body, as JPEG or PNG. */
export function uploadVisitPhoto(visitId: string, photo: Blob, contentType: string): Promise<Visit> {
  return upload(visitPhotosApi.upload, { params: { id: visitId } }, photo, { contentType });
}

/** Where the browser loads a visit photo itself (an <img>): same origin, with the session cookie. */
export function visitPhotoUrl(visitId: string, photoId: string): string {
  return apiUrlOf(visitPhotosApi.download, { params: { id: visitId, photoId } });
}

export function useHelpMeasures(householdId: string) {
  return useQuery({
    queryKey: [...assistanceKey, 'measures', householdId],
    queryFn: async () => (await api(helpMeasuresApi.list, { query: { householdId, limit: 200 } })).items,
  });
}

export function useCreateMeasure() {
  return useAssistanceWrite((body: z.input<typeof HelpMeasureCreateBody>) =>
    api(helpMeasuresApi.create, { body }),
  );
}

/** Moves a measure on; a completed one with new figures re-tiers the household. */
export function useUpdateMeasure() {
  const queryClient = useQueryClient();
  return useAssistanceWrite(
    ({ id, body }: { id: string; householdId: string; body: z.input<typeof HelpMeasureUpdateBody> }) =>
      api(helpMeasuresApi.update, { params: { id }, body }),
    ({ householdId, body }) =>
      body.indicators ? queryClient.invalidateQueries({ queryKey: householdKey(householdId) }) : undefined,
  );
}

export type CoverageFilter = z.infer<typeof CoverageQuery>;

export function useMustVisitCoverage(query: CoverageFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'coverage', 'must-visit', query],
    queryFn: () => api(mustVisitCoverageApi.get, { query }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useMustGoCoverage(query: CoverageFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'coverage', 'must-go', query],
    queryFn: () => api(mustGoCoverageApi.get, { query }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
