import { defaultAssessmentConfig } from '@lianxin/common';
import { nextSerial, type RouteCase } from '../../../test/probes';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const assessmentProbes: Record<string, RouteCase> = {
  'GET /api/v1/dashboard': async (_t, target) => ({
    url: `/api/v1/dashboard?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/dashboard/work': async (_t, target) => ({
    url: `/api/v1/dashboard/work?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/bulletins/:month': async (_t, target) => ({
    url: `/api/v1/bulletins/2026-10?areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/assessments/:year': async () => ({ url: '/api/v1/assessments/2026', noTargetArea: true }),
  'GET /api/v1/assessments/:year/export': async () => ({
    url: '/api/v1/assessments/2026/export',
    noTargetArea: true,
  }),
  'PUT /api/v1/assessments/:year/config': async () => ({
    url: `/api/v1/assessments/${2030 + (nextSerial() % 30)}/config`,
    body: defaultAssessmentConfig,
    noTargetArea: true,
  }),
  'POST /api/v1/assessments/:year/compute': async () => ({
    url: `/api/v1/assessments/${2030 + (nextSerial() % 30)}/compute`,
    noTargetArea: true,
  }),
  'PATCH /api/v1/assessments/:year/scores/:cadreId': async (_t, target) => {
    // Scores exist once the year is computed; 2027 is never finalized by a probe.
    await target.admin.request('POST', '/api/v1/assessments/2027/compute');
    return { url: `/api/v1/assessments/2027/scores/${target.user.id}`, body: { comment: '矩阵点评' } };
  },
  'POST /api/v1/assessments/:year/finalize': async (_t, target) => {
    // Years of their own: a finalized year answers every later change with 409.
    const year = 2060 + (nextSerial() % 40);
    await target.admin.request('POST', `/api/v1/assessments/${year}/compute`);
    return { url: `/api/v1/assessments/${year}/finalize`, noTargetArea: true };
  },
};
