import { appealsApi, dispatchApi } from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit } from '../../../../test/harness';
import { readPdf } from '../../../../test/pdf-text';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { dispatchedTo } from './dispatch.fixtures';

async function sheet(body: Buffer, name: string): Promise<unknown[][] | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const found = workbook.getWorksheet(name);
  if (!found) return undefined;
  const rows: unknown[][] = [];
  found.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('the departments ranked in the monthly bulletin', () => {
  let world: World;
  let health: Member;
  let water: Member;

  const dispatched = (title: string, unitId: string) => dispatchedTo(world.admin.session, title, unitId);

  beforeAll(async () => {
    world = await buildWorld();
    const department = (name: string) =>
      buildUnit(world.database, { kind: 'department', areaCode: AREAS.district, name });
    health = await world.member('department_staff', AREAS.district, { unitId: await department('区卫健局') });
    water = await world.member('department_staff', AREAS.district, { unitId: await department('区水利局') });

    // 卫健局 accepts and resolves its dispatch; 水利局 leaves its own waiting.
    const { appeal, lead } = await dispatched('村卫生室缺医生', health.unitId ?? '');
    const accepted = await health.session.call(dispatchApi.accept, {
      params: { id: lead.id },
      body: { version: lead.version },
    });
    expect(accepted.statusCode, accepted.response.body).toBe(200);
    const current = (await health.session.call(appealsApi.get, { params: { id: appeal.id } })).data;
    const resolved = await health.session.call(dispatchApi.act, {
      params: { id: lead.id },
      body: { action: 'resolve', resolution: '已从镇卫生院派驻医生每周坐诊三天', version: current.version },
    });
    expect(resolved.statusCode, resolved.response.body).toBe(200);
    await dispatched('河堤护栏损坏', water.unitId ?? '');
  });
  afterAll(() => world.close());

  const bulletin = (month: string, query: string) =>
    world.admin.session.request('GET', `/api/v1/bulletins/${month}?${query}`);

  it("ranks the month's departments by their rates, with returns, overdue and whistles", async () => {
    const response = await bulletin('2026-11', 'format=xlsx');
    expect(response.statusCode, response.body).toBe(200);
    const rows = (await sheet(response.rawPayload, '区直部门排名')) ?? [];
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(rows[header]?.slice(0, 7)).toEqual([
      '名次',
      '部门',
      '派单',
      '响应率',
      '解决率',
      '按期率',
      '满意率',
    ]);
    // 卫健局 responded and resolved on time; 水利局 has not answered within its return window yet.
    expect(rows[header + 1]?.slice(0, 6)).toEqual(['1', '区卫健局', '1', '100%', '100%', '100%']);
    expect(rows[header + 2]?.slice(0, 6)).toEqual(['2', '区水利局', '1', '0%', '0%', '—']);
    const pdf = await bulletin('2026-11', 'format=pdf');
    expect(readPdf(pdf.rawPayload).lines).toContain('区直部门排名');
  });

  it('leaves the ranking out of a month without dispatches', async () => {
    const earlier = await bulletin('2026-10', 'format=xlsx');
    expect(earlier.statusCode).toBe(200);
    expect(await sheet(earlier.rawPayload, '区直部门排名')).toBeUndefined();
  });
});
