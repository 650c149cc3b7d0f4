import type { UnitKind } from '@lianxin/common';
import { AREAS, buildUnit, type TestContext } from '../../../test/harness';
import { appealIn, NotApplicable, nextSerial, type RouteCase, type Target } from '../../../test/probes';

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

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const departmentsProbes: Record<string, RouteCase> = {
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
};
