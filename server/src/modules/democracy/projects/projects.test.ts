import { type ProjectCreateBody, projectsApi, publicNoticesApi, villagePageApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, login } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { signProof } from '../../../platform/verification/proof';

describe('major investment projects (重大投资项目): stages, money, notice and accountability', () => {
  let t: World;
  let cadre: Member;
  let sibling: Member;
  let town: Member;

  const at = async (iso: string) => {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
    for (const member of [cadre, sibling, town, t.admin])
      member.session = await login(t.app, member.username);
  };
  const create = (member: Member, body: Partial<ProjectCreateBody> = {}) =>
    member.session.call(projectsApi.create, {
      body: {
        areaCode: AREAS.villageA1,
        title: '二组至三组村道硬化工程',
        description: '村道硬化 1.2 公里，宽 4.5 米。',
        responsiblePerson: '王建华',
        responsibleUnit: '镇农业综合服务中心',
        budget: 480_000,
        stages: [
          { name: '招标', dueOn: '2026-12-10' },
          { name: '路基施工', dueOn: '2027-01-20' },
          { name: '验收', dueOn: '2027-03-31' },
        ],
        ...body,
      },
    });

  beforeAll(async () => {
    t = await buildWorld({ trustProxy: true });
    cadre = await t.member('village_cadre', AREAS.villageA1);
    sibling = await t.member('village_cadre', AREAS.villageA2);
    town = await t.member('town_staff', AREAS.townA);
  });
  afterAll(() => t.close());

  it('tracks stages against their due days (China time) and spending against the budget', async () => {
    await at('2026-12-10T15:59:59.000Z');
    const created = await create(cadre);
    expect(created.statusCode, created.response.body).toBe(201);
    const project = created.data;
    expect(project).toMatchObject({ budget: 480_000, spent: 0, stages: 3, stagesDone: 0, lateStages: 0 });
    expect(project.stagesList.map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
    // 11 December in China: the tender's day is over.
    await at('2026-12-10T16:00:00.000Z');
    const read = await town.session.call(projectsApi.get, { params: { id: project.id } });
    expect(read.data.lateStages).toBe(1);
    expect(read.data.stagesList[0]?.state).toBe('late');
    const lateOnly = await town.session.call(projectsApi.list, { query: { late: 'true' } });
    expect(lateOnly.data.items.map((p) => p.id)).toContain(project.id);

    const tender = project.stagesList[0]?.id ?? '';
    const spend = (amount: number, stageId: string | null = tender) =>
      cadre.session.call(projectsApi.addSpending, {
        params: { id: project.id },
        body: { stageId, spentOn: '2026-12-11', amount, item: '招标代理费' },
      });
    expect((await spend(12_000.5)).statusCode).toBe(201);
    const after = await spend(30_000, null);
    expect(after.data).toMatchObject({ spent: 42_000.5 });
    expect(after.data.stagesList[0]?.spent).toBe(12_000.5);
    expect((await spend(-5)).statusCode).toBe(400);

    const done = await cadre.session.call(projectsApi.completeStage, {
      params: { id: project.id, stageId: tender },
      body: { completedOn: '2026-12-11' },
    });
    expect(done.data.stagesList[0]).toMatchObject({ state: 'done_late', completedOn: '2026-12-11' });
    expect(done.data.lateStages).toBe(0);
    const again = await cadre.session.call(projectsApi.completeStage, {
      params: { id: project.id, stageId: tender },
      body: { completedOn: '2026-12-11' },
    });
    expect(again.error).toMatchObject({ code: 'PROJECT_STAGE_DONE' });
  });

  it('holds someone to account only for a late stage or an objection to its own notice', async () => {
    await at('2026-12-14T02:00:00.000Z');
    const project = (await create(cadre, { title: '村级光伏电站建设' })).data;
    const [first, second] = project.stagesList;
    const account = (body: Record<string, unknown>) =>
      town.session.call(projectsApi.addAccountability, {
        params: { id: project.id },
        body: {
          person: '王建华',
          measure: 'interview',
          decidedOn: '2026-12-14',
          note: '阶段逾期，约谈责任人。',
          reason: 'stage_late',
          ...body,
        } as never,
      });
    expect((await account({ stageId: second?.id })).error).toMatchObject({ code: 'PROJECT_STAGE_NOT_LATE' });
    const held = await account({ stageId: first?.id });
    expect(held.statusCode, held.response.body).toBe(201);
    expect(held.data.accountabilities).toEqual([
      expect.objectContaining({ reason: 'stage_late', stageId: first?.id, measure: 'interview' }),
    ]);

    // The notice goes through the notices module; an objection to it may be upheld.
    const noticed = await cadre.session.call(projectsApi.publishNotice, {
      params: { id: project.id },
      body: {},
    });
    expect(noticed.statusCode, noticed.response.body).toBe(201);
    const noticeId = noticed.data.noticeId ?? '';
    const twice = await cadre.session.call(projectsApi.publishNotice, {
      params: { id: project.id },
      body: {},
    });
    expect(twice.error).toMatchObject({ code: 'PROJECT_NOTICE_EXISTS' });
    const notice = await anonymous(t.app).call(publicNoticesApi.get, { params: { id: noticeId } });
    expect(notice.data).toMatchObject({ kind: 'project', title: '村级光伏电站建设公示', open: true });
    expect(notice.data.body).toContain('责任人：王建华');
    const objection = await anonymous(t.app).call(
      publicNoticesApi.comment,
      {
        params: { id: noticeId },
        body: {
          kind: 'objection',
          body: '预算偏高，组件单价高于市场价。',
          name: '张建国',
          proof: signProof(t.app.ctx.secrets, {
            phone: '13912345678',
            purpose: 'notice_comment',
            expiresAt: new Date(t.clock.now().getTime() + 30 * 60_000),
          }),
        },
      },
      { 'x-forwarded-for': '10.0.9.1' },
    );
    expect(objection.statusCode, objection.response.body).toBe(201);
    expect((await account({ reason: 'objection_upheld', objectionId: project.id })).error).toMatchObject({
      code: 'PROJECT_OBJECTION_UNKNOWN',
    });
    const upheld = await account({
      reason: 'objection_upheld',
      objectionId: objection.data.id,
      measure: 'criticism',
    });
    expect(upheld.statusCode, upheld.response.body).toBe(201);
    expect(upheld.data.accountabilities).toHaveLength(2);
  });

  it("refuses another village's projects, and shows current ones on the village page without phones or ID numbers", async () => {
    const mine = (await cadre.session.call(projectsApi.list, {})).data.items;
    expect(mine.length).toBe(2);
    const id = mine[0]?.id ?? '';
    expect((await sibling.session.call(projectsApi.get, { params: { id } })).statusCode).toBe(404);
    const spend = await sibling.session.call(projectsApi.addSpending, {
      params: { id },
      body: { spentOn: '2026-12-14', amount: 1, item: '材料' },
    });
    expect(spend.statusCode).toBe(404);
    expect((await sibling.session.call(projectsApi.list, {})).data.total).toBe(0);
    expect((await create(sibling)).error).toMatchObject({ code: 'AREA_UNKNOWN' });

    const page = await anonymous(t.app).call(villagePageApi.get, { params: { code: AREAS.villageA1 } });
    const section = page.data.sections.find((s) => s.key === 'projects');
    if (section?.key !== 'projects') throw new Error('no projects section');
    expect(section.data.items.map((p) => p.title).sort()).toEqual([
      '二组至三组村道硬化工程',
      '村级光伏电站建设',
    ]);
    expect(section.data.items.find((p) => p.title === '二组至三组村道硬化工程')).toMatchObject({
      budget: 480_000,
      spent: 42_000.5,
    });
    expect(page.response.body).not.toMatch(/(?<![\da-f-])1[3-9]\d{9}(?![\da-f])/i);
    expect(page.response.body).not.toMatch(/(?<![\da-f-])\d{17}[\dXx](?![\da-f])/i);
  });
});
