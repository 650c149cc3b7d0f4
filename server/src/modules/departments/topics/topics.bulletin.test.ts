import { monthlyTopicsApi } from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../../test/harness';
import { readPdf } from '../../../../test/pdf-text';
import { insertAppeal } from '../../../../test/records.fixtures';
import { buildWorld, type Member, type World } from '../../../../test/world';

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

describe('每月一题 in the monthly bulletin', () => {
  let world: World;
  let district: Member;
  let lead: Member;

  beforeAll(async () => {
    world = await buildWorld();
    district = await world.member('district_staff', AREAS.district);
    lead = await world.member('department_staff', AREAS.district, { name: '水利局小陈' });
    // 环境卫生 in town A: 4 in August, 2 in September; the topic is October's.
    for (const day of ['05', '06', '07', '08']) {
      await insertAppeal(world, AREAS.villageA1, {
        category_code: 'environment',
        received_at: `2026-08-${day}T02:00:00.000Z`,
      });
    }
    for (const day of ['05', '06']) {
      await insertAppeal(world, AREAS.villageA2, {
        category_code: 'environment',
        received_at: `2026-09-${day}T02:00:00.000Z`,
      });
    }
    const picked = await district.session.call(monthlyTopicsApi.create, {
      body: {
        month: '2026-10',
        areaCode: AREAS.townA,
        categoryCode: 'environment',
        title: '甲镇垃圾清运治理',
        leadUnitId: lead.unitId ?? '',
        goalPercent: 25,
        measures: [{ text: '增设垃圾收集点', unitId: lead.unitId ?? '', dueDate: '2026-10-31' }],
      },
    });
    expect(picked.statusCode, picked.response.body).toBe(201);
  });
  afterAll(() => world.close());

  const bulletin = (session: Member['session'], month: string, query: string) =>
    session.request('GET', `/api/v1/bulletins/${month}?${query}`);

  it('lists the topics of the month and the two before it, with lead, goal, measures and the counts before', async () => {
    const response = await bulletin(district.session, '2026-11', 'format=xlsx');
    expect(response.statusCode, response.body).toBe(200);
    const rows = (await sheet(response.rawPayload, '每月一题')) ?? [];
    const header = rows.findIndex((r) => r[0] === '月份');
    expect(rows[header]).toEqual([
      '月份',
      '题目',
      '区域',
      '类别',
      '牵头单位',
      '目标',
      '措施完成',
      '前期月均',
      '后续月均',
      '变化',
      '状态',
    ]);
    // July 0, August 4, September 2: two a month before; November is still running, so no "after".
    expect(rows[header + 1]).toEqual([
      '2026-10',
      '甲镇垃圾清运治理',
      expect.any(String),
      '环境卫生',
      expect.any(String),
      '降 25%',
      '0/1',
      '2',
      '—',
      '—',
      '治理中 · 待观察',
    ]);
    const pdf = await bulletin(district.session, '2026-11', 'format=pdf');
    expect(readPdf(pdf.rawPayload).lines).toContain('每月一题');
  });

  it('leaves the section out of a bulletin whose area or months had no topic', async () => {
    const other = await bulletin(district.session, '2026-11', `format=xlsx&areaCode=${AREAS.townB}`);
    expect(await sheet(other.rawPayload, '每月一题')).toBeUndefined();
    const earlier = await bulletin(district.session, '2026-09', 'format=xlsx');
    expect(await sheet(earlier.rawPayload, '每月一题')).toBeUndefined();
  });
});
