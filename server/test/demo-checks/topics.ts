import { chinaDate, defaultLocale, shiftMonth } from '@lianxin/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTopic } from '../../src/modules/departments';
import { systemClock } from '../../src/platform/clock';
import { scopeOf } from '../../src/platform/scope';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function topicsChecks(demo: () => TestDatabase): void {
  describe('the demo district’s monthly topics (每月一题)', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    const month = chinaDate(systemClock.now()).slice(0, 7);
    const ctx = {
      scope: scopeOf({ code: '610902000000', kind: 'district' }),
      clock: systemClock,
      locale: defaultLocale,
    };

    it('has two past months’ topics with measures and their before and after, and one of this month', async () => {
      const rows = await database.db
        .selectFrom('monthly_topics')
        .select(['id', 'month', 'status'])
        .orderBy('month')
        .execute();
      expect(rows.map((r) => [r.month, r.status])).toEqual([
        [shiftMonth(month, -3), 'done'],
        [shiftMonth(month, -2), 'open'],
        [month, 'open'],
      ]);
      const [roads, waste, wages] = await Promise.all(rows.map((r) => getTopic(database.db, ctx, r.id)));
      // 8, 9 and 10 appeals of 道路水利 in 新城街道 in the three months before: nine a month.
      expect(roads?.outcome.beforeAverage).toBe(9);
      expect(roads?.outcome.afterAverage).not.toBeNull();
      expect(roads?.outcome.goalMet).not.toBeNull();
      expect(roads?.measures.every((m) => m.done)).toBe(true);
      expect(roads?.outcomeNote).toBeTruthy();
      expect(waste?.outcome.beforeAverage).toBe(7);
      expect(waste?.outcome.afterAverage).not.toBeNull();
      expect(waste?.measures.map((m) => m.done)).toEqual([true, true, false]);
      expect(wages?.outcome.afterAverage).toBeNull();
      for (const topic of [roads, waste, wages]) expect(topic?.appeals.length).toBeGreaterThan(0);
    });
  });
}
