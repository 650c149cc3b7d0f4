import { randomUUID } from 'node:crypto';
import {
  appealsApi,
  type Household,
  helpMeasuresApi,
  householdsApi,
  VisitCreateBody,
  visitsApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type Session } from '../../../../test/harness';
import { buildHousehold } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';
import { AppError } from '../../../platform/errors';
import { type AreaContext, withTransaction } from '../../../platform/request-context';
import { scopeOf } from '../../../platform/scope';
import { recordVisit } from './record-visit.command';

describe('recordVisit: a visit with its figures, tier, help and appeals in one transaction', () => {
  let t: World;
  let admin: Session;
  let ctx: AreaContext;

  /** A household of village A1 whose low income puts it in the priority tier. */
  const household = async (): Promise<Household> =>
    buildHousehold(admin, {
      indicators: { year: 2026, totalIncome: 3_000, debt: 0, hardships: [] },
    });
  const tierOf = async (id: string) => (await admin.call(householdsApi.get, { params: { id } })).data.tier;
  const visitBody = (householdId: string, categoryCode: string): VisitCreateBody =>
    VisitCreateBody.parse({
      id: randomUUID(),
      householdId,
      date: '2026-11-22',
      kind: 'in_home',
      findings: '家中老人慢病，务工收入已稳定',
      needs: ['medical'],
      indicators: { year: 2026, totalIncome: 80_000, debt: 0, hardships: [] },
      measuresDone: [{ kind: 'medical_insurance', outcome: '当场协助续缴医保' }],
      appeals: [{ categoryCode, title: '慢病报销', description: '慢病门诊报销比例咨询' }],
    });
  const record = (body: VisitCreateBody) => withTransaction(ctx, (trx) => recordVisit(ctx, trx, body));

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    const user = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '王村干',
    });
    ctx = {
      caller: {
        id: user.id,
        username: user.username,
        name: '王村干',
        role: 'village_cadre',
        areaCode: AREAS.villageA1,
        areaKind: 'village',
        unitId: null,
        locale: null,
      },
      scope: scopeOf({ code: AREAS.villageA1, kind: 'village' }),
      actor: { id: user.id, name: '王村干', ip: null },
      locale: 'zh-CN',
      clock: t.app.ctx.clock,
      secrets: t.app.ctx.secrets,
      db: t.app.ctx.db,
    };
  });
  afterAll(() => t.close());

  it('records a visit with new figures, re-tiers the household and raises its appeals in one transaction', async () => {
    const h = await household();
    expect(await tierOf(h.id)).toBe('priority');
    const body = visitBody(h.id, 'medical');
    const { visit, created } = await record(body);
    expect(created).toBe(true);
    expect(visit).toMatchObject({ id: body.id, householdId: h.id, cadres: [{ id: ctx.caller.id }] });
    expect(visit.appealIds).toHaveLength(1);
    // The new figures moved the household out of the priority tier.
    expect(await tierOf(h.id)).toBe('stable');
    const appeals = await admin.call(appealsApi.list, { query: { householdId: h.id } });
    expect(appeals.data.items.map((a) => a.id)).toEqual(visit.appealIds);
    const measures = await admin.call(helpMeasuresApi.list, { query: { householdId: h.id } });
    expect(measures.data.items).toMatchObject([
      { kind: 'medical_insurance', status: 'done', visitId: body.id },
    ]);
    // The same visit again (a retry) is the stored one, and writes nothing more.
    const again = await record(body);
    expect(again.created).toBe(false);
    expect(again.visit.appealIds).toEqual(visit.appealIds);
  });

  it('writes nothing when a part is refused: no visit, figures, tier change, help or appeal', async () => {
    const h = await household();
    const body = visitBody(h.id, 'no_such_category');
    const refused = await record(body).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'APPEAL_CATEGORY_UNKNOWN' });
    expect((await admin.call(visitsApi.get, { params: { id: body.id } })).statusCode).toBe(404);
    expect(await tierOf(h.id)).toBe('priority');
    const stored = await admin.call(householdsApi.get, { params: { id: h.id } });
    expect(stored.data.indicators).toMatchObject([{ year: 2026, totalIncome: 3_000 }]);
    const measures = await admin.call(helpMeasuresApi.list, { query: { householdId: h.id } });
    expect(measures.data.items).toEqual([]);
    const appeals = await admin.call(appealsApi.list, { query: { householdId: h.id } });
    expect(appeals.data.items).toEqual([]);
  });
});
