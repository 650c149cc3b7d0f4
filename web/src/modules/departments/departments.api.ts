import {
  appealCategoriesApi,
  type UnitsCreateBody,
  type UnitsListQuery,
  type UnitsUpdateBody,
  unitsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { useLocale } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { categoryName } from '../appeals/appeal-labels';
import { appealCategoriesKey, appealsKey } from '../appeals/appeals.api';
import { usersKey } from '../users/users.api';

export const unitsKey = ['units'] as const;

export type UnitsFilter = Partial<
  Pick<UnitsListQuery, 'kind' | 'areaCode' | 'categoryCode' | 'q' | 'active'>
>;

/** The units in the caller's reach, narrowed by the filter; `enabled` false asks nothing. */
export function useUnits(filter: UnitsFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...unitsKey, 'list', filter],
    queryFn: async () => (await api(unitsApi.list, { query: filter })).items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: options.enabled ?? true,
  });
}

export function useUnit(id: string | null) {
  return useQuery({
    queryKey: [...unitsKey, 'detail', id],
    queryFn: () => api(unitsApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useUnitStaff(id: string | null) {
  return useQuery({
    queryKey: [...unitsKey, 'staff', id],
    queryFn: async () => (await api(unitsApi.listStaff, { params: { id: id ?? '' } })).items,
    enabled: id !== null,
  });
}

export function fetchUnit(id: string) {
  return api(unitsApi.get, { params: { id } });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitsCreateBody) => api(unitsApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UnitsUpdateBody }) =>
      api(unitsApi.update, { params: { id }, body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: unitsKey });
      // Accounts show their unit's name.
      queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}

/** Routes an appeal to a unit; the appeal's timeline gains the routing. */
export function useRouteAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, appealId }: { unitId: string; appealId: string }) =>
      api(unitsApi.routeAppeal, { params: { id: unitId }, body: { appealId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appealsKey }),
  });
}

/**
 * The appeal categories' names and choices, asked only of callers who read appeals (a service
 * station's staff do not; they see the codes).
 */
export function useCategoryChoices() {
  const can = useCan();
  const { locale } = useLocale();
  const enabled = can('appeals.read');
  const { data, isLoading } = useQuery({
    queryKey: appealCategoriesKey,
    queryFn: () => api(appealCategoriesApi.list, {}),
    staleTime: 5 * 60_000,
    enabled,
  });
  return useMemo(() => {
    const categories = data ?? [];
    const byCode = new Map(categories.map((c) => [c.code, c]));
    const name = (code: string) => {
      const category = byCode.get(code);
      return category ? categoryName(category, locale) : code;
    };
    return {
      /** False for a caller who does not read appeals: the names are not known. */
      known: enabled,
      isLoading: enabled && isLoading,
      name,
      // A sub-category is shown under its parent's name.
      options: categories
        .filter((c) => c.active)
        .map((c) => ({
          value: c.code,
          label: c.parentCode ? `${name(c.parentCode)} / ${name(c.code)}` : name(c.code),
        })),
    };
  }, [data, enabled, isLoading, locale]);
}
