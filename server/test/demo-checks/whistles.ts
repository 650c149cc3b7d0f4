import { beforeAll, describe, expect, it } from 'vitest';
import { listPublicReceptionDays } from '../../src/modules/reception';
import { systemClock } from '../../src/platform/clock';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function whistlesChecks(demo: () => TestDatabase): void {
  describe('the demo district’s whistles and reception days', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    it('has 关庙镇’s whistles in each state, one on an appeal with its timeline', async () => {
      const whistles = await database.db
        .selectFrom('whistles')
        .select(['status', 'appeal_id'])
        .orderBy('raised_at')
        .execute();
      expect(whistles.map((w) => w.status)).toEqual(['closed', 'open', 'open', 'open']);
      const onAppeal = whistles.find((w) => w.appeal_id !== null);
      expect(onAppeal).toBeDefined();
      const events = await database.db
        .selectFrom('appeal_events')
        .select('kind')
        .where('appeal_id', '=', onAppeal?.appeal_id ?? '')
        .where('kind', 'in', ['whistled', 'whistle_reported'])
        .execute();
      expect(events.map((e) => e.kind).sort()).toEqual(['whistle_reported', 'whistled']);
    });

    it('publishes the coming reception days to the residents of a town, with the district’s', async () => {
      const days = await listPublicReceptionDays(database.db, '610902101203', systemClock.now());
      expect(days.map((d) => d.area.code).sort()).toEqual(['610902000000', '610902101000']);
      const linked = await database.db
        .selectFrom('reception_day_appeals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(linked.n)).toBeGreaterThan(0);
    });
  });
}
