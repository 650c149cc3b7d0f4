import { AREAS, buildUnit, type TestContext } from '../../../../test/harness';
import { insertRow, nextSerial, type RouteCase, type Target } from '../../../../test/probes';
import { newId } from '../../../platform/ids';

const department = (t: TestContext) =>
  buildUnit(t.database, { kind: 'department', areaCode: AREAS.district, name: `部门${nextSerial()}` });

/** A category of its own for each probe: one topic per month, area and category. */
async function freshCategory(t: TestContext): Promise<string> {
  const code = `topic_probe_${nextSerial()}`;
  await insertRow(t, 'appeal_categories', {
    code,
    parent_code: null,
    name_zh: '每月一题矩阵',
    name_en: 'Topic matrix',
    default_level: 'village',
    default_urgency: 'normal',
    resolution_days: null,
    dispute: false,
    active: true,
    sort: 999,
    updated_at: t.clock.now().toISOString(),
  });
  return code;
}

/** An open topic of the target's area, led by a fresh department, with one measure. */
export async function topicIn(t: TestContext, target: Target): Promise<{ id: string; measureId: string }> {
  const id = newId();
  const measureId = newId();
  const lead = await department(t);
  const now = t.clock.now().toISOString();
  await insertRow(t, 'monthly_topics', {
    id,
    month: now.slice(0, 7),
    area_code: target.area,
    category_code: await freshCategory(t),
    title: '矩阵测试的每月一题',
    description: null,
    lead_unit_id: lead,
    goal_percent: 20,
    goal_text: null,
    status: 'open',
    created_at: now,
    created_by: target.user.id,
    closed_at: null,
    closed_by: null,
    outcome_note: null,
    version: 1,
  });
  await insertRow(t, 'monthly_topic_measures', {
    id: measureId,
    topic_id: id,
    text: '矩阵措施',
    unit_id: lead,
    due_date: now.slice(0, 10),
    done_at: null,
    done_by: null,
    created_at: now,
  });
  return { id, measureId };
}

/** How to call each route of 每月一题 on an object in a chosen area (see server/test/probes.ts). */
export const topicsProbes: Record<string, RouteCase> = {
  'GET /api/v1/monthly-topics': async () => ({ url: '/api/v1/monthly-topics' }),
  'GET /api/v1/monthly-topics/proposals': async (_t, target) => ({
    url: `/api/v1/monthly-topics/proposals?areaCode=${target.area}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/monthly-topics/:id': async (t, target) => ({
    url: `/api/v1/monthly-topics/${(await topicIn(t, target)).id}`,
  }),
  'POST /api/v1/monthly-topics': async (t, target) => ({
    url: '/api/v1/monthly-topics',
    body: {
      month: t.clock.now().toISOString().slice(0, 7),
      areaCode: target.area,
      categoryCode: await freshCategory(t),
      title: '农村饮水安全',
      leadUnitId: await department(t),
      goalPercent: 30,
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/monthly-topics/:id': async (t, target) => ({
    url: `/api/v1/monthly-topics/${(await topicIn(t, target)).id}`,
    body: { version: 1, title: '农村饮水安全专项治理' },
  }),
  'POST /api/v1/monthly-topics/:id/measures': async (t, target) => ({
    url: `/api/v1/monthly-topics/${(await topicIn(t, target)).id}/measures`,
    body: { text: '排查管网老化点位', unitId: await department(t), dueDate: '2026-12-31' },
  }),
  // The lead unit's staff report a measure done; none of the matrix's callers' units leads the topic.
  'POST /api/v1/monthly-topics/:id/measures/:measureId/done': async (t, target) => {
    const topic = await topicIn(t, target);
    return {
      url: `/api/v1/monthly-topics/${topic.id}/measures/${topic.measureId}/done`,
      body: { done: true },
    };
  },
  'PATCH /api/v1/monthly-topics/:id/measures/:measureId': async (t, target) => {
    const topic = await topicIn(t, target);
    return {
      url: `/api/v1/monthly-topics/${topic.id}/measures/${topic.measureId}`,
      body: { done: true },
    };
  },
};
