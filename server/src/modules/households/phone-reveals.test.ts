import {
  auditApi,
  householdsApi,
  pairingsApi,
  phoneRevealsApi,
  usersApi,
  worklistApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login, type Session } from '../../../test/harness';
import { householdBody } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';

const MASKED = '139****5678';
const FULL = '13912345678';

describe('phone numbers: masked everywhere, revealed per record and audited', () => {
  let t: World;
  let admin: Session;
  let cadre: Session;
  let cadreId: string;
  let siblingCadre: Session;
  let auditor: Session;
  let householdId: string;
  let residentId: string;

  const audits = async (action: string, objectId: string) =>
    (await admin.call(auditApi.list, { query: { action, objectId } })).data.items;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    const c = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '李村干',
    });
    cadreId = c.id;
    cadre = await login(t.app, c.username);
    siblingCadre = (await t.member('village_cadre', AREAS.villageA2)).session;
    auditor = (await t.member('auditor', AREAS.district)).session;
    const created = await admin.call(householdsApi.create, { body: householdBody({ phone: FULL }) });
    expect(created.statusCode, created.response.body).toBe(201);
    householdId = created.data.id;
    residentId = created.data.members.find((m) => m.relation === 'head')?.id ?? '';
    const pairing = await admin.call(pairingsApi.create, {
      body: { householdId, cadreId, startDate: '2026-11-01' },
    });
    expect(pairing.statusCode, pairing.response.body).toBe(201);
    const account = (await admin.call(usersApi.get, { params: { id: cadreId } })).data;
    const phoned = await admin.call(usersApi.update, {
      params: { id: cadreId },
      body: { phone: FULL, version: account.version },
    });
    expect(phoned.statusCode, phoned.response.body).toBe(200);
  });
  afterAll(() => t.close());

  it('masks phones in the households list, the household page and its members, even for full-rights roles', async () => {
    for (const session of [admin, cadre]) {
      const list = await session.call(householdsApi.list, { query: {} });
      const row = list.data.items.find((h) => h.id === householdId);
      expect(row?.phone).toBe(MASKED);
      const page = await session.call(householdsApi.get, { params: { id: householdId } });
      expect(page.data.phone).toBe(MASKED);
      expect(page.data.members.find((m) => m.id === residentId)?.phone).toBe(MASKED);
      expect(page.response.body).not.toContain(FULL);
    }
  });

  it('masks phones on the worklist and on accounts', async () => {
    const worklist = await cadre.call(worklistApi.get, { query: {} });
    expect(worklist.data.items.find((i) => i.householdId === householdId)?.phone).toBe(MASKED);
    const users = await admin.call(usersApi.list, { query: {} });
    expect(users.data.items.find((u) => u.id === cadreId)?.phone).toBe(MASKED);
    expect(users.response.body).not.toContain(FULL);
    expect((await admin.call(usersApi.get, { params: { id: cadreId } })).data.phone).toBe(MASKED);
  });

  it('reveals one household’s, member’s or account’s phone, auditing every reveal and every tap-to-call', async () => {
    const household = await cadre.call(phoneRevealsApi.household, {
      params: { id: householdId },
      body: { purpose: 'call' },
    });
    expect(household.data).toEqual({ phone: FULL });
    await cadre.call(phoneRevealsApi.household, { params: { id: householdId }, body: { purpose: 'call' } });
    const calls = await audits('household.reveal_phone', householdId);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ actorName: '李村干', after: { purpose: 'call' } });

    const resident = await admin.call(phoneRevealsApi.resident, {
      params: { id: residentId },
      body: { purpose: 'view' },
    });
    expect(resident.data).toEqual({ phone: FULL });
    expect(await audits('resident.reveal_phone', residentId)).toHaveLength(1);

    const user = await admin.call(phoneRevealsApi.user, {
      params: { id: cadreId },
      body: { purpose: 'view' },
    });
    expect(user.data).toEqual({ phone: FULL });
    expect(await audits('user.reveal_phone', cadreId)).toHaveLength(1);
  });

  it('refuses a reveal outside the caller’s area (404) and to a role that may not see ID numbers (403)', async () => {
    const outside = await siblingCadre.call(phoneRevealsApi.household, {
      params: { id: householdId },
      body: { purpose: 'view' },
    });
    expect(outside.statusCode).toBe(404);
    const refused = await auditor.call(phoneRevealsApi.resident, {
      params: { id: residentId },
      body: { purpose: 'view' },
    });
    expect(refused.statusCode).toBe(403);
    expect(await audits('resident.reveal_phone', residentId)).toHaveLength(1);
  });
});
