import { defaultWarningSettings, type WarningStatus } from '@lianxin/common';
import type { TestContext } from '../../../test/harness';
import { insertRow, nextSerial, type RouteCase, type Target, townOf } from '../../../test/probes';
import { newId } from '../../platform/ids';

/** A warning of the target's area in the given state, written straight into the table. */
export async function warningIn(
  t: TestContext,
  target: Target,
  status: WarningStatus = 'open',
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  const handled = status === 'handled' || status === 'closed';
  await insertRow(t, 'warnings', {
    id,
    kind: 'risk',
    severity: 'medium',
    status,
    cluster_key: `probe:${nextSerial()}:${id}`,
    area_code: target.village,
    town_code: townOf(target.village),
    category_code: 'other',
    summary: '风险词「聚集」：矩阵测试',
    words: JSON.stringify(['聚集']),
    appeal_count: 1,
    household_count: 1,
    first_at: now,
    last_at: now,
    raised_at: now,
    updated_at: now,
    acknowledged_at: status === 'open' ? null : now,
    acknowledged_by: status === 'open' ? null : target.user.id,
    handled_at: handled ? now : null,
    handled_by: handled ? target.user.id : null,
    note: handled ? '已处置' : null,
    actions: '[]',
    closed_at: status === 'closed' ? now : null,
    closed_by: status === 'closed' ? target.user.id : null,
    version: 1,
  });
  return id;
}

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const warningsProbes: Record<string, RouteCase> = {
  'GET /api/v1/warnings': async () => ({ url: '/api/v1/warnings' }),
  // Counts of the caller's own area, whatever it is asked.
  'GET /api/v1/warnings/summary': async () => ({ url: '/api/v1/warnings/summary', noTargetArea: true }),
  'POST /api/v1/warnings/scan': async () => ({ url: '/api/v1/warnings/scan', noTargetArea: true }),
  'GET /api/v1/warnings/:id': async (t, target) => ({
    url: `/api/v1/warnings/${await warningIn(t, target)}`,
  }),
  'POST /api/v1/warnings/:id/acknowledge': async (t, target) => ({
    url: `/api/v1/warnings/${await warningIn(t, target)}/acknowledge`,
    body: { version: 1 },
  }),
  'POST /api/v1/warnings/:id/handle': async (t, target) => ({
    url: `/api/v1/warnings/${await warningIn(t, target, 'acknowledged')}/handle`,
    body: { version: 1, note: '矩阵测试处置', actions: ['入户走访'] },
  }),
  'POST /api/v1/warnings/:id/close': async (t, target) => ({
    url: `/api/v1/warnings/${await warningIn(t, target, 'handled')}/close`,
    body: { version: 1 },
  }),
  'GET /api/v1/warning-settings': async () => ({ url: '/api/v1/warning-settings', noTargetArea: true }),
  'PUT /api/v1/warning-settings': async () => ({
    url: '/api/v1/warning-settings',
    body: defaultWarningSettings,
    noTargetArea: true,
  }),
};
