import { defaultTierRules } from '@lianxin/common';
import { override, type RouteCase } from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const tieringProbes: Record<string, RouteCase> = {
  'GET /api/v1/tier-rules': async () => ({ url: '/api/v1/tier-rules', noTargetArea: true }),
  'POST /api/v1/tier-rules/preview': async () => ({
    url: '/api/v1/tier-rules/preview',
    body: { rules: defaultTierRules },
    noTargetArea: true,
  }),
  'POST /api/v1/tier-rules': async () => ({
    url: '/api/v1/tier-rules',
    body: { rules: defaultTierRules, effectiveFrom: '2027-01-01' },
    noTargetArea: true,
  }),
  'GET /api/v1/tier-overrides': async () => ({ url: '/api/v1/tier-overrides' }),
  'POST /api/v1/tier-overrides/:id/approve': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'pending')}/approve`,
    body: {},
  }),
  'POST /api/v1/tier-overrides/:id/reject': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'pending')}/reject`,
    body: {},
  }),
  'POST /api/v1/tier-overrides/:id/revoke': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'approved')}/revoke`,
    body: {},
  }),
};
