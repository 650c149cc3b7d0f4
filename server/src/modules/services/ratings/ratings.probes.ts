import { defaultServiceSettings } from '@lianxin/common';
import type { TestContext } from '../../../../test/harness';
import { insertRow, type RouteCase, type Target } from '../../../../test/probes';
import { newId } from '../../../platform/ids';
import { itemFor, proxyRequestIn, stationAt } from './ratings.fixtures';

// How to call each route of 好差评 on an object in a chosen area (see server/test/probes.ts).

/** A request delivered at the target's village, by a station of its own. */
async function deliveredIn(t: TestContext, target: Target) {
  const station = await stationAt(t, target.village);
  const item = await itemFor(t);
  const request = await proxyRequestIn(t, {
    areaCode: target.village,
    stationId: station,
    itemId: item.itemId,
    unitId: item.unitId,
  });
  return { ...request, station, unitId: item.unitId };
}

/** A 差评 of the agent at the target's village, with its follow-up in the given state. */
async function followUpIn(t: TestContext, target: Target, status: 'open' | 'review_requested' = 'open') {
  const r = await deliveredIn(t, target);
  const now = t.clock.now().toISOString();
  const ratingId = newId();
  await insertRow(t, 'service_ratings', {
    id: ratingId,
    request_id: r.id,
    area_code: target.village,
    station_id: r.station,
    unit_id: r.unitId,
    agent_id: null,
    agent_level: 1,
    unit_level: 4,
    comment: '矩阵差评',
    named: true,
    channel: 'tracking',
    rated_at: now,
  });
  const id = newId();
  await insertRow(t, 'rating_follow_ups', {
    id,
    rating_id: ratingId,
    party: 'agent',
    area_code: target.village,
    station_id: r.station,
    unit_id: r.unitId,
    status,
    due_at: new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString(),
    review_reason: status === 'review_requested' ? '矩阵复核' : null,
    review_requested_at: status === 'review_requested' ? now : null,
    review_requested_by: status === 'review_requested' ? target.user.id : null,
    created_at: now,
    version: 1,
  });
  return id;
}

export const ratingsProbes: Record<string, RouteCase> = {
  'GET /api/v1/service-settings': async () => ({ url: '/api/v1/service-settings', noTargetArea: true }),
  'PUT /api/v1/service-settings': async () => ({
    url: '/api/v1/service-settings',
    body: defaultServiceSettings,
    noTargetArea: true,
  }),
  'GET /api/v1/service-ratings': async () => ({ url: '/api/v1/service-ratings' }),
  'GET /api/v1/service-stats': async (_t, target) => ({
    url: `/api/v1/service-stats?from=2026-11-01&to=2026-11-30&areaCode=${target.area}`,
    // The figures of a named area: outside the caller's, not found.
    outsideCode: 'NOT_FOUND',
  }),
  'POST /api/v1/proxy-requests/:id/rating-links': async (t, target) => ({
    url: `/api/v1/proxy-requests/${(await deliveredIn(t, target)).id}/rating-links`,
  }),
  'GET /api/v1/rating-follow-ups': async () => ({ url: '/api/v1/rating-follow-ups' }),
  'GET /api/v1/rating-follow-ups/:id': async (t, target) => ({
    url: `/api/v1/rating-follow-ups/${await followUpIn(t, target)}`,
  }),
  'POST /api/v1/rating-follow-ups/:id/callback': async (t, target) => ({
    url: `/api/v1/rating-follow-ups/${await followUpIn(t, target)}/callback`,
    body: { version: 1, note: '已回访' },
  }),
  'POST /api/v1/rating-follow-ups/:id/answer': async (t, target) => ({
    url: `/api/v1/rating-follow-ups/${await followUpIn(t, target)}/answer`,
    body: { version: 1, outcome: 'explained', answer: '已向群众说明' },
  }),
  'POST /api/v1/rating-follow-ups/:id/request-review': async (t, target) => ({
    url: `/api/v1/rating-follow-ups/${await followUpIn(t, target)}/request-review`,
    body: { version: 1, reason: '差评与事实不符' },
  }),
  'POST /api/v1/rating-follow-ups/:id/decide-review': async (t, target) => ({
    url: `/api/v1/rating-follow-ups/${await followUpIn(t, target, 'review_requested')}/decide-review`,
    body: { version: 1, decision: 'upheld', note: '差评成立' },
  }),
  'GET /api/v1/public/service-ratings/:token': async () => ({
    url: `/api/v1/public/service-ratings/${'A'.repeat(32)}`,
    noTargetArea: true,
  }),
  'POST /api/v1/public/service-ratings/:token': async () => ({
    url: `/api/v1/public/service-ratings/${'A'.repeat(32)}`,
    body: { agentLevel: 5, unitLevel: 5 },
    noTargetArea: true,
  }),
  'POST /api/v1/public/proxy-requests/rate': async () => ({
    url: '/api/v1/public/proxy-requests/rate',
    body: { trackingCode: 'ZZZZ9999', phoneLast4: '0000', agentLevel: 5, unitLevel: 5 },
    noTargetArea: true,
  }),
};
