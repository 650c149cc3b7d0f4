import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function disclosuresChecks(demo: () => TestDatabase): void {
  describe('the demo district’s village disclosures (村务公开) and major projects', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    it('gives every village a year of disclosures, one of them published late', async () => {
      const villages = await database.db
        .selectFrom('areas')
        .select('code')
        .where('kind', '=', 'village')
        .execute();
      const rows = await database.db
        .selectFrom('disclosures')
        .select(['village_code', 'category', 'on_time'])
        .execute();
      expect(villages.length).toBe(20);
      for (const { code } of villages) {
        const mine = rows.filter((r) => r.village_code === code);
        // 11 or 12 months of finances and 4 or 5 quarters of affairs, by the day the demo is loaded.
        expect(mine.filter((r) => r.category === 'finance').length).toBeGreaterThanOrEqual(10);
        expect(mine.filter((r) => r.category === 'general').length).toBeGreaterThanOrEqual(4);
        expect(mine.filter((r) => !r.on_time).length).toBe(1);
      }
      const schedules = await database.db.selectFrom('disclosure_schedules').select('village_code').execute();
      expect(schedules.length).toBe(20);
    });

    it('has two projects in 关庙镇, one with a late stage and its accountability record', async () => {
      const projects = await database.db
        .selectFrom('projects')
        .select(['id', 'title', 'area_code'])
        .execute();
      expect(projects.length).toBe(2);
      expect(projects.every((p) => p.area_code.startsWith('610902101'))).toBe(true);
      const records = await database.db
        .selectFrom('project_accountabilities')
        .select(['project_id', 'reason'])
        .execute();
      expect(records).toEqual([expect.objectContaining({ reason: 'stage_late' })]);
      const spent = await database.db.selectFrom('project_spendings').select('project_id').execute();
      expect(new Set(spent.map((s) => s.project_id)).size).toBe(2);
    });
  });
}
