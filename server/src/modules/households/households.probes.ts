import { householdsApi } from '@lianxin/common';
import {
  clearPendingOverrides,
  householdOf,
  nextSerial,
  type RouteCase,
  rosterImport,
  versionOf,
} from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const householdsProbes: Record<string, RouteCase> = {
  'GET /api/v1/households': async () => ({ url: '/api/v1/households' }),
  'GET /api/v1/households/:id': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}`,
  }),
  'POST /api/v1/households': async (_t, target) => ({
    url: '/api/v1/households',
    body: {
      areaCode: target.village,
      number: `M${nextSerial()}`,
      members: [{ name: '矩阵户主', relation: 'head' }],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/residents/:id/reveal-id': async (_t, target) => ({
    url: `/api/v1/residents/${householdOf(target).residentId}/reveal-id`,
  }),
  'PATCH /api/v1/households/:id': async (t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}`,
    body: {
      address: `矩阵路 ${nextSerial()} 号`,
      version: await versionOf(t, 'households', householdOf(target).id),
    },
  }),
  'POST /api/v1/households/:id/members': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}/members`,
    body: { name: `成员${nextSerial()}`, relation: 'child' },
  }),
  'POST /api/v1/households/:id/change-head': async (t, target) => {
    const household = householdOf(target);
    const added = await target.admin.call(householdsApi.addMember, {
      params: { id: household.id },
      body: { name: `新户主${nextSerial()}`, relation: 'spouse' },
    });
    const members = added.data.members;
    const next = members[members.length - 1];
    return {
      url: `/api/v1/households/${household.id}/change-head`,
      body: {
        residentId: next?.id,
        formerHeadRelation: 'spouse',
        version: await versionOf(t, 'households', household.id),
      },
    };
  },
  'PUT /api/v1/households/:id/indicators/:year': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}/indicators/2026`,
    body: { totalIncome: 40_000 + nextSerial() },
  }),
  'PATCH /api/v1/residents/:id': async (t, target) => ({
    url: `/api/v1/residents/${householdOf(target).residentId}`,
    body: {
      phone: '13800000000',
      version: await versionOf(t, 'residents', householdOf(target).residentId),
    },
  }),
  'GET /api/v1/tags': async () => ({ url: '/api/v1/tags', noTargetArea: true }),
  'POST /api/v1/tags': async () => ({
    url: '/api/v1/tags',
    body: { code: `matrix_${nextSerial()}`, name: '矩阵标签', appliesTo: 'household' },
    noTargetArea: true,
  }),
  'GET /api/v1/household-imports/template': async () => ({
    url: '/api/v1/household-imports/template',
    noTargetArea: true,
  }),
  'POST /api/v1/household-imports': async () => ({
    url: '/api/v1/household-imports?fileName=x.csv',
    body: Buffer.from('村/社区,户号,姓名,与户主关系\n'),
    headers: { 'content-type': 'text/csv' },
    noTargetArea: true,
  }),
  'GET /api/v1/household-imports': async () => ({ url: '/api/v1/household-imports' }),
  'GET /api/v1/household-imports/:id': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'validating')}`,
  }),
  'POST /api/v1/household-imports/:id/commit': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'ready')}/commit`,
  }),
  'GET /api/v1/households/export': async (_t, target) => ({
    url: `/api/v1/households/export?areaCode=${target.village}`,
  }),
  'POST /api/v1/households/:id/tier-overrides': async (t, target) => {
    const household = householdOf(target);
    // One pending proposal per household at a time: clear the way for this probe.
    await clearPendingOverrides(t, household.id);
    return {
      url: `/api/v1/households/${household.id}/tier-overrides`,
      body: { tier: 'watch', reason: '矩阵测试' },
    };
  },
};
