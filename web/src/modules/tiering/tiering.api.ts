import {
  type OverrideStatus,
  TierOverride,
  type TierOverrideCreateBody,
  TierRuleSet,
  type TierRules,
  type TierRulesCreateBody,
  TierRulesPreview,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../api/client';
import { householdKey, householdsKey } from '../households/households.api';

export const tierRulesKey = ['tier-rules'] as const;
export const tierOverridesKey = ['tier-overrides'] as const;

/** All rule set versions, newest first; the one in force is flagged. */
export function useTierRuleSets() {
  return useQuery({ queryKey: tierRulesKey, queryFn: () => apiGet('/tier-rules', z.array(TierRuleSet)) });
}

export function usePreviewTierRules() {
  return useMutation({
    mutationFn: (rules: TierRules) => apiSend('POST', '/tier-rules/preview', { rules }, TierRulesPreview),
  });
}

export function useCreateTierRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TierRulesCreateBody) => apiSend('POST', '/tier-rules', body, TierRuleSet),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tierRulesKey }),
  });
}

const OverrideList = z.object({ items: z.array(TierOverride) });

export interface TierOverridesFilter {
  status?: OverrideStatus;
  householdId?: string;
}

export function useTierOverrides(filter: TierOverridesFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...tierOverridesKey, filter],
    queryFn: async () => (await apiGet('/tier-overrides', OverrideList, { ...filter, limit: 200 })).items,
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
  return useOverrideWrite(({ householdId, body }: { householdId: string; body: TierOverrideCreateBody }) =>
    apiSend('POST', `/households/${householdId}/tier-overrides`, body, TierOverride),
  );
}

export const overrideDecisions = ['approve', 'reject', 'revoke'] as const;
export type OverrideDecision = (typeof overrideDecisions)[number];

export function useDecideOverride() {
  return useOverrideWrite(
    ({ id, decision, note }: { id: string; decision: OverrideDecision; note: string }) =>
      apiSend('POST', `/tier-overrides/${id}/${decision}`, { note }, TierOverride),
  );
}
