import { auditApi, householdsApi, residentsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { buildHousehold, nextIdNumber } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';

describe('editing a household file', () => {
  let t: World;
  let cadre: Session;
  let auditor: Session;
  beforeAll(async () => {
    t = await buildWorld();
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    auditor = (await t.member('auditor', AREAS.district)).session;
  });
  afterAll(() => t.close());

  it('re-tiers when a year of indicators is recorded, and keeps the history with its cause', async () => {
    const household = await buildHousehold(cadre);
    expect(household.tier).toBe('stable');
    const response = await cadre.call(householdsApi.saveIndicators, {
      params: { id: household.id, year: 2027 },
      body: { totalIncome: 24_000, debt: 0, hardships: ['disaster'] },
    });
    expect(response.statusCode, response.response.body).toBe(200);
    const after = response.data;
    // 8,000 a head is below 1.5 × 6,000; the newest year decides.
    expect(after.tier).toBe('priority');
    expect(after.indicators[0]).toMatchObject({ year: 2027, perCapitaIncome: 8_000 });
    expect(after.tierHistory[0]).toMatchObject({
      fromTier: 'stable',
      toTier: 'priority',
      cause: 'indicators',
    });
    // The list filters on the latest figures.
    const filtered = await cadre.call(householdsApi.list, { query: { perCapitaMax: 8000, hardshipsMin: 1 } });
    expect(filtered.data.items.map((i) => i.id)).toContain(household.id);
  });

  it('changes tags and fields under optimistic locking, and audits what changed', async () => {
    const household = await buildHousehold(cadre);
    const update = (body: { version: number; tags?: string[]; address?: string }) =>
      cadre.call(householdsApi.update, { params: { id: household.id }, body });
    const changed = await update({ version: household.version, tags: ['dibao'], address: '大同村三组 8 号' });
    expect(changed.data).toMatchObject({ tier: 'watch', tags: ['dibao'], address: '大同村三组 8 号' });
    const stale = await update({ version: household.version, address: '别处' });
    expect(stale.statusCode).toBe(409);
    expect(stale.error.code).toBe('VERSION_CONFLICT');
    const unknownTag = await update({ version: changed.data.version, tags: ['no_such_tag'] });
    expect(unknownTag.error.code).toBe('TAG_UNKNOWN');
    const audit = await auditor.call(auditApi.list, {
      query: { action: 'household.update', objectId: household.id },
    });
    expect(audit.data.total).toBe(1);
  });

  it('moves a household to another village of the caller only, with its members', async () => {
    const town = (await t.member('town_staff', AREAS.townA)).session;
    const household = await buildHousehold(cadre);
    const moved = await town.call(householdsApi.update, {
      params: { id: household.id },
      body: { version: household.version, areaCode: AREAS.villageA2 },
    });
    expect(moved.data).toMatchObject({ areaCode: AREAS.villageA2, villageCode: AREAS.villageA2 });
    // Now outside the village cadre's area, members included.
    expect((await cadre.call(householdsApi.get, { params: { id: household.id } })).statusCode).toBe(404);
    const member = household.members[1]?.id ?? '';
    expect((await cadre.call(residentsApi.reveal, { params: { id: member } })).statusCode).toBe(404);
    const outside = await town.call(householdsApi.update, {
      params: { id: household.id },
      body: { version: moved.data.version, areaCode: AREAS.villageB1 },
    });
    expect(outside.error.code).toBe('AREA_UNKNOWN');
  });

  it('adds and changes members, keeping exactly one head', async () => {
    const household = await buildHousehold(cadre);
    const params = { id: household.id };
    const added = await cadre.call(householdsApi.addMember, {
      params,
      body: {
        name: '张小宝',
        idNumber: nextIdNumber('2020-06-01', 'male'),
        relation: 'grandchild',
        tags: ['left_behind_child'],
      },
    });
    expect(added.statusCode, added.response.body).toBe(201);
    expect(added.data).toMatchObject({ memberCount: 4 });
    const secondHead = await cadre.call(householdsApi.addMember, {
      params,
      body: { name: '另一户主', relation: 'head' },
    });
    expect(secondHead.error.code).toBe('HOUSEHOLD_HEAD_INVALID');

    const head = household.members[0];
    const headId = head?.id ?? '';
    const demote = await cadre.call(residentsApi.update, {
      params: { id: headId },
      body: { version: head?.version ?? 0, relation: 'other' },
    });
    expect(demote.error.code).toBe('HOUSEHOLD_HEAD_INVALID');

    // The head dies: the spouse takes over the household.
    const handed = await cadre.call(householdsApi.changeHead, {
      params,
      body: {
        version: added.data.version,
        residentId: household.members[1]?.id ?? '',
        formerHeadRelation: 'spouse',
      },
    });
    expect(handed.statusCode, handed.response.body).toBe(200);
    expect(handed.data.headName).toBe('李秀英');
    const formerHead = handed.data.members.find((m) => m.id === headId);
    const deceased = await cadre.call(residentsApi.update, {
      params: { id: headId },
      body: { version: formerHead?.version ?? 0, status: 'deceased' },
    });
    expect(deceased.data).toMatchObject({ memberCount: 3, headName: '李秀英' });
  });

  it('refuses an ID number registered to someone else, and accepts a member keeping their own', async () => {
    const first = await buildHousehold(cadre);
    const second = await buildHousehold(cadre);
    const stored = await t.app.ctx.db
      .selectFrom('residents')
      .select('id_number_cipher')
      .where('id', '=', first.members[2]?.id ?? '')
      .executeTakeFirstOrThrow();
    const member = second.members[2];
    const taken = await cadre.call(residentsApi.update, {
      params: { id: member?.id ?? '' },
      body: {
        version: member?.version ?? 0,
        idNumber: t.app.ctx.secrets.decrypt(stored.id_number_cipher ?? ''),
      },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.error.code).toBe('ID_NUMBER_TAKEN');
  });
});
