import { areasApi, auditApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';

describe('areas', () => {
  let t: World;
  beforeAll(async () => {
    t = await buildWorld();
  });
  afterAll(() => t.close());

  it('lists only the caller’s subtree', async () => {
    const head = await buildUser(t.database, { role: 'town_head', areaCode: AREAS.townA });
    const session = await login(t.app, head.username);
    const response = await session.call(areasApi.list, {});
    expect(response.statusCode).toBe(200);
    const codes = response.data.items.map((a) => a.code);
    expect(codes).toEqual([AREAS.townA, AREAS.villageA1, AREAS.groupA1, AREAS.villageA2]);
  });

  it('answers 404 for an area in a sibling town', async () => {
    const head = await buildUser(t.database, { role: 'town_head', areaCode: AREAS.townA });
    const session = await login(t.app, head.username);
    expect((await session.call(areasApi.get, { params: { code: AREAS.villageA1 } })).statusCode).toBe(200);
    const response = await session.call(areasApi.get, { params: { code: AREAS.villageB1 } });
    expect(response.statusCode).toBe(404);
    expect(response.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a district admin create a village and records it in the audit log', async () => {
    const admin = await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district });
    const session = await login(t.app, admin.username);
    const response = await session.call(areasApi.create, {
      body: {
        code: '610902002002',
        name: '新建村',
        kind: 'village',
        parentCode: AREAS.townB,
        flags: { remote: true },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({
      code: '610902002002',
      flags: { remote: true, extremelyPoor: false },
    });
    const audit = await session.call(auditApi.list, { query: { action: 'area.create' } });
    expect(audit.data).toMatchObject({ total: 1, items: [{ objectId: '610902002002' }] });
  });
});
