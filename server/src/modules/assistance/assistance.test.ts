import { randomUUID } from 'node:crypto';
import {
  type ContractInput,
  cadreQuotasApi,
  type Household,
  helpMeasuresApi,
  householdsApi,
  pairingsApi,
  type VisitCreateBody,
  visitPhotosApi,
  visitsApi,
  worklistApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../../test/files.fixtures';
import { AREAS, buildUser, type Session } from '../../../test/harness';
import { buildHousehold } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';

describe("assistance: pairings under quotas, the town head's board, visits and the worklist built on them", () => {
  let t: World;
  let townHead: Session;
  let otherTownHead: Session;
  let admin: Session;
  let cadre: { id: string; session: Session };
  let cadre2: { id: string; session: Session };
  let townBCadre: { id: string };

  const household = async (income = 3_000): Promise<Household> =>
    buildHousehold(admin, { indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] } });
  const tierOf = async (id: string) => (await admin.call(householdsApi.get, { params: { id } })).data.tier;
  const pair = (session: Session, householdId: string, cadreId: string) =>
    session.call(pairingsApi.create, { body: { householdId, cadreId, startDate: '2026-11-01' } });
  const visit = (session: Session, body: Partial<VisitCreateBody>) =>
    session.call(visitsApi.create, {
      body: {
        id: randomUUID(),
        date: '2026-11-22',
        kind: 'in_home',
        findings: '户主腿伤未愈，家中缺劳力',
        ...body,
      },
    });

  beforeAll(async () => {
    t = await buildWorld();
    townHead = (await t.member('town_head', AREAS.townA)).session;
    otherTownHead = (await t.member('town_head', AREAS.townB)).session;
    admin = t.admin.session;
    cadre = await t.member('village_cadre', AREAS.villageA1, { name: '王村干' });
    cadre2 = await t.member('village_cadre', AREAS.villageA1, { name: '赵村干' });
    townBCadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1 });
  });
  afterAll(() => t.close());

  it('pairs within quota and area; the error names the quota; one helper per household', async () => {
    const h = await household();
    expect(h.tier).toBe('priority');
    // A cadre of another town: refused for the town head, allowed for a district role.
    expect((await pair(townHead, h.id, townBCadre.id)).error).toMatchObject({ code: 'PAIRING_OUTSIDE_AREA' });
    expect((await pair(otherTownHead, h.id, townBCadre.id)).statusCode).toBe(404);
    const paired = await pair(townHead, h.id, cadre.id);
    expect(paired.statusCode, paired.response.body).toBe(201);
    expect(paired.data).toMatchObject({ cadreName: '王村干', status: 'active', needsReview: false });
    expect((await pair(townHead, h.id, cadre2.id)).error).toMatchObject({ code: 'PAIRING_EXISTS' });
    // A quota of 2 of the cadre's own: the third is refused with the quota named.
    const quota = await townHead.call(cadreQuotasApi.update, {
      params: { id: cadre.id },
      body: { min: 1, max: 2 },
    });
    expect(quota.statusCode, quota.response.body).toBe(204);
    expect((await pair(townHead, (await household()).id, cadre.id)).statusCode).toBe(201);
    const over = await pair(townHead, (await household()).id, cadre.id);
    expect(over.statusCode).toBe(409);
    expect(over.error).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(over.error.message).toContain('王村干 的帮扶指标为 2 户，已结对 2 户');
    const outside = await admin.call(pairingsApi.create, {
      body: { householdId: (await household()).id, cadreId: townBCadre.id, startDate: '2026-11-01' },
    });
    expect(outside.statusCode, outside.response.body).toBe(201);
  });

  it('shows the town head one board: quota fill, unpaired priority households; proposes and accepts a balanced pairing', async () => {
    const unpaired = [await household(), await household(), await household()];
    const board = (await townHead.call(pairingsApi.board, {})).data;
    for (const h of unpaired) expect(board.unpaired.map((u) => u.id)).toContain(h.id);
    expect(board.cadres.find((c) => c.id === cadre.id)).toMatchObject({
      paired: 2,
      quota: { max: 2 },
      state: 'full',
    });
    const proposal = (await townHead.call(pairingsApi.propose, { body: { areaCode: AREAS.townA } })).data;
    // The full cadre gets nothing more; the village's other cadre takes them first.
    expect(proposal.items.every((i) => i.cadreId !== cadre.id)).toBe(true);
    expect(proposal.items.filter((i) => unpaired.some((h) => h.id === i.householdId)).length).toBe(3);
    expect(proposal.items.every((i) => i.because === 'village')).toBe(true);
    const accepted = await townHead.call(pairingsApi.accept, {
      body: {
        startDate: '2026-11-10',
        items: proposal.items.map(({ householdId, cadreId }) => ({ householdId, cadreId })),
      },
    });
    expect(accepted.statusCode, accepted.response.body).toBe(201);
    const after = (await townHead.call(pairingsApi.board, {})).data;
    expect(after.unpaired).toEqual([]);
    // Another town sees none of it.
    const other = (await otherTownHead.call(pairingsApi.list, {})).data;
    expect(other.items.every((p) => p.villageCode.startsWith('610902002'))).toBe(true);
  });

  it('flags a pairing for review when its household leaves the priority tier; keep or end it', async () => {
    const h = await household();
    const pairing = (await pair(townHead, h.id, cadre2.id)).data;
    const indicators = await admin.call(householdsApi.saveIndicators, {
      params: { id: h.id, year: 2026 },
      body: { totalIncome: 90_000, debt: 0, hardships: [] },
    });
    expect(indicators.statusCode, indicators.response.body).toBe(200);
    const flagged = (await townHead.call(pairingsApi.list, { query: { needsReview: 'true' } })).data;
    expect(flagged.items.map((p) => p.id)).toContain(pairing.id);
    const params = { id: pairing.id };
    const kept = (await townHead.call(pairingsApi.keep, { params, body: { version: pairing.version } })).data;
    expect(kept).toMatchObject({ needsReview: false, status: 'active' });
    const ended = (
      await townHead.call(pairingsApi.end, {
        params,
        body: { version: kept.version, endDate: '2026-11-22', reason: '已稳定脱困' },
      })
    ).data;
    expect(ended).toMatchObject({ status: 'ended' });
    expect(
      (
        await townHead.call(pairingsApi.end, {
          params,
          body: { version: ended.version, endDate: '2026-11-22', reason: '再次' },
        })
      ).error,
    ).toMatchObject({ code: 'PAIRING_STATE_INVALID' });
  });

  it('records a visit once, with its figures, help and appeals, and refuses impossible dates', async () => {
    const h = await household();
    await pair(townHead, h.id, cadre.id).catch(() => undefined);
    const id = randomUUID();
    const body: ContractInput<typeof visitsApi.create>['body'] = {
      id,
      householdId: h.id,
      companionIds: [cadre2.id],
      date: '2026-11-22',
      kind: 'in_home',
      findings: '家中老人慢病，医保未续缴',
      needs: ['medical'],
      indicators: { year: 2026, totalIncome: 80_000, debt: 0, hardships: [] },
      measuresDone: [{ kind: 'medical_insurance', outcome: '当场协助续缴医保' }],
      appeals: [{ categoryCode: 'medical', title: '慢病报销', description: '慢病门诊报销比例咨询' }],
    };
    const first = await cadre.session.call(visitsApi.create, { body });
    expect(first.statusCode, first.response.body).toBe(201);
    const again = await cadre.session.call(visitsApi.create, { body });
    expect(again.statusCode).toBe(200);
    expect(again.data.id).toBe(id);
    const stored = await t.database.db.selectFrom('visits').select('id').where('id', '=', id).execute();
    expect(stored).toHaveLength(1);
    const v = first.data;
    expect(v.cadres.map((c) => c.id).sort()).toEqual([cadre.id, cadre2.id].sort());
    expect(v.appealIds).toHaveLength(1);
    // The figures moved the household out of the priority tier; the help is on record.
    expect(await tierOf(h.id)).toBe('stable');
    const measures = await cadre.session.call(helpMeasuresApi.list, { query: { householdId: h.id } });
    expect(measures.data.items).toMatchObject([{ kind: 'medical_insurance', status: 'done', visitId: id }]);
    expect(
      (await cadre.session.call(visitsApi.create, { body: { ...body, findings: '另一次' } })).error,
    ).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await visit(cadre.session, { householdId: h.id, date: '2026-12-30' })).error).toMatchObject({
      code: 'VISIT_DATE_INVALID',
    });
    expect((await visit(cadre.session, { householdId: h.id, date: '2020-01-01' })).error).toMatchObject({
      code: 'VISIT_DATE_INVALID',
    });
    expect(
      (await visit(cadre.session, { householdId: h.id, companionIds: [townBCadre.id] })).error,
    ).toMatchObject({ code: 'PAIRING_OUTSIDE_AREA' });
    // A visit to the village itself (a must-go place).
    expect(
      (
        await visit(cadre.session, {
          villageCode: AREAS.villageA1,
          kind: 'group_meeting',
          date: '2026-11-15',
        })
      ).statusCode,
    ).toBe(201);
    // Photos lose their location data. (A raw upload: the file itself is the body.)
    const photo = await cadre.session.request('POST', `/api/v1/visits/${id}/photos`, jpegWithExif(), {
      'content-type': 'image/jpeg',
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const photoId = visitPhotosApi.upload.response.parse(photo.json()).photos[0]?.id ?? '';
    const file = await cadre.session.call(visitPhotosApi.download, { params: { id, photoId } });
    expect(file.statusCode).toBe(200);
    expect(file.response.rawPayload.toString('latin1')).not.toContain('GPS');
    expect(
      (
        await cadre.session.request('POST', `/api/v1/visits/${id}/photos`, Buffer.from('%PDF-1.7'), {
          'content-type': 'application/pdf',
        })
      ).statusCode,
    ).toBe(415);
  });

  it('gives each cadre a worklist: overdue first, then due, with village days this month', async () => {
    const list = (await cadre.session.call(worklistApi.get, {})).data;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.villageDaysThisMonth).toBe(2);
    expect(list.villageDaysRequired).toBe(4);
    const states = list.items.map((i) => i.state);
    expect(
      [...states].sort((a, b) => ['overdue', 'due', 'ok'].indexOf(a) - ['overdue', 'due', 'ok'].indexOf(b)),
    ).toEqual(states);
    // Paired on 1 November and never visited: a first visit is due within 30 days.
    const first = list.items[0];
    expect(first).toMatchObject({
      tier: 'priority',
      lastVisitDate: null,
      dueDate: '2026-12-01',
      state: 'ok',
    });
    // Visited today: due again a month on.
    expect((await visit(cadre.session, { householdId: first?.householdId })).statusCode).toBe(201);
    const after = (await cadre.session.call(worklistApi.get, {})).data;
    expect(after.items.find((i) => i.householdId === first?.householdId)).toMatchObject({
      lastVisitDate: '2026-11-22',
      dueDate: '2026-12-22',
    });
    // Only the pairing permission reads another cadre's worklist.
    const ofCadre = { query: { cadreId: cadre.id } };
    expect((await cadre2.session.call(worklistApi.get, ofCadre)).statusCode).toBe(403);
    expect((await townHead.call(worklistApi.get, ofCadre)).statusCode).toBe(200);
    expect((await otherTownHead.call(worklistApi.get, ofCadre)).statusCode).toBe(404);
  });
});
