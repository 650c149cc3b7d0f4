import {
  type OverrideStatus,
  type TierOverride,
  type TierOverridesProposeBody,
  type TierRules,
  type TierRulesCreateBody,
  tierOverridesApi,
  tierRulesApi,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { householdKey, householdsKey } from '../households/households.api';

export const tierRulesKey = ['tier-rules'] as const;
export const tierOverridesKey = ['tier-overrides'] as const;

/** All rule set versions, newest first; the one in force is flagged. */
export function useTierRuleSets() {
  return useQuery({ queryKey: tierRulesKey, queryFn: () => api(tierRulesApi.list, {}) });
}

export function usePreviewTierRules() {
  return useMutation({
    mutationFn: (rules: TierRules) => api(tierRulesApi.preview, { body: { rules } }),
  });
}

export function useCreateTierRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TierRulesCreateBody) => api(tierRulesApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tierRulesKey }),
  });
}

export interface TierOverridesFilter {
  status?: OverrideStatus;
  householdId?: string;
}

export function useTierOverrides(filter: TierOverridesFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...tierOverridesKey, filter],
    queryFn: async () => (await api(tierOverridesApi.list, { query: { ...filter, limit: 200 } })).items,
    enabled: options.enabled ?? true,
  });
}

/** An override changes the household's tier when decided: the file and the lists go stale. */
function useOverrideWrite<V>(write: (variables: V) => Promise<TierOverride>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (override) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tierOverridesKey }),
        queryClient.invalidateQueries({ queryKey: householdKey(override.householdId) }),
        queryClient.invalidateQueries({ queryKey: [...householdsKey, 'list'] }),
      ]),
  });
}

export function useProposeOverride() {
  return useOverrideWrite(({ householdId, body }: { householdId: string; body: TierOverridesProposeBody }) =>
    api(tierOverridesApi.propose, { params: { id: householdId }, body }),
  );
}

export const overrideDecisions = ['approve', 'reject', 'revoke'] as const;
export type OverrideDecision = (typeof overrideDecisions)[number];

export function useDecideOverride() {
  return useOverrideWrite(
    ({ id, decision, note }: { id: string; decision: OverrideDecision; note: string }) =>
      api(tierOverridesApi[decision], { params: { id }, body: { note } }),
  );
}
