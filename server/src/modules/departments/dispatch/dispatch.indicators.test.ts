import { appealsApi, assessmentsApi, defaultAssessmentConfig, dispatchApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { dispatchedTo } from './dispatch.fixtures';

describe('departments as a cohort of the annual assessment', () => {
  let world: World;
  let health: Member;
  let water: Member;

  const dispatched = (title: string, unitId: string) => dispatchedTo(world.admin.session, title, unitId);

  beforeAll(async () => {
    world = await buildWorld();
    const department = (name: string) =>
      buildUnit(world.database, { kind: 'department', areaCode: AREAS.district, name });
    health = await world.member('department_head', AREAS.district, { unitId: await department('区卫健局') });
    water = await world.member('department_head', AREAS.district, { unitId: await department('区水利局') });
    // 卫健局 answers and resolves both of its dispatches; 水利局 answers neither of its own.
    for (const title of ['村卫生室缺医生', '卫生院夜间无人值班']) {
      const { appeal, lead } = await dispatched(title, health.unitId ?? '');
      await health.session.call(dispatchApi.accept, {
        params: { id: lead.id },
        body: { version: lead.version },
      });
      const current = (await health.session.call(appealsApi.get, { params: { id: appeal.id } })).data;
      const resolved = await health.session.call(dispatchApi.act, {
        params: { id: lead.id },
        body: { action: 'resolve', resolution: '已安排医生定期坐诊', version: current.version },
      });
      expect(resolved.statusCode, resolved.response.body).toBe(200);
    }
    await dispatched('河堤护栏损坏', water.unitId ?? '');
  });
  afterAll(() => world.close());

  it('scores each department through its head on its dispatches of the year, by the default weights', async () => {
    const computed = await world.admin.session.call(assessmentsApi.compute, { params: { year: 2026 } });
    expect(computed.statusCode, computed.response.body).toBe(200);
    const scores = (
      await world.admin.session.call(assessmentsApi.get, {
        params: { year: 2026 },
        query: { cohort: 'departments' },
      })
    ).data.scores;
    expect(scores.map((s) => [s.cadreId, s.rank])).toEqual([
      [health.id, 1],
      [water.id, 2],
    ]);
    const [first, second] = scores;
    const value = (score: typeof first, indicator: string) =>
      score?.breakdown.find((b) => b.indicator === indicator)?.value;
    expect(Object.keys(defaultAssessmentConfig.departments.weights)).toEqual(
      first?.breakdown.map((b) => b.indicator),
    );
    expect(value(first, 'dispatchResponse')).toBe(1);
    expect(value(first, 'dispatchResolution')).toBe(1);
    expect(value(first, 'dispatchOnTime')).toBe(1);
    // No resident has rated yet and no whistle named it: no data, left out of the score.
    expect(value(first, 'dispatchSatisfaction')).toBeNull();
    expect(value(first, 'whistleReported')).toBeNull();
    expect(first?.score).toBe(100);
    // 水利局 has not answered within its window and resolved nothing: 0 on what has data.
    expect(value(second, 'dispatchResponse')).toBe(0);
    expect(value(second, 'dispatchResolution')).toBe(0);
    expect(value(second, 'dispatchOnTime')).toBeNull();
    expect(second?.score).toBe(0);
  });
});
