import { householdsApi } from '@lianxin/common';
import {
  clearPendingOverrides,
  householdOf,
  insertRow,
  nextSerial,
  type RouteCase,
  rosterImport,
  townOf,
  versionOf,
} from '../../../test/probes';
import { newId } from '../../platform/ids';

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
  'POST /api/v1/residents/:id/reveal-phone': async (_t, target) => ({
    url: `/api/v1/residents/${householdOf(target).residentId}/reveal-phone`,
    body: { purpose: 'view' },
  }),
  'POST /api/v1/households/:id/reveal-phone': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}/reveal-phone`,
    body: { purpose: 'call' },
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
  'POST /api/v1/household-imports/:id/layout': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'ready')}/layout`,
    body: { sheet: 0 },
  }),
  'GET /api/v1/household-imports/:id/held-back': async (t, target) => {
    const id = newId();
    const now = new Date().toISOString();
    await insertRow(t, 'household_imports', {
      id,
      area_code: target.village,
      created_by: target.user.id,
      locale: 'zh-CN',
      file_name: '名册.xlsx',
      content: null,
      status: 'committed',
      progress_done: 1,
      progress_total: 1,
      errors: '[]',
      error_count: 0,
      created_at: now,
      updated_at: now,
      held_back_file: Buffer.from('PK'),
    });
    return { url: `/api/v1/household-imports/${id}/held-back` };
  },
  'GET /api/v1/id-number-checks': async () => ({ url: '/api/v1/id-number-checks' }),
  'POST /api/v1/id-number-checks/:id/close': async (t, target) => {
    const id = newId();
    await insertRow(t, 'id_number_checks', {
      id,
      town_code: townOf(target.village),
      area_code: target.village,
      user_id: target.user.id,
      source: `request:${id}`,
      numbers: 1,
      created_at: new Date().toISOString(),
      closed_at: null,
      closed_by: null,
    });
    return { url: `/api/v1/id-number-checks/${id}/close` };
  },
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
