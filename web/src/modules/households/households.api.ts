import {
  type ChangeHeadBody,
  Household,
  type HouseholdPatchBody,
  type HouseholdsCreateBody,
  type HouseholdsFilter,
  HouseholdsPage,
  type householdSorts,
  type IndicatorsInput,
  type ResidentInput,
  type ResidentPatchBody,
  type TagCreateBody,
  TagDefinition,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../api/client';

export const householdsKey = ['households'] as const;
export const tagsKey = ['tags'] as const;

export type HouseholdSort = (typeof householdSorts)[number];

export interface HouseholdsListParams {
  filter: HouseholdsFilter;
  sort: HouseholdSort;
  cursor: string | undefined;
  limit: number;
}

export function useHouseholds({ filter, sort, cursor, limit }: HouseholdsListParams) {
  return useQuery({
    queryKey: [...householdsKey, 'list', filter, sort, cursor ?? null, limit],
    queryFn: () => apiGet('/households', HouseholdsPage, { ...filter, sort, cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

export function householdKey(id: string) {
  return [...householdsKey, 'one', id] as const;
}

export function useHousehold(id: string) {
  return useQuery({ queryKey: householdKey(id), queryFn: () => apiGet(`/households/${id}`, Household) });
}

/**
 * Every write on a household answers with the whole file: it replaces the cached one at once,
 * and lists (which show head, size and tier) are refetched.
 */
function useHouseholdWrite<V>(write: (variables: V) => Promise<Household>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (household) => {
      queryClient.setQueryData(householdKey(household.id), household);
      return queryClient.invalidateQueries({ queryKey: [...householdsKey, 'list'] });
    },
  });
}

export function useCreateHousehold() {
  return useHouseholdWrite((body: HouseholdsCreateBody) => apiSend('POST', '/households', body, Household));
}

export function useUpdateHousehold() {
  return useHouseholdWrite(({ id, body }: { id: string; body: HouseholdPatchBody }) =>
    apiSend('PATCH', `/households/${id}`, body, Household),
  );
}

export function useAddResident() {
  return useHouseholdWrite(({ householdId, body }: { householdId: string; body: ResidentInput }) =>
    apiSend('POST', `/households/${householdId}/members`, body, Household),
  );
}

export function useUpdateResident() {
  return useHouseholdWrite(({ residentId, body }: { residentId: string; body: ResidentPatchBody }) =>
    apiSend('PATCH', `/residents/${residentId}`, body, Household),
  );
}

export function useChangeHead() {
  return useHouseholdWrite(({ householdId, body }: { householdId: string; body: ChangeHeadBody }) =>
    apiSend('POST', `/households/${householdId}/change-head`, body, Household),
  );
}

export function useSaveIndicators() {
  return useHouseholdWrite(
    ({ householdId, year, body }: { householdId: string; year: number; body: IndicatorsInput }) =>
      apiSend('PUT', `/households/${householdId}/indicators/${year}`, body, Household),
  );
}

const Revealed = z.object({ idNumber: z.string().nullable() });

/** The full ID number of a resident; the server audits every call. */
export function revealIdNumber(residentId: string): Promise<string | null> {
  return apiSend('POST', `/residents/${residentId}/reveal-id`, undefined, Revealed).then((r) => r.idNumber);
}

export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    queryFn: () => apiGet('/tags', z.array(TagDefinition)),
    staleTime: 5 * 60_000,
  });
}

/** Tag names by code, for showing the codes that households, members and rules carry. */
export function useTagNames(): (code: string) => string {
  const { data } = useTags();
  return useMemo(() => {
    const names = new Map((data ?? []).map((tag) => [tag.code, tag.name]));
    return (code: string) => names.get(code) ?? code;
  }, [data]);
}

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TagCreateBody) => apiSend('POST', '/tags', body, TagDefinition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagsKey }),
  });
}
