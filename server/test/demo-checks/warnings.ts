import { beforeAll, describe, expect, it } from 'vitest';
import { scanWarnings } from '../../src/modules/warnings';
import { systemClock } from '../../src/platform/clock';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function warningsChecks(demo: () => TestDatabase): void {
  describe('the demo district’s early warnings', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    it('flags the safety-word appeal urgent as it is loaded', async () => {
      const safety = await database.db
        .selectFrom('warnings')
        .innerJoin('warning_appeals', 'warning_appeals.warning_id', 'warnings.id')
        .innerJoin('appeals', 'appeals.id', 'warning_appeals.appeal_id')
        .select(['appeals.urgency', 'warnings.words'])
        .where('warnings.kind', '=', 'safety')
        .execute();
      expect(safety).toHaveLength(1);
      expect(safety[0]?.urgency).toBe('urgent');
    });

    it('raises one cluster warning on the first scan and nothing on the next', async () => {
      expect(await scanWarnings(database.db, systemClock)).toEqual({ raised: 1, updated: 0 });
      const raised = await database.db.selectFrom('warnings').select(['kind', 'appeal_count']).execute();
      expect(raised.filter((w) => w.kind !== 'safety')).toEqual([{ kind: 'cluster', appeal_count: 4 }]);
      expect(await scanWarnings(database.db, systemClock)).toEqual({ raised: 0, updated: 0 });
    });
  });
}
