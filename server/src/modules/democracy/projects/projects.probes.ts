import { chinaDate } from '@lianxin/common';
import type { TestContext } from '../../../../test/harness';
import { insertRow, type RouteCase, type Target } from '../../../../test/probes';
import { newId } from '../../../platform/ids';

const DAY = 86_400_000;

/** A project of the target's area with one stage past due and not done, written straight into the tables. */
export async function projectIn(t: TestContext, target: Target): Promise<{ id: string; stageId: string }> {
  const id = newId();
  const stageId = newId();
  const now = t.clock.now();
  await insertRow(t, 'projects', {
    id,
    area_code: target.village,
    title: '矩阵村道硬化项目',
    description: '二组至三组村道硬化 1.2 公里。',
    responsible_person: '王建华',
    responsible_unit: '镇农业综合服务中心',
    budget_fen: 48_000_000,
    notice_id: null,
    created_by: target.user.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    version: 1,
  });
  await insertRow(t, 'project_stages', {
    id: stageId,
    project_id: id,
    seq: 1,
    name: '路基施工',
    due_on: chinaDate(new Date(now.getTime() - 10 * DAY)),
    completed_on: null,
    note: '',
  });
  return { id, stageId };
}

/** How to call each route of major investment projects on an object in a chosen area (see server/test/probes.ts). */
export const projectsProbes: Record<string, RouteCase> = {
  'GET /api/v1/projects': async () => ({ url: '/api/v1/projects' }),
  'POST /api/v1/projects': async (t, target) => ({
    url: '/api/v1/projects',
    body: {
      areaCode: target.village,
      title: '村级光伏电站建设',
      responsiblePerson: '李明',
      responsibleUnit: '村民委员会',
      budget: 350_000,
      stages: [{ name: '招标', dueOn: chinaDate(new Date(t.clock.now().getTime() + 30 * DAY)) }],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/projects/:id': async (t, target) => ({
    url: `/api/v1/projects/${(await projectIn(t, target)).id}`,
  }),
  'POST /api/v1/projects/:id/stages/:stageId/complete': async (t, target) => {
    const { id, stageId } = await projectIn(t, target);
    return {
      url: `/api/v1/projects/${id}/stages/${stageId}/complete`,
      body: { completedOn: chinaDate(t.clock.now()) },
    };
  },
  'POST /api/v1/projects/:id/spendings': async (t, target) => ({
    url: `/api/v1/projects/${(await projectIn(t, target)).id}/spendings`,
    body: { spentOn: chinaDate(t.clock.now()), amount: 12_500.5, item: '水泥 50 吨' },
  }),
  'POST /api/v1/projects/:id/accountabilities': async (t, target) => {
    const { id, stageId } = await projectIn(t, target);
    return {
      url: `/api/v1/projects/${id}/accountabilities`,
      body: {
        reason: 'stage_late',
        stageId,
        person: '王建华',
        measure: 'interview',
        decidedOn: chinaDate(t.clock.now()),
        note: '路基施工逾期十日，约谈责任人。',
      },
    };
  },
  'POST /api/v1/projects/:id/notice': async (t, target) => ({
    url: `/api/v1/projects/${(await projectIn(t, target)).id}/notice`,
    body: {},
  }),
};
