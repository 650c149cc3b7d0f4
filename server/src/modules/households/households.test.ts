import { auditApi, householdsApi, makeIdNumber, residentsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { buildHousehold, householdBody, nextIdNumber as idNumber } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';

describe('household registry', () => {
  let t: World;
  let cadreA1: Session;
  let auditorSession: Session;
  beforeAll(async () => {
    t = await buildWorld();
    cadreA1 = (await t.member('village_cadre', AREAS.villageA1)).session;
    auditorSession = (await t.member('auditor', AREAS.district)).session;
  });
  afterAll(() => t.close());

  it('opens a household file, derives birth dates and genders, and tiers it with reasons', async () => {
    const body = householdBody({
      indicators: { year: 2026, totalIncome: 21_000, debt: 0, hardships: ['serious_illness'] },
    });
    const response = await cadreA1.call(householdsApi.create, { body });
    expect(response.statusCode, response.response.body).toBe(201);
    const household = response.data;
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
    const created = await buildHousehold(cadreA1);
    const memberId = created.members[0]?.id ?? '';
    const revealed = await cadreA1.call(residentsApi.reveal, { params: { id: memberId } });
    expect(revealed.data).toEqual({ idNumber: expect.stringMatching(/^\d{17}[\dX]$/) });
    const audit = await auditorSession.call(auditApi.list, {
      query: { action: 'resident.reveal_id', objectId: memberId },
    });
    expect(audit.data.total).toBe(1);
    // An auditor reads households with masked numbers and phones, and cannot reveal.
    const page = await auditorSession.call(householdsApi.list, { query: { q: '张建华' } });
    expect(page.data.items[0]?.phone).toBe('139****5678');
    expect((await auditorSession.call(residentsApi.reveal, { params: { id: memberId } })).statusCode).toBe(
      403,
    );
  });

  it.each([
    [
      'a wrong check character',
      { members: [{ name: '王五', idNumber: '110105194912310021', relation: 'head' as const }] },
      'body.members.0.idNumber',
      '身份证号校验位错误',
    ],
    [
      'an impossible birth date',
      {
        members: [
          { name: '王五', idNumber: makeIdNumber('610902', '1981-02-29', 1), relation: 'head' as const },
        ],
      },
      'body.members.0.idNumber',
      '身份证号中的出生日期不存在',
    ],
    [
      'a household without a head',
      { members: [{ name: '王五', relation: 'spouse' as const }] },
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
    const response = await cadreA1.call(householdsApi.create, { body: householdBody(overrides) });
    expect(response.statusCode).toBe(400);
    expect(response.error.details).toContainEqual(
      message ? { path, message } : expect.objectContaining({ path }),
    );
  });

  it('accepts full-width digits and a lower-case x, and refuses a number registered elsewhere, saying where', async () => {
    const raw = makeIdNumber('610902', '1980-01-01', 991);
    const fullWidth = raw.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).toLowerCase();
    const first = await cadreA1.call(householdsApi.create, {
      body: householdBody({ members: [{ name: '赵六', idNumber: fullWidth, relation: 'head' }] }),
    });
    expect(first.statusCode, first.response.body).toBe(201);
    const again = await cadreA1.call(householdsApi.create, {
      body: householdBody({ members: [{ name: '赵六', idNumber: raw, relation: 'head' }] }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.error).toMatchObject({ code: 'ID_NUMBER_TAKEN', message: expect.stringContaining('一组') });
    const duplicateNumber = await cadreA1.call(householdsApi.create, {
      body: householdBody({ number: first.data.number }),
    });
    expect(duplicateNumber.error.code).toBe('HOUSEHOLD_NUMBER_TAKEN');
  });

  it('finds households by name, number, exact ID number, tier and tag, with counts per tier', async () => {
    const dibao = householdBody({
      tags: ['dibao'],
      members: [{ name: '孙丽', idNumber: idNumber(), relation: 'head' }],
    });
    expect((await cadreA1.call(householdsApi.create, { body: dibao })).statusCode).toBe(201);
    const list = async (query: { q?: string; tag?: string; tier?: 'watch' }) =>
      (await cadreA1.call(householdsApi.list, { query })).data;
    expect(await list({ q: '孙丽' })).toMatchObject({
      total: 1,
      items: [{ headName: '孙丽', tier: 'watch' }],
    });
    expect(await list({ q: dibao.members[0]?.idNumber ?? '' })).toMatchObject({
      total: 1,
      items: [{ number: dibao.number }],
    });
    expect(await list({ tag: 'dibao' })).toMatchObject({ total: 1 });
    const all = await list({});
    expect(all.tierCounts.priority + all.tierCounts.watch + all.tierCounts.stable).toBe(all.total);
    expect((await list({ tier: 'watch' })).total).toBe(all.tierCounts.watch);
  });

  it('pages with a cursor through every household exactly once', async () => {
    for (let i = 0; i < 5; i++) await buildHousehold(cadreA1);
    const all = (await cadreA1.call(householdsApi.list, { query: { limit: 200 } })).data;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await cadreA1.call(householdsApi.list, { query: { limit: 3, cursor } })).data;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    const garbage = await cadreA1.call(householdsApi.list, { query: { cursor: 'garbage' } });
    expect(garbage.statusCode).toBe(400);
  });

  it('keeps a village cadre inside the own village', async () => {
    const sibling = (await t.member('village_cadre', AREAS.villageA2)).session;
    const mine = await buildHousehold(cadreA1);
    expect((await sibling.call(householdsApi.get, { params: { id: mine.id } })).statusCode).toBe(404);
    const reveal = await sibling.call(residentsApi.reveal, { params: { id: mine.members[0]?.id ?? '' } });
    expect(reveal.statusCode).toBe(404);
    expect((await sibling.call(householdsApi.list, {})).data).toMatchObject({ total: 0 });
    const outside = await sibling.call(householdsApi.create, { body: householdBody() });
    expect(outside.error.code).toBe('AREA_UNKNOWN');
  });
});
