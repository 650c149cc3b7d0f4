import type { TestContext } from '../../../test/harness';
import { appealIn, insertRow, NotApplicable, type RouteCase, type Target } from '../../../test/probes';
import { newId } from '../../platform/ids';

/** The district or the town of the target, where reception days are held; none is held by a village. */
function holderOf(target: Target): string {
  if (!target.area.endsWith('000')) throw new NotApplicable(`no reception day is held by ${target.area}`);
  return target.area;
}

/** A planned reception day held by the target's district or town, tomorrow morning. */
export async function receptionDayIn(t: TestContext, target: Target): Promise<string> {
  const id = newId();
  const now = t.clock.now().getTime();
  await insertRow(t, 'reception_days', {
    id,
    area_code: holderOf(target),
    leader_name: '矩阵书记',
    leader_post: '党委书记',
    place: '矩阵会议室',
    starts_at: new Date(now + 86_400_000).toISOString(),
    ends_at: new Date(now + 86_400_000 + 3 * 3_600_000).toISOString(),
    topics: JSON.stringify(['矩阵主题']),
    note: null,
    status: 'planned',
    summary: null,
    created_by: target.user.id,
    created_at: new Date(now).toISOString(),
    updated_at: new Date(now).toISOString(),
    version: 1,
  });
  return id;
}

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const receptionProbes: Record<string, RouteCase> = {
  'GET /api/v1/reception-days': async () => ({ url: '/api/v1/reception-days' }),
  'GET /api/v1/reception-days/:id': async (t, target) => ({
    url: `/api/v1/reception-days/${await receptionDayIn(t, target)}`,
  }),
  'POST /api/v1/reception-days': async (t, target) => ({
    url: '/api/v1/reception-days',
    body: {
      areaCode: holderOf(target),
      leaderName: '王书记',
      leaderPost: '党委书记',
      place: '镇政府信访接待室',
      startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      endsAt: new Date(t.clock.now().getTime() + 90_000_000).toISOString(),
      topics: ['征地补偿'],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/reception-days/:id': async (t, target) => ({
    url: `/api/v1/reception-days/${await receptionDayIn(t, target)}`,
    body: { version: 1, summary: '接待群众十二人次' },
  }),
  'POST /api/v1/reception-days/:id/appeals': async (t, target) => {
    const id = await receptionDayIn(t, target);
    return { url: `/api/v1/reception-days/${id}/appeals`, body: { appealId: await appealIn(t, target) } };
  },
  'GET /api/v1/public/reception-days': async (_t, target) => ({
    url: `/api/v1/public/reception-days?areaCode=${target.area}`,
  }),
};
