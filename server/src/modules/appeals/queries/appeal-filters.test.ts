import { appealsApi, type ContractInput } from '@lianxin/common';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import { appealStates, insertAppeal } from '../../../../test/records.fixtures';
import { buildWorld, type World } from '../../../../test/world';
import type { AppealsTable } from '../../../db/schema';

type Row = Selectable<AppealsTable>;

const RECEIVED = '2026-11-10T02:00:00.000Z';

type ListQuery = NonNullable<ContractInput<typeof appealsApi.list>['query']>;
const flags = ['responded', 'resolved', 'onTime', 'rated', 'satisfied', 'merged'] as const;
type Flag = (typeof flags)[number];

/** The list filtered by one yes/no figure. */
function flagged(name: Flag, value: 'true' | 'false'): ListQuery {
  const query: ListQuery = {};
  query[name] = value;
  return query;
}

// The dashboard's conditions (dashboard.repository.ts), written out again one by one.
const conditions: Record<Flag, (r: Row) => boolean> = {
  responded: (r) => r.accepted_at !== null || r.status === 'returned',
  resolved: (r) => r.resolved_at !== null,
  onTime: (r) => r.resolved_at !== null && r.resolved_at <= r.resolution_due_at,
  rated: (r) => r.rating !== null,
  satisfied: (r) => r.rating === 'satisfied' || r.rating === 'basically_satisfied',
  merged: (r) => r.status === 'merged',
};

describe('appeals list: the filters behind the dashboard’s figures', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  let rows: Row[];

  const list = async (session: Session, query: ListQuery, limit = 200) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const after: { cursor?: string } = cursor ? { cursor } : {};
      const response = await session.call(appealsApi.list, {
        query: { ...query, limit, withTotal: 'true', ...after },
      });
      expect(response.statusCode, response.response.body).toBe(200);
      const page = response.data;
      ids.push(...page.items.map((a) => a.id));
      total ??= page.total;
      cursor = page.nextCursor;
    } while (cursor);
    return { ids: ids.sort(), total };
  };
  const idsOf = (keep: (r: Row) => boolean) =>
    rows
      .filter(keep)
      .map((r) => r.id)
      .sort();

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    for (const village of [AREAS.villageA1, AREAS.villageB1])
      for (const state of appealStates(RECEIVED))
        await insertAppeal(t, village, { received_at: RECEIVED, ...state });
    // Either side of the China calendar days 2026-11-01 and 2026-11-30 (UTC+8).
    for (const received_at of [
      '2026-10-31T15:59:59.999Z',
      '2026-10-31T16:00:00.000Z',
      '2026-11-30T15:59:59.999Z',
      '2026-11-30T16:00:00.000Z',
    ])
      await insertAppeal(t, AREAS.villageA2, { received_at });
    rows = await t.database.db.selectFrom('appeals').selectAll().execute();
  });
  afterAll(() => t.close());

  it('lists the appeals received between two China calendar days, both included', async () => {
    const { ids, total } = await list(admin, { receivedFrom: '2026-11-01', receivedTo: '2026-11-30' });
    const expected = idsOf(
      (r) => r.received_at >= '2026-10-31T16:00:00.000Z' && r.received_at < '2026-11-30T16:00:00.000Z',
    );
    expect(ids).toEqual(expected);
    expect(total).toBe(expected.length);
    expect((await list(admin, { receivedFrom: '2026-12-01' })).ids).toEqual(
      idsOf((r) => r.received_at >= '2026-11-30T16:00:00.000Z'),
    );
    expect((await list(admin, { receivedTo: '2026-10-31' })).ids).toHaveLength(1);
    expect((await list(admin, { receivedFrom: '2026-11-02', receivedTo: '2026-11-01' })).ids).toEqual([]);
  });

  it('selects each yes/no figure and its opposite exactly as the dashboard counts it', async () => {
    for (const name of flags) {
      const holds = conditions[name];
      const yes = await list(admin, flagged(name, 'true'));
      const no = await list(admin, flagged(name, 'false'));
      expect(yes.ids, `${name}=true`).toEqual(idsOf(holds));
      expect(no.ids, `${name}=false`).toEqual(idsOf((r) => !holds(r)));
      expect(yes.total, name).toBe(yes.ids.length);
    }
    // Combined, as the satisfaction rate's numerator is listed.
    expect((await list(admin, { rated: 'true', satisfied: 'false', merged: 'false' })).ids).toEqual(
      idsOf((r) => r.rating === 'unsatisfied'),
    );
  });

  it('selects the level an appeal reached and the level it was resolved at', async () => {
    expect((await list(admin, { reachedLevel: 'town' })).ids).toEqual(
      idsOf((r) => r.max_level === 'town' || r.max_level === 'district'),
    );
    expect((await list(admin, { reachedLevel: 'district' })).ids).toEqual(
      idsOf((r) => r.max_level === 'district'),
    );
    for (const level of ['village', 'town', 'district'] as const)
      expect((await list(admin, { resolvedLevel: level })).ids, level).toEqual(
        idsOf((r) => r.resolved_level === level),
      );
    // A level the filter does not take: sent as it is.
    const bad = await admin.request('GET', '/api/v1/appeals?reachedLevel=village');
    expect(bad.statusCode).toBe(400);
  });

  it('pages through a filtered list with the same cursor, newest first', async () => {
    const query: ListQuery = {
      areaCode: AREAS.townA,
      merged: 'false',
      receivedFrom: '2026-11-01',
      receivedTo: '2026-11-30',
    };
    const paged = await list(admin, query, 3);
    const whole = await list(admin, query);
    expect(paged.ids).toEqual(whole.ids);
    expect(paged.total).toBe(whole.ids.length);
    // Without being asked, the list does not count.
    const plain = await admin.call(appealsApi.list, { query });
    expect(plain.data.total).toBeNull();
  });

  it('keeps a town head’s drill-down to their own town', async () => {
    const own = await list(townHead, {
      receivedFrom: '2026-11-01',
      receivedTo: '2026-11-30',
      merged: 'false',
    });
    expect(own.ids.length).toBeGreaterThan(0);
    const villages = new Map(rows.map((r) => [r.id, r.village_code]));
    for (const id of own.ids) expect(villages.get(id)?.startsWith(AREAS.townA.slice(0, 9))).toBe(true);
    const other = await list(townHead, { areaCode: AREAS.townB, resolved: 'true' });
    expect(other).toEqual({ ids: [], total: 0 });
  });
});
