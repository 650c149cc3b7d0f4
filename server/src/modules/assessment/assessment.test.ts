import { randomUUID } from 'node:crypto';
import {
  appealActionsApi,
  appealsApi,
  assessmentsApi,
  defaultAssessmentConfig,
  householdsApi,
  pairingRatingsApi,
  pairingsApi,
  visitsApi,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login, type Session } from '../../../test/harness';
import { householdBody } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';

const year = 2026;

describe('annual assessment: configured weights, scores from the records, ranks, finalization', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  let otherTownHead: Session;
  let cadreSession: Session;
  const cadre = { id: '' };
  const idle = { id: '' };

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    otherTownHead = (await t.member('town_head', AREAS.townB)).session;
    const c = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '王村干',
    });
    cadre.id = c.id;
    cadreSession = await login(t.app, c.username);
    idle.id = (
      await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1, name: '闲村干' })
    ).id;
    // Two priority households paired with the cadre; one visited, one rated the helper.
    for (let i = 0; i < 2; i++) {
      const body = householdBody({
        indicators: { year: 2026, totalIncome: 3_000, debt: 0, hardships: [] },
      });
      // The shared fixture's body, read by the contract: typed, and checked to be one it accepts.
      const created = await admin.call(householdsApi.create, { body: body });
      expect(created.statusCode, created.response.body).toBe(201);
      const h = created.data;
      const pairing = await admin.call(pairingsApi.create, {
        body: { householdId: h.id, cadreId: cadre.id, startDate: '2026-11-01' },
      });
      expect(pairing.statusCode, pairing.response.body).toBe(201);
      if (i === 0) {
        const visit = await cadreSession.call(visitsApi.create, {
          body: {
            id: randomUUID(),
            householdId: h.id,
            date: '2026-11-22',
            kind: 'in_home',
            findings: '走访',
          },
        });
        expect(visit.statusCode, visit.response.body).toBe(201);
        const rated = await townHead.call(pairingRatingsApi.create, {
          params: { id: pairing.data.id },
          body: { rating: 'basically_satisfied' },
        });
        expect(rated.statusCode).toBe(201);
      }
    }
    // Two appeals handled by the cadre, one resolved.
    for (let i = 0; i < 2; i++) {
      let a = (
        await cadreSession.call(appealsApi.create, {
          body: {
            channel: 'visit',
            categoryCode: 'roads_water',
            villageCode: AREAS.villageA1,
            title: '道路',
            description: '道路损坏',
            reporterKind: 'anonymous',
          },
        })
      ).data;
      a = (
        await cadreSession.call(appealActionsApi.accept, {
          params: { id: a.id },
          body: { version: a.version },
        })
      ).data;
      if (i === 0)
        await cadreSession.call(appealActionsApi.resolve, {
          params: { id: a.id },
          body: { version: a.version, resolution: '已修' },
        });
    }
  });
  afterAll(() => t.close());

  const configure = (session: Session, body: typeof defaultAssessmentConfig) =>
    session.call(assessmentsApi.configure, { params: { year }, body });

  it('refuses weights that do not add up to 100 % and indicators it does not know', async () => {
    const bad = structuredClone(defaultAssessmentConfig);
    bad.village_cadres.weights = { pairedVisited: 60, helperSatisfaction: 30 };
    const response = await configure(admin, bad);
    expect(response.error).toMatchObject({ code: 'ASSESSMENT_WEIGHTS_INVALID' });
    expect(response.error.message).toContain('90%');
    const unknown = structuredClone(defaultAssessmentConfig);
    unknown.town_heads.weights = { appealResolution: 50, popularity: 50 };
    expect((await configure(admin, unknown)).error).toMatchObject({ code: 'ASSESSMENT_INDICATOR_UNKNOWN' });
    expect((await configure(townHead, defaultAssessmentConfig)).statusCode).toBe(403);
  });

  it('scores each cadre from the records by the cohort’s weights; no data is left out, not zero', async () => {
    expect((await configure(admin, defaultAssessmentConfig)).statusCode).toBe(200);
    const computed = await admin.call(assessmentsApi.compute, { params: { year } });
    expect(computed.statusCode, computed.response.body).toBe(200);
    const mine = (await cadreSession.call(assessmentsApi.getOwn, { params: { year } })).data;
    const value = (indicator: string) => mine.breakdown.find((b) => b.indicator === indicator)?.value;
    // Recount: 1 of 2 paired households visited; 1 of 1 rating satisfied or basically; 1 of 2
    // handled appeals resolved; 2 pairings over a minimum quota of 0 → no requirement, no data.
    expect(value('pairedVisited')).toBe(0.5);
    expect(value('helperSatisfaction')).toBe(1);
    expect(value('appealResolution')).toBe(0.5);
    expect(value('quotaFill')).toBeNull();
    // (0.5 × 30 + 1 × 30 + 0.5 × 20) / 80 × 100
    expect(mine.score).toBe(68.75);
    expect(mine.rank).toBe(1);
    const idleScore = (
      await admin.call(assessmentsApi.get, { params: { year }, query: { cohort: 'village_cadres' } })
    ).data;
    expect(idleScore.scores.find((s) => s.cadreId === idle.id)).toMatchObject({ score: null, rank: null });
    // A town head sees the scores of their own town only.
    const town = (await townHead.call(assessmentsApi.get, { params: { year } })).data;
    expect(town.scores.every((s) => s.areaCode.startsWith('610902001'))).toBe(true);
    expect(town.scores.some((s) => s.cadreId === cadre.id)).toBe(true);
    const otherTown = (await otherTownHead.call(assessmentsApi.get, { params: { year } })).data;
    expect(otherTown.scores.some((s) => s.cadreId === cadre.id)).toBe(false);
  });

  it('keeps reviewer comments, exports the ranking, and locks a finalized year', async () => {
    expect((await admin.call(assessmentsApi.finalize, { params: { year: 2025 } })).error).toMatchObject({
      code: 'ASSESSMENT_NOT_COMPUTED',
    });
    const comment = (text: string) =>
      admin.call(assessmentsApi.comment, { params: { year, cadreId: cadre.id }, body: { comment: text } });
    expect((await comment('走访扎实，群众认可')).data).toMatchObject({ comment: '走访扎实，群众认可' });
    await admin.call(assessmentsApi.compute, { params: { year } });
    expect((await cadreSession.call(assessmentsApi.getOwn, { params: { year } })).data.comment).toBe(
      '走访扎实，群众认可',
    );
    // A comment that a spreadsheet would read as a formula is exported as text.
    await comment('=HYPERLINK("http://x") 走访扎实');
    const file = await admin.call(assessmentsApi.export, { params: { year } });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('村干部');
    expect(sheet?.getRow(2).getCell(2).value).toBe('王村干');
    expect(sheet?.getRow(2).getCell(4).value).toBe(68.75);
    const row = sheet?.getRow(2);
    expect(row?.getCell(row.cellCount).value).toBe(`'=HYPERLINK("http://x") 走访扎实`);

    expect((await admin.call(assessmentsApi.finalize, { params: { year } })).statusCode).toBe(204);
    const changes = {
      compute: () => admin.call(assessmentsApi.compute, { params: { year } }),
      configure: () => configure(admin, defaultAssessmentConfig),
      comment: () => comment('改'),
      finalize: () => admin.call(assessmentsApi.finalize, { params: { year } }),
    };
    for (const [name, change] of Object.entries(changes)) {
      expect((await change()).error, name).toMatchObject({ code: 'ASSESSMENT_FINALIZED' });
    }
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment.finalize')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
