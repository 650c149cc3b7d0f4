import { monthlyTopicsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../../test/harness';
import { insertAppeal } from '../../../../test/records.fixtures';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { scanWarnings } from '../../warnings';

const HOUR = 3_600_000;

describe('每月一题: the early warning’s clusters proposed as topics', () => {
  let world: World;
  let district: Member;
  const cluster: string[] = [];

  beforeAll(async () => {
    world = await buildWorld();
    district = await world.member('district_staff', AREAS.district);
    // Four appeals of yellow, rusty tap water in one village over two days raise a cluster warning.
    const now = world.clock.now().getTime();
    for (let i = 0; i < 4; i++) {
      cluster.push(
        await insertAppeal(world, AREAS.villageA1, {
          category_code: 'roads_water',
          title: '自来水发黄有铁锈味',
          description: '这几天自来水发黄，有一股铁锈味，烧开了也不敢喝，请查一下管网。',
          received_at: new Date(now - (i + 1) * 10 * HOUR).toISOString(),
        }),
      );
    }
    // An appeal of another category the same days stays out of it.
    await insertAppeal(world, AREAS.villageA1, {
      category_code: 'environment',
      received_at: new Date(now - 5 * HOUR).toISOString(),
    });
  });
  afterAll(() => world.close());

  it('proposes the cluster for the next month with its appeals, and none for a month whose months had none', async () => {
    expect((await scanWarnings(world.database.db, world.clock)).raised).toBeGreaterThan(0);
    // The clock is in November 2026: December's proposals count September to November.
    const next = await district.session.call(monthlyTopicsApi.proposals, { query: { month: '2026-12' } });
    expect(next.statusCode, next.response.body).toBe(200);
    const warned = next.data.items.filter((p) => p.kind === 'warning');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({
      categoryCode: 'roads_water',
      total: 4,
      months: [
        { month: '2026-09', count: 0 },
        { month: '2026-10', count: 0 },
        { month: '2026-11', count: 4 },
      ],
      warning: { appealCount: 4 },
      pickedTopicId: null,
    });
    expect(new Set(warned[0]?.appeals.map((a) => a.id))).toEqual(new Set(cluster));
    const earlier = await district.session.call(monthlyTopicsApi.proposals, { query: { month: '2026-11' } });
    expect(earlier.data.items.filter((p) => p.kind === 'warning')).toEqual([]);
  });
});
