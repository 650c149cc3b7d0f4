import { isBadRating, proxyStatuses } from '@lianxin/common';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function servicesChecks(demo: () => TestDatabase): void {
  describe('the demo district’s resident services', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    it('lists about forty items over most categories, some revised with their first guide kept', async () => {
      const items = await database.db
        .selectFrom('service_items')
        .select(['id', 'category', 'current_version', 'proxy_allowed'])
        .where('active', '=', true)
        .execute();
      expect(items.length).toBeGreaterThanOrEqual(40);
      expect(new Set(items.map((i) => i.category)).size).toBeGreaterThanOrEqual(10);
      expect(items.filter((i) => Boolean(i.proxy_allowed)).length).toBeGreaterThan(20);
      const revised = items.find((i) => i.current_version > 1);
      if (!revised) throw new Error('no revised item in the demo');
      const versions = await database.db
        .selectFrom('service_item_versions')
        .select('version_no')
        .where('item_id', '=', revised.id)
        .execute();
      expect(versions.map((v) => v.version_no).sort()).toEqual(
        Array.from({ length: revised.current_version }, (_, n) => n + 1),
      );
    });

    it('has a centre in every town, each with its profile and a duty roster', async () => {
      const towns = await database.db.selectFrom('areas').select('code').where('kind', '=', 'town').execute();
      const centres = await database.db
        .selectFrom('units')
        .innerJoin('areas', 'areas.code', 'units.area_code')
        .innerJoin('service_centres', 'service_centres.unit_id', 'units.id')
        .select(['units.id', 'units.area_code'])
        .where('units.kind', '=', 'service_station')
        .where('areas.kind', '=', 'town')
        .execute();
      expect(new Set(centres.map((c) => c.area_code))).toEqual(new Set(towns.map((t) => t.code)));
      const rostered = await database.db.selectFrom('service_duties').select('unit_id').distinct().execute();
      for (const centre of centres) expect(rostered.map((r) => r.unit_id)).toContain(centre.id);
    });

    it('holds proxy requests in every status, each with its timeline from the request on', async () => {
      const requests = await database.db.selectFrom('proxy_requests').select(['id', 'status']).execute();
      expect(requests.length).toBeGreaterThanOrEqual(200);
      expect(new Set(requests.map((r) => r.status))).toEqual(new Set(proxyStatuses));
      const withoutTimeline = await database.db
        .selectFrom('proxy_requests')
        .leftJoin('proxy_request_events', 'proxy_request_events.request_id', 'proxy_requests.id')
        .select('proxy_requests.id')
        .where('proxy_request_events.id', 'is', null)
        .execute();
      expect(withoutTimeline).toEqual([]);
    });

    it('rates most delivered requests, and follows up every 差评', async () => {
      const ratings = await database.db
        .selectFrom('service_ratings')
        .select(['id', 'agent_level', 'unit_level'])
        .execute();
      expect(ratings.length).toBeGreaterThan(100);
      const bad = ratings.filter((r) => isBadRating(r.agent_level) || isBadRating(r.unit_level));
      expect(bad.length).toBeGreaterThan(0);
      expect(bad.length / ratings.length).toBeLessThan(0.2);
      const followed = await database.db
        .selectFrom('rating_follow_ups')
        .select(['rating_id', 'status'])
        .execute();
      for (const rating of bad) expect(followed.map((f) => f.rating_id)).toContain(rating.id);
      expect(new Set(followed.map((f) => f.status))).toContain('answered');
    });
  });
}
