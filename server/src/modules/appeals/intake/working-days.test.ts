import { appealCategoriesApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../../test/world';
import { create } from '../appeals.fixtures';

describe('a category counting its deadline in working days', () => {
  let world: World;
  const category = (code: string, deadlineUnit: 'calendar_days' | 'working_days') => ({
    code,
    nameZh: code,
    nameEn: code,
    defaultLevel: 'village' as const,
    resolutionDays: 5,
    deadlineUnit,
  });

  beforeAll(async () => {
    world = await buildWorld();
    for (const body of [category('aid_working', 'working_days'), category('aid_calendar', 'calendar_days')]) {
      const created = await world.admin.session.call(appealCategoriesApi.create, { body });
      expect(created.statusCode, created.response.body).toBe(201);
      expect(created.data.deadlineUnit).toBe(body.deadlineUnit);
    }
    // Tuesday 29 September 2026, 10:00 China time: National Day's week off is two days away.
    world.clock.advance(Date.parse('2026-09-29T02:00:00.000Z') - world.clock.now().getTime());
  });
  afterAll(() => world.close());

  it('skips the National Day holiday, counts its make-up Saturday and ends at 24:00 of the fifth working day', async () => {
    // 9/30 (1), 10/8 (2), 10/9 (3), Saturday 10/10 worked (4), Monday 10/12 (5).
    const appeal = await create(world.admin.session, { categoryCode: 'aid_working' });
    expect(appeal.resolutionDueAt).toBe('2026-10-12T16:00:00.000Z');
  });

  it('keeps calendar days for every other category', async () => {
    const appeal = await create(world.admin.session, { categoryCode: 'aid_calendar' });
    expect(appeal.resolutionDueAt).toBe('2026-10-04T02:00:00.000Z');
  });

  it('an urgent matter keeps the urgent deadline', async () => {
    const appeal = await create(world.admin.session, { categoryCode: 'aid_working', urgency: 'urgent' });
    expect(Date.parse(appeal.resolutionDueAt)).toBeLessThan(Date.parse('2026-10-01T00:00:00.000Z'));
  });
});
