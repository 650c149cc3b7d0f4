import {
  AssistanceSettings,
  ContactPoint,
  type CoverageQuery,
  HelperRatings,
  HelpMeasure,
  type HelpMeasureCreateBody,
  type HelpMeasureUpdateBody,
  MustGoCoverage,
  MustVisitCoverage,
  Pairing,
  PairingBoard,
  type PairingCreateBody,
  type PairingEndBody,
  type PairingKeepBody,
  PairingsPage,
  type PairingsQuery,
  Proposal,
  type ProposalAcceptBody,
  type QuotaOverrideBody,
  RatingLink,
  Visit,
  type VisitCreateBody,
  type VisitsQuery,
  Worklist,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, apiSendEmpty, apiUpload, apiUrl } from '../../api/client';
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
    queryFn: () => apiGet('/assistance-settings', AssistanceSettings),
    staleTime: 5 * 60_000,
  });
}

export function useSaveAssistanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssistanceSettings) =>
      apiSend('PUT', '/assistance-settings', body, AssistanceSettings),
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
    queryFn: () => apiGet('/pairings/board', PairingBoard, { areaCode }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A cadre's own quota, or with null the group's again. */
export function useSetQuota() {
  return useAssistanceWrite(
    ({ cadreId, quota }: { cadreId: string; quota: z.infer<typeof QuotaOverrideBody> }) =>
      apiSendEmpty('PUT', `/cadres/${cadreId}/quota`, quota),
  );
}

export type PairingsFilter = Partial<z.infer<typeof PairingsQuery>>;

/** A page of pairings and how many match in all. */
export function usePairings(filter: PairingsFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'pairings', filter],
    queryFn: () => apiGet('/pairings', PairingsPage, { ...filter }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCreatePairing() {
  return useAssistanceWrite((body: PairingCreateBody) => apiSend('POST', '/pairings', body, Pairing));
}

/** A proposal is read, not saved: a mutation so that it is asked for only when the button is pressed. */
export function useProposal() {
  return useMutation({
    mutationFn: (areaCode: string) => apiSend('POST', '/pairings/proposal', { areaCode }, Proposal),
  });
}

const Accepted = z.object({ created: z.number() });

export function useAcceptProposal() {
  return useAssistanceWrite((body: z.input<typeof ProposalAcceptBody>) =>
    apiSend('POST', '/pairings/accept', body, Accepted),
  );
}

export function useEndPairing() {
  return useAssistanceWrite(({ id, body }: { id: string; body: z.input<typeof PairingEndBody> }) =>
    apiSend('POST', `/pairings/${id}/end`, body, Pairing),
  );
}

export function useKeepPairing() {
  return useAssistanceWrite(({ id, body }: { id: string; body: z.input<typeof PairingKeepBody> }) =>
    apiSend('POST', `/pairings/${id}/keep`, body, Pairing),
  );
}

/** A new one-time link for the household to rate its helper (the token is shown once). */
export function useRatingLink() {
  return useMutation({
    mutationFn: (pairingId: string) =>
      apiSend('POST', `/pairings/${pairingId}/rating-links`, undefined, RatingLink),
  });
}

export function useHelperRatings(cadreId: string) {
  return useQuery({
    queryKey: [...assistanceKey, 'ratings', cadreId],
    queryFn: () => apiGet(`/cadres/${cadreId}/ratings`, HelperRatings),
  });
}

const ContactPointList = z.object({ items: z.array(ContactPoint) });

export function useContactPoints() {
  return useQuery({
    queryKey: [...assistanceKey, 'contact-points'],
    queryFn: async () => (await apiGet('/contact-points', ContactPointList)).items,
  });
}

export function useCreateContactPoint() {
  return useAssistanceWrite(
    (body: { leaderId: string; villageCode: string; startDate: string; endDate: string | null }) =>
      apiSend('POST', '/contact-points', body, ContactPoint),
  );
}

export function useEndContactPoint() {
  return useAssistanceWrite(({ id, endDate }: { id: string; endDate: string }) =>
    apiSendEmpty('POST', `/contact-points/${id}/end`, { endDate }),
  );
}

export function useWorklist() {
  return useQuery({
    queryKey: [...assistanceKey, 'worklist'],
    queryFn: () => apiGet('/worklist', Worklist),
  });
}

const VisitList = z.object({ items: z.array(Visit) });

export function useVisits(query: Partial<z.infer<typeof VisitsQuery>>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'visits', query],
    queryFn: async () => (await apiGet('/visits', VisitList, { ...query })).items,
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
    (body: z.input<typeof VisitCreateBody>) => apiSend('POST', '/visits', body, Visit),
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

/** Adds a photo to a saved visit: the picture itself as the body, as JPEG or PNG. */
export function uploadVisitPhoto(visitId: string, photo: Blob, contentType: string): Promise<Visit> {
  return apiUpload(`/visits/${visitId}/photos`, {}, photo, Visit, undefined, contentType);
}

/** Where the browser loads a visit photo itself (an <img>): same origin, with the session cookie. */
export function visitPhotoUrl(visitId: string, photoId: string): string {
  return apiUrl(`/visits/${visitId}/photos/${photoId}`);
}

const MeasureList = z.object({ items: z.array(HelpMeasure) });

export function useHelpMeasures(householdId: string) {
  return useQuery({
    queryKey: [...assistanceKey, 'measures', householdId],
    queryFn: async () => (await apiGet('/help-measures', MeasureList, { householdId, limit: 200 })).items,
  });
}

export function useCreateMeasure() {
  return useAssistanceWrite((body: z.input<typeof HelpMeasureCreateBody>) =>
    apiSend('POST', '/help-measures', body, HelpMeasure),
  );
}

/** Moves a measure on; a completed one with new figures re-tiers the household. */
export function useUpdateMeasure() {
  const queryClient = useQueryClient();
  return useAssistanceWrite(
    ({ id, body }: { id: string; householdId: string; body: z.input<typeof HelpMeasureUpdateBody> }) =>
      apiSend('PATCH', `/help-measures/${id}`, body, HelpMeasure),
    ({ householdId, body }) =>
      body.indicators ? queryClient.invalidateQueries({ queryKey: householdKey(householdId) }) : undefined,
  );
}

export type CoverageFilter = z.infer<typeof CoverageQuery>;

export function useMustVisitCoverage(query: CoverageFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'coverage', 'must-visit', query],
    queryFn: () => apiGet('/coverage/must-visit', MustVisitCoverage, { ...query }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useMustGoCoverage(query: CoverageFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...assistanceKey, 'coverage', 'must-go', query],
    queryFn: () => apiGet('/coverage/must-go', MustGoCoverage, { ...query }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
