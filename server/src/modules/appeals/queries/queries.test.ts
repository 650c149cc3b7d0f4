import { appealsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { act, appealsWorld, create } from '../appeals.fixtures';

describe('appeal figures', () => {
  let t: World;
  let cadre: Session;
  let otherTownHead: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ t, cadre, otherTownHead, admin } = await appealsWorld());
    // Figures over something: two appeals, one of them resolved.
    const first = await create(cadre);
    await create(cadre, { title: '路灯不亮' });
    const accepted = (await act(cadre, first, 'accept')).data;
    await act(cadre, accepted, 'resolve', { resolution: '已修复' });
  });
  afterAll(() => t.close());

  it('counts the rates by their definitions; a period without appeals has no data, not 0%', async () => {
    const stats = (await admin.call(appealsApi.getStats, { query: { from: '2026-11-01', to: '2026-12-31' } }))
      .data;
    const rows = await t.database.db
      .selectFrom('appeals')
      .selectAll()
      .where('status', '!=', 'merged')
      .execute();
    const resolved = rows.filter((r) => r.resolved_at !== null);
    expect(stats.received).toBe(rows.length);
    expect(stats.resolutionRate).toMatchObject({ numerator: resolved.length, denominator: rows.length });
    const rated = rows.filter((r) => r.rating !== null);
    expect(stats.satisfactionRate.denominator).toBe(rated.length);
    expect(stats.satisfactionRate.numerator).toBe(rated.filter((r) => r.rating !== 'unsatisfied').length);
    const empty = (await admin.call(appealsApi.getStats, { query: { from: '2020-01-01', to: '2020-01-31' } }))
      .data;
    expect(empty.responseRate.value).toBeNull();
    const town = await otherTownHead.call(appealsApi.getStats, {
      query: { from: '2026-11-01', to: '2026-12-31', areaCode: AREAS.townA },
    });
    expect(town.error).toMatchObject({ code: 'AREA_UNKNOWN' });
  });
  // Last: it moves the clock a day on, past every session.
});
