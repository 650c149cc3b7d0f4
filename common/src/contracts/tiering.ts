// The endpoints of the tiering domain (分类): one contract each (see ../contract.ts).
import { z } from 'zod';
import { defineContract } from '../contract';
import { HouseholdIdParams } from '../households';
import {
  TierOverride,
  TierOverrideIdParams,
  TierOverridesDecisionBody,
  TierOverridesListQuery,
  TierOverridesProposeBody,
  TierRuleSet,
  TierRulesCreateBody,
  TierRulesPreview,
  TierRulesPreviewBody,
} from '../tiering';

export const TierRulesListResponse = z.array(TierRuleSet);

/** `/tier-rules`: the versions of the rule set, newest first. */
export const tierRulesApi = {
  list: defineContract({
    method: 'GET',
    path: '/tier-rules',
    tag: 'tiering',
    response: TierRulesListResponse,
  }),
  preview: defineContract({
    method: 'POST',
    path: '/tier-rules/preview',
    tag: 'tiering',
    summary: 'What a rule set would do to today’s households (nothing is saved)',
    body: TierRulesPreviewBody,
    response: TierRulesPreview,
  }),
  create: defineContract({
    method: 'POST',
    path: '/tier-rules',
    tag: 'tiering',
    summary: 'Save a new rule-set version; households are re-tiered when it takes effect',
    body: TierRulesCreateBody,
    response: TierRuleSet,
    status: 201,
  }),
};

export const TierOverridesListResponse = z.object({ items: z.array(TierOverride) });

/**
 * `/tier-overrides`: tiers set by hand (人工调整), proposed on a household
 * (`/households/:id/tier-overrides`) and decided by the town head.
 */
export const tierOverridesApi = {
  list: defineContract({
    method: 'GET',
    path: '/tier-overrides',
    tag: 'tiering',
    query: TierOverridesListQuery,
    response: TierOverridesListResponse,
  }),
  propose: defineContract({
    method: 'POST',
    path: '/households/:id/tier-overrides',
    tag: 'tiering',
    summary: 'Propose setting a household’s tier by hand (the town head decides)',
    params: HouseholdIdParams,
    body: TierOverridesProposeBody,
    response: TierOverride,
    status: 201,
  }),
  approve: defineContract({
    method: 'POST',
    path: '/tier-overrides/:id/approve',
    tag: 'tiering',
    params: TierOverrideIdParams,
    body: TierOverridesDecisionBody,
    response: TierOverride,
  }),
  reject: defineContract({
    method: 'POST',
    path: '/tier-overrides/:id/reject',
    tag: 'tiering',
    params: TierOverrideIdParams,
    body: TierOverridesDecisionBody,
    response: TierOverride,
  }),
  revoke: defineContract({
    method: 'POST',
    path: '/tier-overrides/:id/revoke',
    tag: 'tiering',
    params: TierOverrideIdParams,
    body: TierOverridesDecisionBody,
    response: TierOverride,
  }),
};
