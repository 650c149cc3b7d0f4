import { beforeAll, describe, expect, it } from 'vitest';
import { sweepDispatches } from '../../src/modules/departments/dispatch/dispatch.sweep';
import { systemClock } from '../../src/platform/clock';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function dispatchesChecks(demo: () => TestDatabase): void {
  describe('the demo district’s dispatches', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    const dispatches = () =>
      database.db
        .selectFrom('appeal_dispatches')
        .innerJoin('units', 'units.id', 'appeal_dispatches.unit_id')
        .innerJoin('appeals', 'appeals.id', 'appeal_dispatches.appeal_id')
        .select([
          'units.name',
          'appeal_dispatches.role',
          'appeal_dispatches.status',
          'appeals.title',
          'appeals.status as appealStatus',
          'appeal_dispatches.supervised_at',
        ])
        .orderBy('appeals.title')
        .execute();

    it('has dispatches in every state the departments and the district work with', async () => {
      const rows = await dispatches();
      const leads = rows.filter((r) => r.role === 'lead');
      expect(new Set(leads.map((r) => r.status))).toEqual(
        new Set(['pending', 'accepted', 'returned', 'done']),
      );
      expect(rows.filter((r) => r.role === 'co').map((r) => r.status)).toEqual(['done', 'done']);
      const resolved = leads.find((r) => r.status === 'done');
      expect(resolved?.appealStatus).toBe('resolved');
    });

    it('puts the long-overdue dispatch under supervision on the first sweep, and only that one', async () => {
      const result = await sweepDispatches(database.db, systemClock);
      expect(result.supervised).toBe(1);
      const supervised = (await dispatches()).filter((r) => r.supervised_at !== null);
      expect(supervised.map((r) => r.title)).toEqual(['养老保险转移接续办不下来']);
    });
  });
}
