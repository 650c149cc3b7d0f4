import {
  type Household,
  type HouseholdsChangeHeadBody,
  type HouseholdsCreateBody,
  type HouseholdsFilter,
  type HouseholdsUpdateBody,
  type householdSorts,
  householdsApi,
  type IndicatorsInput,
  type ResidentInput,
  type ResidentsUpdateBody,
  residentsApi,
  type TagsCreateBody,
  tagsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';

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
    queryFn: () => api(householdsApi.list, { query: { ...filter, sort, cursor, limit } }),
    placeholderData: keepPreviousData,
  });
}

export function householdKey(id: string) {
  return [...householdsKey, 'one', id] as const;
}

export function useHousehold(id: string) {
  return useQuery({ queryKey: householdKey(id), queryFn: () => api(householdsApi.get, { params: { id } }) });
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
  return useHouseholdWrite((body: HouseholdsCreateBody) => api(householdsApi.create, { body }));
}

export function useUpdateHousehold() {
  return useHouseholdWrite(({ id, body }: { id: string; body: HouseholdsUpdateBody }) =>
    api(householdsApi.update, { params: { id }, body }),
  );
}

export function useAddResident() {
  return useHouseholdWrite(({ householdId, body }: { householdId: string; body: ResidentInput }) =>
    api(householdsApi.addMember, { params: { id: householdId }, body }),
  );
}

export function useUpdateResident() {
  return useHouseholdWrite(({ residentId, body }: { residentId: string; body: ResidentsUpdateBody }) =>
    api(residentsApi.update, { params: { id: residentId }, body }),
  );
}

export function useChangeHead() {
  return useHouseholdWrite(({ householdId, body }: { householdId: string; body: HouseholdsChangeHeadBody }) =>
    api(householdsApi.changeHead, { params: { id: householdId }, body }),
  );
}

export function useSaveIndicators() {
  return useHouseholdWrite(
    ({ householdId, year, body }: { householdId: string; year: number; body: IndicatorsInput }) =>
      api(householdsApi.saveIndicators, { params: { id: householdId, year }, body }),
  );
}

/** The full ID number of a resident; the server audits every call. */
export async function revealIdNumber(residentId: string): Promise<string | null> {
  return (await api(residentsApi.reveal, { params: { id: residentId } })).idNumber;
}

export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    queryFn: () => api(tagsApi.list, {}),
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
    mutationFn: (body: TagsCreateBody) => api(tagsApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagsKey }),
  });
}
