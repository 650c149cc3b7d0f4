import type { AppealLevel, DispatchRole, DispatchStatus, UnitKind } from '@lianxin/common';
import { AREAS, buildUnit, type TestContext } from '../../../test/harness';
import {
  appealIn,
  dispatchOf,
  NotApplicable,
  nextSerial,
  type RouteCase,
  type Target,
} from '../../../test/probes';
import { topicsProbes } from './topics/topics.probes';
import { whistlesProbes } from './whistles/whistles.probes';

// The kind of unit that sits at an area of the target's level; a district's units (departments,
// the CPPCC office) are listed to every area caller, so they cannot stand "outside" anyone.
function localKind(code: string): UnitKind {
  if (code.endsWith('000000')) throw new NotApplicable('units at the district are visible to every area');
  return code.endsWith('000') ? 'town_office' : 'village_committee';
}

const unitIn = (t: TestContext, target: Target) =>
  buildUnit(t.database, {
    kind: localKind(target.village),
    areaCode: target.village,
    name: `单位${nextSerial()}`,
  });

// The level that holds an appeal at the target's area: the district, a town or a village.
const levelAt = (code: string): AppealLevel =>
  code.endsWith('000000') ? 'district' : code.endsWith('000') ? 'town' : 'village';

/** A department answering for the probes' appeals' category, which every dispatcher may choose. */
const department = (t: TestContext) =>
  buildUnit(t.database, {
    kind: 'department',
    areaCode: AREAS.district,
    name: `部门${nextSerial()}`,
    categories: ['neighbour_dispute'],
  });

/** An appeal held at the target's area, as a dispatcher there holds it. */
const heldAppeal = (t: TestContext, target: Target) =>
  appealIn(t, target, { level: levelAt(target.area), holder_area_code: target.area });

/** A dispatch of an appeal of the target's village, made by the target's area, in the given state. */
async function dispatchIn(
  t: TestContext,
  target: Target,
  fields: { role?: DispatchRole; status?: DispatchStatus } = {},
): Promise<string> {
  return dispatchOf(t, {
    appealId: await heldAppeal(t, target),
    unitId: await department(t),
    dispatcherArea: target.area,
    dispatchedBy: target.user.id,
    role: fields.role ?? 'lead',
    status: fields.status ?? 'pending',
  });
}

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const departmentsProbes: Record<string, RouteCase> = {
  ...whistlesProbes,
  ...topicsProbes,
  'GET /api/v1/units': async () => ({ url: '/api/v1/units' }),
  'GET /api/v1/units/:id': async (t, target) => ({ url: `/api/v1/units/${await unitIn(t, target)}` }),
  'GET /api/v1/units/:id/staff': async (t, target) => ({
    url: `/api/v1/units/${await unitIn(t, target)}/staff`,
  }),
  'POST /api/v1/units': async (_t, target) => ({
    url: '/api/v1/units',
    body: { kind: localKind(target.village), name: `新单位${nextSerial()}`, areaCode: target.village },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/units/:id': async (t, target) => ({
    url: `/api/v1/units/${await unitIn(t, target)}`,
    body: { phone: '0915-3212345', version: 1 },
  }),
  // A department every caller may route to, and an appeal of the target's village.
  'POST /api/v1/units/:id/appeals': async (t, target) => {
    const unit = await buildUnit(t.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: `部门${nextSerial()}`,
    });
    return { url: `/api/v1/units/${unit}/appeals`, body: { appealId: await appealIn(t, target) } };
  },
  'GET /api/v1/dispatches': async () => ({ url: '/api/v1/dispatches' }),
  'GET /api/v1/dispatches/stats': async () => ({
    url: '/api/v1/dispatches/stats?from=2026-01-01&to=2026-12-31',
  }),
  'GET /api/v1/dispatches/:id': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target)}`,
  }),
  'POST /api/v1/dispatches': async (t, target) => ({
    url: '/api/v1/dispatches',
    body: { appealId: await heldAppeal(t, target), leadUnitId: await department(t), version: 1 },
  }),
  'POST /api/v1/dispatches/:id/accept': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target)}/accept`,
    body: { version: 1 },
  }),
  'POST /api/v1/dispatches/:id/return': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target)}/return`,
    body: { reason: '不属本单位职责', version: 1 },
  }),
  'POST /api/v1/dispatches/:id/part': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target, { role: 'co' })}/part`,
    body: { part: '已提供协办意见', version: 1 },
  }),
  'POST /api/v1/dispatches/:id/appeal-actions': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target, { status: 'accepted' })}/appeal-actions`,
    body: { action: 'note', note: '已联系群众', public: false, version: 1 },
  }),
  'POST /api/v1/dispatches/:id/redispatch': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target, { status: 'returned' })}/redispatch`,
    body: { unitId: await department(t), version: 1 },
  }),
  'POST /api/v1/dispatches/:id/overrule': async (t, target) => ({
    url: `/api/v1/dispatches/${await dispatchIn(t, target, { status: 'returned' })}/overrule`,
    body: { note: '属本单位职责', version: 1 },
  }),
  'GET /api/v1/dispatch-settings': async () => ({ url: '/api/v1/dispatch-settings', noTargetArea: true }),
  'PUT /api/v1/dispatch-settings': async () => ({
    url: '/api/v1/dispatch-settings',
    body: { returnWindowWorkingDays: 1, coPartWorkingDays: 3 },
    noTargetArea: true,
  }),
};
