import {
  auditApi,
  HouseholdImport,
  householdImportsApi,
  householdsApi,
  idNumberChecksApi,
  pathOf,
  residentsApi,
  todosApi,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { buildHousehold, householdBody, nextIdNumber } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';
import { LOOKUP_LIMIT_SETTING } from './id-number-lookups.service';

const ELSEWHERE = '已在其他地区登记，请联系镇（街道）核实';

// Finding 1 of the outside test: a number registered in another town named its household and
// head to any cadre, one by one through the forms and in bulk through the roster import.
describe('ID numbers registered outside the caller’s area', () => {
  let t: World;
  let cadreA1: Session;
  /** Numbers registered in town A, to a household numbered 2010009 whose head is 和文鹏. */
  const registered: string[] = [];

  const cadreIn = async (area: string) => (await t.member('village_cadre', area)).session;
  const setLimit = (limit: number) =>
    t.database.db
      .insertInto('settings')
      .values({
        key: LOOKUP_LIMIT_SETTING,
        value: JSON.stringify(limit),
        updated_at: '2026-01-01',
        updated_by: null,
      })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(limit) }))
      .execute();
  const createWith = (session: Session, idNumber: string) =>
    session.call(householdsApi.create, {
      body: householdBody({
        areaCode: AREAS.villageB1,
        members: [{ name: '试探', idNumber, relation: 'head' }],
      }),
    });
  const roster = async (numbers: string[]) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['户号', '姓名', '身份证号', '与户主关系']);
    numbers.forEach((n, i) => {
      sheet.addRow([`Q${i}`, `试探${i}`, n, '户主']);
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const upload = async (session: Session, file: Buffer) => {
    const response = await session.request(
      'POST',
      `/api/v1${pathOf(householdImportsApi.upload)}?fileName=${encodeURIComponent('台账.xlsx')}`,
      file,
      { 'content-type': 'application/octet-stream' },
    );
    expect(response.statusCode, response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    const id = HouseholdImport.parse(response.json()).id;
    return (await session.call(householdImportsApi.get, { params: { id } })).data;
  };
  const lookupsOf = async (username: string) =>
    t.database.db
      .selectFrom('id_number_lookups')
      .innerJoin('users', 'users.id', 'id_number_lookups.user_id')
      .select(['id_number_lookups.source', 'id_number_lookups.hits'])
      .where('users.username', '=', username)
      .execute();

  beforeAll(async () => {
    t = await buildWorld();
    cadreA1 = (await t.member('village_cadre', AREAS.villageA1)).session;
    const household = await buildHousehold(cadreA1, { number: '2010009' });
    expect(household.number).toBe('2010009');
    for (let i = 0; i < 3; i++) registered.push(nextIdNumber(`198${i}-02-03`));
    await cadreA1.call(householdsApi.update, {
      params: { id: household.id },
      body: { address: '关庙镇大同村一组', version: household.version },
    });
    const head = household.members[0];
    await cadreA1.call(residentsApi.update, {
      params: { id: head?.id ?? '' },
      body: { name: '和文鹏', idNumber: registered[0] ?? '', version: head?.version ?? 1 },
    });
    for (const n of registered.slice(1)) {
      const added = await cadreA1.call(householdsApi.addMember, {
        params: { id: household.id },
        body: { name: '和家人', idNumber: n, relation: 'child' },
      });
      expect(added.statusCode, added.response.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('answers a form in another town without the household or its head, and audits the number’s keyed hash', async () => {
    const cadreB1 = await cadreIn(AREAS.villageB1);
    const number = registered[0] ?? '';
    const created = await createWith(cadreB1, number);
    expect(created.statusCode).toBe(409);
    expect(created.error).toMatchObject({ code: 'ID_NUMBER_ELSEWHERE', message: ELSEWHERE });
    expect(created.response.body).not.toMatch(/2010009|和文鹏|大同村|一组/);

    // The same through adding a member and changing a member's number.
    const own = await buildHousehold(cadreB1, { areaCode: AREAS.villageB1 });
    const member = await cadreB1.call(householdsApi.addMember, {
      params: { id: own.id },
      body: { name: '试探', idNumber: number, relation: 'child' },
    });
    expect(member.error).toMatchObject({ code: 'ID_NUMBER_ELSEWHERE', message: ELSEWHERE });
    const head = own.members[0];
    const changed = await cadreB1.call(residentsApi.update, {
      params: { id: head?.id ?? '' },
      body: { idNumber: number, version: head?.version ?? 1 },
    });
    expect(changed.error).toMatchObject({ code: 'ID_NUMBER_ELSEWHERE', message: ELSEWHERE });
    expect(changed.response.body).not.toMatch(/2010009|和文鹏/);

    // Each answer audited with the keyed hash, never the number.
    const auditor = (await t.member('auditor', AREAS.district)).session;
    const audit = await auditor.call(auditApi.list, { query: { action: 'resident.id_number_elsewhere' } });
    expect(audit.data.total).toBe(3);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['object_id', 'after_json'])
      .where('action', '=', 'resident.id_number_elsewhere')
      .execute();
    for (const row of rows) {
      expect(row.object_id).toBe(t.app.ctx.secrets.lookupHash(number));
      expect(JSON.stringify(row)).not.toContain(number.slice(6, 14));
    }
    // Inside the caller's own area the answer still says where, to a role that may know.
    const again = await cadreA1.call(householdsApi.create, {
      body: householdBody({ members: [{ name: '和文鹏', idNumber: number, relation: 'head' }] }),
    });
    expect(again.error).toMatchObject({
      code: 'ID_NUMBER_TAKEN',
      message: expect.stringContaining('2010009'),
    });
  });

  it('past the daily limit says only 需核实, opens a case for the caller’s town and alerts the district admin', async () => {
    await setLimit(2);
    const prober = await t.member('village_cadre', AREAS.villageB1, { name: '试探者' });
    const number = registered[1] ?? '';
    for (let i = 0; i < 2; i++) {
      expect((await createWith(prober.session, number)).error.code).toBe('ID_NUMBER_ELSEWHERE');
    }
    const third = await createWith(prober.session, number);
    expect(third.statusCode).toBe(409);
    expect(third.error.code).toBe('ID_NUMBER_UNVERIFIED');
    expect(third.error.message).toMatch(/^需核实/);
    expect(third.error.message).not.toContain('登记');

    const headB = (await t.member('town_head', AREAS.townB)).session;
    const cases = (await headB.call(idNumberChecksApi.list, {})).data.items;
    expect(cases).toEqual([
      expect.objectContaining({ areaCode: AREAS.villageB1, username: prober.username, source: 'request' }),
    ]);
    const todos = (await headB.call(todosApi.list, {})).data;
    expect(todos).toContainEqual(expect.objectContaining({ key: 'households.idNumberChecks', count: 1 }));
    // Town A's head has nothing to verify: the case belongs to the caller's town.
    const headA = (await t.member('town_head', AREAS.townA)).session;
    expect((await headA.call(idNumberChecksApi.list, {})).data.items).toEqual([]);
    const alerts = await t.database.db
      .selectFrom('notifications')
      .select(['area_code', 'message'])
      .where('kind', '=', 'idnumber.check')
      .execute();
    expect(alerts).toEqual([
      { area_code: AREAS.district, message: expect.stringContaining(prober.username) },
    ]);

    const closed = await headB.call(idNumberChecksApi.close, { params: { id: cases[0]?.id ?? '' } });
    expect(closed.statusCode).toBe(204);
    expect((await headB.call(idNumberChecksApi.list, {})).data.items).toEqual([]);
    await setLimit(20);
  });

  it('counts a roster file as one look-up, names no household, and past the limit answers 需核实 for the file', async () => {
    await setLimit(1);
    const prober = await t.member('village_cadre', AREAS.villageB1);
    const file = await roster(registered);
    const first = await upload(prober.session, file);
    expect(first.status).toBe('invalid');
    expect(first.errors).toEqual([2, 3, 4].map((row) => ({ row, column: '身份证号', message: ELSEWHERE })));
    expect(JSON.stringify(first)).not.toMatch(/2010009|和文鹏|和家人/);
    // Checked again (a new mapping, the commit's re-check): still the one look-up.
    const relaid = await prober.session.call(householdImportsApi.layout, {
      params: { id: first.id },
      body: { mapping: { 姓名: 'name' } },
    });
    expect(relaid.statusCode, relaid.response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    expect(await lookupsOf(prober.username)).toEqual([{ source: `import:${first.id}`, hits: 3 }]);

    // A second file is a second look-up: past the limit of one, its numbers say nothing of registration.
    const second = await upload(prober.session, file);
    expect(second.errors.map((e) => e.message)).toEqual(
      Array(3).fill('需核实：请联系镇（街道）核实该身份证号'),
    );
    const headB = (await t.member('town_head', AREAS.townB)).session;
    expect((await headB.call(idNumberChecksApi.list, {})).data.items).toContainEqual(
      expect.objectContaining({ source: 'import', numbers: 3, username: prober.username }),
    );
    await setLimit(20);
  });
});
