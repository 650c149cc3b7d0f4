import { makeIdNumber } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  createTestApp,
  type Session,
  seedAreas,
  signInAs,
  type TestContext,
} from '../../../test/harness';
import { buildHouseholdBody, nextIdNumber as idNumber } from '../../../test/households.fixtures';

describe('household registry', () => {
  let t: TestContext;
  let cadreA1: Session;
  let auditorSession: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    cadreA1 = await signInAs(t, 'village_cadre', AREAS.villageA1);
    auditorSession = await signInAs(t, 'auditor', AREAS.district);
  });
  afterAll(() => t.close());

  it('opens a household file, derives birth dates and genders, and tiers it with reasons', async () => {
    const body = buildHouseholdBody({
      indicators: { year: 2026, totalIncome: 21_000, debt: 0, hardships: ['serious_illness'] },
    });
    const response = await cadreA1.request('POST', '/api/v1/households', body);
    expect(response.statusCode, response.body).toBe(201);
    const household = response.json() as Record<string, unknown> & { members: Record<string, unknown>[] };
    expect(household).toMatchObject({
      number: body.number,
      headName: '张建华',
      memberCount: 3,
      tier: 'priority',
      tierSource: 'rules',
      tierRuleVersion: 1,
      tierReasons: [{ kind: 'perCapitaIncomeBelow', perCapita: 7_000, limit: 9_000 }],
      indicators: [{ year: 2026, perCapitaIncome: 7_000 }],
      tierHistory: [{ fromTier: null, toTier: 'priority', cause: 'created' }],
    });
    expect(household.members[0]).toMatchObject({
      birthDate: '1968-05-01',
      gender: 'male',
      idNumber: expect.stringMatching(/^610902\*{8}\d{3}[\dX]$/),
    });
    // The full number is stored encrypted, never in clear.
    const stored = await t.database.db
      .selectFrom('residents')
      .select(['id_number_cipher', 'id_number_hash'])
      .executeTakeFirstOrThrow();
    expect(stored.id_number_cipher).not.toContain('19680501');
  });

  it('reveals a full ID number only on request and audits the reveal', async () => {
    const created = (await cadreA1.request('POST', '/api/v1/households', buildHouseholdBody())).json() as {
      members: { id: string; idNumber: string }[];
    };
    const member = created.members[0];
    const revealed = await cadreA1.request('POST', `/api/v1/residents/${member?.id}/reveal-id`);
    expect(revealed.json()).toEqual({ idNumber: expect.stringMatching(/^\d{17}[\dX]$/) });
    const audit = await auditorSession.request(
      'GET',
      `/api/v1/audit?action=resident.reveal_id&objectId=${member?.id}`,
    );
    expect(audit.json()).toMatchObject({ total: 1 });
    // An auditor reads households with masked numbers and phones, and cannot reveal.
    const page = await auditorSession.request('GET', `/api/v1/households?q=${encodeURIComponent('张建华')}`);
    expect((page.json() as { items: { phone: string }[] }).items[0]?.phone).toBe('139****5678');
    expect(
      (await auditorSession.request('POST', `/api/v1/residents/${member?.id}/reveal-id`)).statusCode,
    ).toBe(403);
  });

  it.each([
    [
      'a wrong check character',
      { members: [{ name: '王五', idNumber: '110105194912310021', relation: 'head' }] },
      'body.members.0.idNumber',
      '身份证号校验位错误',
    ],
    [
      'an impossible birth date',
      { members: [{ name: '王五', idNumber: makeIdNumber('610902', '1981-02-29', 1), relation: 'head' }] },
      'body.members.0.idNumber',
      '身份证号中的出生日期不存在',
    ],
    [
      'a household without a head',
      { members: [{ name: '王五', relation: 'spouse' }] },
      'body.members',
      '每户应有且只有一名户主',
    ],
    [
      'negative income',
      { indicators: { year: 2026, totalIncome: -5, debt: 0, hardships: [] } },
      'body.indicators.totalIncome',
      undefined,
    ],
  ])('refuses %s, naming the field', async (_label, overrides, path, message) => {
    const response = await cadreA1.request('POST', '/api/v1/households', buildHouseholdBody(overrides));
    expect(response.statusCode).toBe(400);
    const details = (response.json() as { error: { details: { path: string; message: string }[] } }).error
      .details;
    expect(details).toContainEqual(message ? { path, message } : expect.objectContaining({ path }));
  });

  it('accepts full-width digits and a lower-case x, and refuses a number registered elsewhere, saying where', async () => {
    const raw = makeIdNumber('610902', '1980-01-01', 991);
    const fullWidth = raw.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).toLowerCase();
    const first = await cadreA1.request(
      'POST',
      '/api/v1/households',
      buildHouseholdBody({ members: [{ name: '赵六', idNumber: fullWidth, relation: 'head' }] }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const again = await cadreA1.request(
      'POST',
      '/api/v1/households',
      buildHouseholdBody({ members: [{ name: '赵六', idNumber: raw, relation: 'head' }] }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: 'ID_NUMBER_TAKEN', message: expect.stringContaining('一组') },
    });
    const duplicateNumber = await cadreA1.request(
      'POST',
      '/api/v1/households',
      buildHouseholdBody({ number: (first.json() as { number: string }).number }),
    );
    expect(duplicateNumber.json()).toMatchObject({ error: { code: 'HOUSEHOLD_NUMBER_TAKEN' } });
  });

  it('finds households by name, number, exact ID number, tier and tag, with counts per tier', async () => {
    const dibao = buildHouseholdBody({
      tags: ['dibao'],
      members: [{ name: '孙丽', idNumber: idNumber(), relation: 'head' }],
    });
    expect((await cadreA1.request('POST', '/api/v1/households', dibao)).statusCode).toBe(201);
    const byName = await cadreA1.request('GET', `/api/v1/households?q=${encodeURIComponent('孙丽')}`);
    expect(byName.json()).toMatchObject({ total: 1, items: [{ headName: '孙丽', tier: 'watch' }] });
    const byId = await cadreA1.request('GET', `/api/v1/households?q=${dibao.members[0]?.idNumber}`);
    expect(byId.json()).toMatchObject({ total: 1, items: [{ number: dibao.number }] });
    const byTag = await cadreA1.request('GET', '/api/v1/households?tag=dibao');
    expect(byTag.json()).toMatchObject({ total: 1 });
    const all = (await cadreA1.request('GET', '/api/v1/households')).json() as {
      total: number;
      tierCounts: { stable: number; watch: number; priority: number };
    };
    expect(all.tierCounts.priority + all.tierCounts.watch + all.tierCounts.stable).toBe(all.total);
    const watch = await cadreA1.request('GET', '/api/v1/households?tier=watch');
    expect((watch.json() as { total: number }).total).toBe(all.tierCounts.watch);
  });

  it('pages with a cursor through every household exactly once', async () => {
    for (let i = 0; i < 5; i++) await cadreA1.request('POST', '/api/v1/households', buildHouseholdBody());
    const all = (await cadreA1.request('GET', '/api/v1/households?limit=200')).json() as {
      items: { id: string }[];
    };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/households?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await cadreA1.request('GET', url)).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    expect((await cadreA1.request('GET', '/api/v1/households?cursor=garbage')).statusCode).toBe(400);
  });

  it('keeps a village cadre inside the own village', async () => {
    const sibling = await signInAs(t, 'village_cadre', AREAS.villageA2);
    const mine = (await cadreA1.request('POST', '/api/v1/households', buildHouseholdBody())).json() as {
      id: string;
      members: { id: string }[];
    };
    expect((await sibling.request('GET', `/api/v1/households/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await sibling.request('POST', `/api/v1/residents/${mine.members[0]?.id}/reveal-id`)).statusCode,
    ).toBe(404);
    expect((await sibling.request('GET', '/api/v1/households')).json()).toMatchObject({ total: 0 });
    const outside = await sibling.request('POST', '/api/v1/households', buildHouseholdBody());
    expect(outside.json()).toMatchObject({ error: { code: 'AREA_UNKNOWN' } });
  });
});
