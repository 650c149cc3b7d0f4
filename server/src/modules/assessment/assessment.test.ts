import { randomUUID } from 'node:crypto';
import { type Appeal, type Assessment, type AssessmentScore, defaultAssessmentConfig } from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  buildUser,
  createTestApp,
  login,
  type Session,
  seedAreas,
  signInAs,
  type TestContext,
} from '../../../test/harness';
import { buildHouseholdBody } from '../../../test/households.fixtures';

describe('annual assessment: configured weights, scores from the records, ranks, finalization', () => {
  let t: TestContext;
  let admin: Session;
  let townHead: Session;
  let otherTownHead: Session;
  const cadre: { id: string; session?: Session } = { id: '' };
  const idle: { id: string } = { id: '' };

  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    admin = await signInAs(t, 'district_admin', AREAS.district);
    townHead = await signInAs(t, 'town_head', AREAS.townA);
    otherTownHead = await signInAs(t, 'town_head', AREAS.townB);
    const c = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '王村干',
    });
    cadre.id = c.id;
    cadre.session = await login(t.app, c.username);
    idle.id = (
      await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageB1, name: '闲村干' })
    ).id;
    const session = cadre.session;
    // Two priority households paired with the cadre; one visited, one rated the helper.
    for (let i = 0; i < 2; i++) {
      const h = (
        await admin.request(
          'POST',
          '/api/v1/households',
          buildHouseholdBody({ indicators: { year: 2026, totalIncome: 3_000, debt: 0, hardships: [] } }),
        )
      ).json() as { id: string };
      const pairing = await admin.request('POST', '/api/v1/pairings', {
        householdId: h.id,
        cadreId: cadre.id,
        startDate: '2026-11-01',
      });
      expect(pairing.statusCode, pairing.body).toBe(201);
      if (i === 0) {
        const visit = await session.request('POST', '/api/v1/visits', {
          id: randomUUID(),
          householdId: h.id,
          date: '2026-11-22',
          kind: 'in_home',
          findings: '走访',
        });
        expect(visit.statusCode, visit.body).toBe(201);
        const rated = await townHead.request('POST', `/api/v1/pairings/${pairing.json().id}/ratings`, {
          rating: 'basically_satisfied',
        });
        expect(rated.statusCode).toBe(201);
      }
    }
    // Two appeals handled by the cadre, one resolved.
    for (let i = 0; i < 2; i++) {
      let a = (
        await session.request('POST', '/api/v1/appeals', {
          channel: 'visit',
          categoryCode: 'roads_water',
          villageCode: AREAS.villageA1,
          title: '道路',
          description: '道路损坏',
          reporterKind: 'anonymous',
        })
      ).json() as Appeal;
      a = (await session.request('POST', `/api/v1/appeals/${a.id}/accept`, { version: a.version })).json();
      if (i === 0)
        await session.request('POST', `/api/v1/appeals/${a.id}/resolve`, {
          version: a.version,
          resolution: '已修',
        });
    }
  });
  afterAll(() => t.close());

  it('refuses weights that do not add up to 100 % and indicators it does not know', async () => {
    const bad = structuredClone(defaultAssessmentConfig);
    bad.village_cadres.weights = { pairedVisited: 60, helperSatisfaction: 30 };
    const response = await admin.request('PUT', '/api/v1/assessments/2026/config', bad);
    expect(response.json()).toMatchObject({ error: { code: 'ASSESSMENT_WEIGHTS_INVALID' } });
    expect(response.json().error.message).toContain('90%');
    const unknown = structuredClone(defaultAssessmentConfig);
    unknown.town_heads.weights = { appealResolution: 50, popularity: 50 };
    expect((await admin.request('PUT', '/api/v1/assessments/2026/config', unknown)).json()).toMatchObject({
      error: { code: 'ASSESSMENT_INDICATOR_UNKNOWN' },
    });
    expect(
      (await townHead.request('PUT', '/api/v1/assessments/2026/config', defaultAssessmentConfig)).statusCode,
    ).toBe(403);
  });

  it('scores each cadre from the records by the cohort’s weights; no data is left out, not zero', async () => {
    expect(
      (await admin.request('PUT', '/api/v1/assessments/2026/config', defaultAssessmentConfig)).statusCode,
    ).toBe(200);
    const computed = await admin.request('POST', '/api/v1/assessments/2026/compute');
    expect(computed.statusCode, computed.body).toBe(200);
    const mine = (
      await (cadre.session as Session).request('GET', '/api/v1/assessments/2026/me')
    )?.json() as AssessmentScore;
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
      await admin.request('GET', '/api/v1/assessments/2026?cohort=village_cadres')
    ).json() as Assessment;
    expect(idleScore.scores.find((s) => s.cadreId === idle.id)).toMatchObject({ score: null, rank: null });
    // A town head sees the scores of their own town only.
    const town = (await townHead.request('GET', '/api/v1/assessments/2026')).json() as Assessment;
    expect(town.scores.every((s) => s.areaCode.startsWith('610902001'))).toBe(true);
    expect(town.scores.some((s) => s.cadreId === cadre.id)).toBe(true);
    expect(
      ((await otherTownHead.request('GET', '/api/v1/assessments/2026')).json() as Assessment).scores.some(
        (s) => s.cadreId === cadre.id,
      ),
    ).toBe(false);
  });

  it('keeps reviewer comments, exports the ranking, and locks a finalized year', async () => {
    expect((await admin.request('POST', '/api/v1/assessments/2025/finalize')).json()).toMatchObject({
      error: { code: 'ASSESSMENT_NOT_COMPUTED' },
    });
    const commented = await admin.request('PATCH', `/api/v1/assessments/2026/scores/${cadre.id}`, {
      comment: '走访扎实，群众认可',
    });
    expect(commented.json()).toMatchObject({ comment: '走访扎实，群众认可' });
    await admin.request('POST', '/api/v1/assessments/2026/compute');
    expect(
      (
        (
          await (cadre.session as Session).request('GET', '/api/v1/assessments/2026/me')
        ).json() as AssessmentScore
      ).comment,
    ).toBe('走访扎实，群众认可');
    const file = await admin.request('GET', '/api/v1/assessments/2026/export');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('村干部');
    expect(sheet?.getRow(2).getCell(2).value).toBe('王村干');
    expect(sheet?.getRow(2).getCell(4).value).toBe(68.75);

    expect((await admin.request('POST', '/api/v1/assessments/2026/finalize')).statusCode).toBe(204);
    for (const [method, url, body] of [
      ['POST', '/api/v1/assessments/2026/compute', undefined],
      ['PUT', '/api/v1/assessments/2026/config', defaultAssessmentConfig],
      ['PATCH', `/api/v1/assessments/2026/scores/${cadre.id}`, { comment: '改' }],
      ['POST', '/api/v1/assessments/2026/finalize', undefined],
    ] as const) {
      expect((await admin.request(method, url, body)).json(), url).toMatchObject({
        error: { code: 'ASSESSMENT_FINALIZED' },
      });
    }
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment.finalize')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
