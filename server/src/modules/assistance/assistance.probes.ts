import { defaultAssistanceSettings } from '@lianxin/common';
import { jpegWithExif } from '../../../test/files.fixtures';
import { buildUser } from '../../../test/harness';
import {
  freshHousehold,
  householdOf,
  insertRow,
  pairingIn,
  type RouteCase,
  ratingToken,
  townOf,
  villageOf,
  visitIn,
} from '../../../test/probes';
import { newId } from '../../platform/ids';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const assistanceProbes: Record<string, RouteCase> = {
  'GET /api/v1/assistance-settings': async () => ({ url: '/api/v1/assistance-settings', noTargetArea: true }),
  'PUT /api/v1/assistance-settings': async () => ({
    url: '/api/v1/assistance-settings',
    body: defaultAssistanceSettings,
    noTargetArea: true,
  }),
  'PUT /api/v1/cadres/:id/quota': async (_t, target) => ({
    url: `/api/v1/cadres/${target.user.id}/quota`,
    body: { min: 0, max: 10 },
  }),
  'GET /api/v1/pairings': async () => ({ url: '/api/v1/pairings' }),
  'GET /api/v1/pairings/board': async (_t, target) => ({
    url: `/api/v1/pairings/board?areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/pairings': async (_t, target) => ({
    url: '/api/v1/pairings',
    body: { householdId: await freshHousehold(target), cadreId: target.user.id, startDate: '2026-11-01' },
  }),
  'POST /api/v1/pairings/proposal': async (_t, target) => ({
    url: '/api/v1/pairings/proposal',
    body: { areaCode: townOf(target.village) },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/pairings/accept': async (_t, target) => ({
    url: '/api/v1/pairings/accept',
    body: {
      startDate: '2026-11-01',
      items: [{ householdId: await freshHousehold(target), cadreId: target.user.id }],
    },
  }),
  'POST /api/v1/pairings/:id/end': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/end`,
    body: { version: 1, endDate: '2026-11-22', reason: '已脱困' },
  }),
  'POST /api/v1/pairings/:id/keep': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/keep`,
    body: { version: 1 },
  }),
  'POST /api/v1/pairings/:id/ratings': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/ratings`,
    body: { rating: 'satisfied' },
  }),
  'POST /api/v1/pairings/:id/rating-links': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/rating-links`,
  }),
  'GET /api/v1/cadres/:id/ratings': async (_t, target) => ({
    url: `/api/v1/cadres/${target.user.id}/ratings`,
  }),
  'GET /api/v1/contact-points': async () => ({ url: '/api/v1/contact-points' }),
  'POST /api/v1/contact-points': async (t, target) => {
    villageOf(target);
    const leader = await buildUser(t.database, {
      role: 'town_staff',
      areaCode: townOf(target.village),
      rank: 'leader',
    });
    return {
      url: '/api/v1/contact-points',
      body: { leaderId: leader.id, villageCode: target.village, startDate: '2026-01-01' },
      outsideCode: 'AREA_UNKNOWN',
    };
  },
  'POST /api/v1/contact-points/:id/end': async (t, target) => {
    const id = newId();
    await insertRow(t, 'contact_points', {
      id,
      leader_id: target.user.id,
      village_code: villageOf(target),
      start_date: '2026-01-01',
      created_at: t.clock.now().toISOString(),
    });
    return { url: `/api/v1/contact-points/${id}/end`, body: { endDate: '2026-11-22' } };
  },
  'GET /api/v1/worklist': async () => ({ url: '/api/v1/worklist', noTargetArea: true }),
  'GET /api/v1/visits': async () => ({ url: '/api/v1/visits' }),
  'POST /api/v1/visits': async (_t, target) => ({
    url: '/api/v1/visits',
    body: {
      id: newId(),
      householdId: householdOf(target).id,
      date: '2026-11-22',
      kind: 'in_home',
      findings: '矩阵走访',
    },
  }),
  'GET /api/v1/visits/:id': async (t, target) => ({ url: `/api/v1/visits/${await visitIn(t, target)}` }),
  'POST /api/v1/visits/:id/photos': async (t, target) => ({
    url: `/api/v1/visits/${await visitIn(t, target)}/photos`,
    body: jpegWithExif(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/visits/:id/photos/:photoId': async (t, target) => {
    const visitId = await visitIn(t, target);
    const id = newId();
    await insertRow(t, 'visit_photos', {
      id,
      visit_id: visitId,
      content_type: 'image/jpeg',
      size: 3,
      content: Buffer.from([0xff, 0xd8, 0xff]),
      created_at: t.clock.now().toISOString(),
    });
    return { url: `/api/v1/visits/${visitId}/photos/${id}` };
  },
  'GET /api/v1/help-measures': async () => ({ url: '/api/v1/help-measures' }),
  'POST /api/v1/help-measures': async (_t, target) => ({
    url: '/api/v1/help-measures',
    body: { householdId: householdOf(target).id, kind: 'job_referral' },
  }),
  'PATCH /api/v1/help-measures/:id': async (t, target) => {
    const id = newId();
    const now = t.clock.now().toISOString();
    await insertRow(t, 'help_measures', {
      id,
      household_id: householdOf(target).id,
      cadre_id: target.user.id,
      area_code: target.village,
      kind: 'job_referral',
      status: 'planned',
      description: '',
      outcome: '',
      created_at: now,
      version: 1,
      updated_at: now,
    });
    return { url: `/api/v1/help-measures/${id}`, body: { version: 1, status: 'in_progress' } };
  },
  'GET /api/v1/coverage/must-visit': async (_t, target) => ({
    url: `/api/v1/coverage/must-visit?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/coverage/must-go': async (_t, target) => ({
    url: `/api/v1/coverage/must-go?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/coverage/must-visit/export': async (_t, target) => ({
    url: `/api/v1/coverage/must-visit/export?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/public/helper-ratings/:token': async (t, target) => ({
    url: `/api/v1/public/helper-ratings/${await ratingToken(t, target)}`,
  }),
  'POST /api/v1/public/helper-ratings/:token': async (t, target) => ({
    url: `/api/v1/public/helper-ratings/${await ratingToken(t, target)}`,
    body: { rating: 'satisfied' },
  }),
};
