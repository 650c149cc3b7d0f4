import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  createTestApp,
  type Session,
  seedAreas,
  signInAs,
  type TestContext,
} from '../../../test/harness';
import { buildHouseholdBody, nextIdNumber } from '../../../test/households.fixtures';

interface HouseholdOut {
  id: string;
  version: number;
  tier: string;
  memberCount: number;
  headName: string | null;
  areaCode: string;
  tags: string[];
  members: { id: string; name: string; relation: string; status: string; version: number; tags: string[] }[];
  indicators: { year: number; perCapitaIncome: number }[];
  tierHistory: { fromTier: string | null; toTier: string; cause: string }[];
}

describe('editing a household file', () => {
  let t: TestContext;
  let cadre: Session;
  let auditor: Session;
  const open = async (overrides: Record<string, unknown> = {}) => {
    const response = await cadre.request('POST', '/api/v1/households', buildHouseholdBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as HouseholdOut;
  };
  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    cadre = await signInAs(t, 'village_cadre', AREAS.villageA1);
    auditor = await signInAs(t, 'auditor', AREAS.district);
  });
  afterAll(() => t.close());

  it('re-tiers when a year of indicators is recorded, and keeps the history with its cause', async () => {
    const household = await open();
    expect(household.tier).toBe('stable');
    const response = await cadre.request('PUT', `/api/v1/households/${household.id}/indicators/2027`, {
      totalIncome: 24_000,
      debt: 0,
      hardships: ['disaster'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json() as HouseholdOut;
    // 8,000 a head is below 1.5 × 6,000; the newest year decides.
    expect(after.tier).toBe('priority');
    expect(after.indicators[0]).toMatchObject({ year: 2027, perCapitaIncome: 8_000 });
    expect(after.tierHistory[0]).toMatchObject({
      fromTier: 'stable',
      toTier: 'priority',
      cause: 'indicators',
    });
    // The list filters on the latest figures.
    const filtered = await cadre.request('GET', '/api/v1/households?perCapitaMax=8000&hardshipsMin=1');
    expect((filtered.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(household.id);
  });

  it('changes tags and fields under optimistic locking, and audits what changed', async () => {
    const household = await open();
    const changed = await cadre.request('PATCH', `/api/v1/households/${household.id}`, {
      version: household.version,
      tags: ['dibao'],
      address: '大同村三组 8 号',
    });
    expect(changed.json()).toMatchObject({ tier: 'watch', tags: ['dibao'], address: '大同村三组 8 号' });
    const stale = await cadre.request('PATCH', `/api/v1/households/${household.id}`, {
      version: household.version,
      address: '别处',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    const unknownTag = await cadre.request('PATCH', `/api/v1/households/${household.id}`, {
      version: (changed.json() as HouseholdOut).version,
      tags: ['no_such_tag'],
    });
    expect(unknownTag.json()).toMatchObject({ error: { code: 'TAG_UNKNOWN' } });
    const audit = await auditor.request(
      'GET',
      `/api/v1/audit?action=household.update&objectId=${household.id}`,
    );
    expect(audit.json()).toMatchObject({ total: 1 });
  });

  it('moves a household to another village of the caller only, with its members', async () => {
    const town = await signInAs(t, 'town_staff', AREAS.townA);
    const household = await open();
    const moved = await town.request('PATCH', `/api/v1/households/${household.id}`, {
      version: household.version,
      areaCode: AREAS.villageA2,
    });
    expect(moved.json()).toMatchObject({ areaCode: AREAS.villageA2, villageCode: AREAS.villageA2 });
    // Now outside the village cadre's area, members included.
    expect((await cadre.request('GET', `/api/v1/households/${household.id}`)).statusCode).toBe(404);
    const member = household.members[1];
    expect((await cadre.request('POST', `/api/v1/residents/${member?.id}/reveal-id`)).statusCode).toBe(404);
    const outside = await town.request('PATCH', `/api/v1/households/${household.id}`, {
      version: (moved.json() as HouseholdOut).version,
      areaCode: AREAS.villageB1,
    });
    expect(outside.json()).toMatchObject({ error: { code: 'AREA_UNKNOWN' } });
  });

  it('adds and changes members, keeping exactly one head', async () => {
    const household = await open();
    const added = await cadre.request('POST', `/api/v1/households/${household.id}/members`, {
      name: '张小宝',
      idNumber: nextIdNumber('2020-06-01', 'male'),
      relation: 'grandchild',
      tags: ['left_behind_child'],
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ memberCount: 4 });
    const secondHead = await cadre.request('POST', `/api/v1/households/${household.id}/members`, {
      name: '另一户主',
      relation: 'head',
    });
    expect(secondHead.json()).toMatchObject({ error: { code: 'HOUSEHOLD_HEAD_INVALID' } });

    const head = household.members[0];
    const demote = await cadre.request('PATCH', `/api/v1/residents/${head?.id}`, {
      version: head?.version,
      relation: 'other',
    });
    expect(demote.json()).toMatchObject({ error: { code: 'HOUSEHOLD_HEAD_INVALID' } });

    // The head dies: the spouse takes over the household.
    const spouse = household.members[1];
    const handed = await cadre.request('POST', `/api/v1/households/${household.id}/change-head`, {
      version: (added.json() as HouseholdOut).version,
      residentId: spouse?.id,
      formerHeadRelation: 'spouse',
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const afterHandover = handed.json() as HouseholdOut;
    expect(afterHandover.headName).toBe('李秀英');
    const formerHead = afterHandover.members.find((m) => m.id === head?.id);
    const deceased = await cadre.request('PATCH', `/api/v1/residents/${head?.id}`, {
      version: formerHead?.version,
      status: 'deceased',
    });
    expect(deceased.json()).toMatchObject({ memberCount: 3, headName: '李秀英' });
  });

  it('refuses an ID number registered to someone else, and accepts a member keeping their own', async () => {
    const first = await open();
    const second = await open();
    const taken = await cadre.request('PATCH', `/api/v1/residents/${second.members[2]?.id}`, {
      version: second.members[2]?.version,
      idNumber: (await t.app.ctx.db
        .selectFrom('residents')
        .select('id_number_cipher')
        .where('id', '=', first.members[2]?.id ?? '')
        .executeTakeFirstOrThrow()
        .then((r) => t.app.ctx.secrets.decrypt(r.id_number_cipher ?? ''))) as string,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'ID_NUMBER_TAKEN' } });
  });
});
