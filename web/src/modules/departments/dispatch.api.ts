import {
  type DispatchAppealActionBody,
  type DispatchCreateBody,
  type DispatchListQuery,
  type DispatchSettings,
  type DispatchStatsQuery,
  dispatchApi,
  dispatchSettingsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { appealsKey } from '../appeals/appeals.api';

export const dispatchesKey = ['dispatches'] as const;
const dispatchSettingsKey = ['dispatch-settings'] as const;

export type DispatchFilter = Partial<Omit<DispatchListQuery, 'limit'>>;

/** A unit's queue, or the dispatches of the caller's area, narrowed by the filter. */
export function useDispatches(filter: DispatchFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...dispatchesKey, 'list', filter],
    queryFn: async () => (await api(dispatchApi.list, { query: { ...filter, limit: 200 } })).items,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Every dispatch of one appeal, for its page. */
export function useAppealDispatches(appealId: string) {
  return useDispatches({ appealId });
}

/** Each department's figures over the dispatches of a period, best first. */
export function useDispatchStats(query: DispatchStatsQuery) {
  return useQuery({
    queryKey: [...dispatchesKey, 'stats', query],
    queryFn: async () => (await api(dispatchApi.stats, { query })).items,
    placeholderData: keepPreviousData,
  });
}

export function useDispatchSettings() {
  return useQuery({ queryKey: dispatchSettingsKey, queryFn: () => api(dispatchSettingsApi.get, {}) });
}

/** A dispatch changes its appeal too (timeline, status): both are read again. */
function useDispatchMutation<V>(run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: dispatchesKey });
      queryClient.invalidateQueries({ queryKey: appealsKey });
    },
  });
}

export const useCreateDispatch = () =>
  useDispatchMutation((body: DispatchCreateBody) => api(dispatchApi.create, { body }));

/** One step on a dispatch: what it sends depends on the step. */
export type DispatchStep =
  | { step: 'accept'; id: string; version: number }
  | { step: 'return'; id: string; version: number; reason: string }
  | { step: 'part'; id: string; version: number; part: string }
  | { step: 'overrule'; id: string; version: number; note: string }
  | { step: 'redispatch'; id: string; version: number; unitId: string; note?: string }
  | { step: 'act'; id: string; body: DispatchAppealActionBody };

export const useDispatchStep = () =>
  useDispatchMutation((vars: DispatchStep) => {
    const params = { id: vars.id };
    switch (vars.step) {
      case 'accept':
        return api(dispatchApi.accept, { params, body: { version: vars.version } });
      case 'return':
        return api(dispatchApi.return, { params, body: { reason: vars.reason, version: vars.version } });
      case 'part':
        return api(dispatchApi.part, { params, body: { part: vars.part, version: vars.version } });
      case 'overrule':
        return api(dispatchApi.overrule, { params, body: { note: vars.note, version: vars.version } });
      case 'redispatch':
        return api(dispatchApi.redispatch, {
          params,
          body: { unitId: vars.unitId, note: vars.note, version: vars.version },
        });
      case 'act':
        return api(dispatchApi.act, { params, body: vars.body });
    }
  });

export function useSaveDispatchSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DispatchSettings) => api(dispatchSettingsApi.update, { body }),
    onSuccess: (saved) => queryClient.setQueryData(dispatchSettingsKey, saved),
  });
}
