import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, createTestDatabase, seedAreas, type TestDatabase } from '../../../../test/harness';
import { UnstorableTextError } from '../../../db/dialect';
import type { HouseholdsTable, ResidentsTable } from '../../../db/schema';
import { newId } from '../../../platform/ids';
import { insertBulk } from './roster.repository';

const now = '2026-11-22T02:00:00.000Z';

function buildHousehold(overrides: Partial<Insertable<HouseholdsTable>> = {}): Insertable<HouseholdsTable> {
  return {
    id: newId(),
    area_code: AREAS.villageA1,
    village_code: AREAS.villageA1,
    number: `B${newId().slice(-6)}`,
    address: '大同村一组 "3" 号\\',
    phone: null,
    head_resident_id: null,
    latitude: 32.684,
    longitude: null,
    status: 'active',
    member_count: 1,
    tier: 'watch',
    tier_source: 'rules',
    tier_rule_version: 1,
    tier_reasons: '[{"kind":"noConditionMet"}]',
    tier_updated_at: now,
    per_capita_income: 12_345_678_901,
    hardship_count: 0,
    search_text: 'b1',
    version: 1,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

function buildResident(householdId: string, overrides: Partial<Insertable<ResidentsTable>> = {}) {
  return {
    id: newId(),
    household_id: householdId,
    area_code: AREAS.villageA1,
    name: '王𠮷',
    id_number_cipher: null,
    id_number_hash: null,
    id_number_masked: null,
    gender: 'female',
    birth_date: '1962-04-10',
    relation: 'head',
    phone: '13900001111',
    party_member: true,
    party_join_year: 1985,
    employment: null,
    education: null,
    disabled: false,
    seriously_ill: true,
    public_roles: '["village_cadre"]',
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
    ...overrides,
  } satisfies Insertable<ResidentsTable>;
}

describe('bulk inserts', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedAreas(database);
  });
  afterAll(() => database.dispose());

  it('stores what a plain insert stores: text, numbers, booleans, dates, instants and nulls', async () => {
    const bulk = buildHousehold();
    const plain = buildHousehold({ id: newId(), number: `P${bulk.number}` });
    await database.db.transaction().execute(async (trx) => {
      await insertBulk(trx, 'households', [bulk]);
      await insertBulk(trx, 'residents', [buildResident(bulk.id)]);
      await trx.insertInto('households').values(plain).execute();
      await trx.insertInto('residents').values(buildResident(plain.id)).execute();
    });
    const households = await database.db
      .selectFrom('households')
      .selectAll()
      .where('id', 'in', [bulk.id, plain.id])
      .orderBy('number')
      .execute();
    const [written, expected] = households;
    expect(written).toEqual({ ...expected, id: bulk.id, number: bulk.number });
    const residents = await database.db
      .selectFrom('residents')
      .selectAll()
      .where('household_id', 'in', [bulk.id, plain.id])
      .orderBy('household_id')
      .execute();
    const [a, b] = residents;
    expect(a).toEqual({ ...b, id: a?.id, household_id: a?.household_id });
  });

  it('writes thousands of rows over several statements', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => buildHousehold({ number: `M${i}` }));
    await insertBulk(database.db, 'households', rows);
    const count = await database.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('number', 'like', 'M%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4_500);
  });

  it('refuses text with a NUL character, as every other write does', async () => {
    await expect(
      insertBulk(database.db, 'households', [buildHousehold({ address: 'a\u0000b' })]),
    ).rejects.toThrow(UnstorableTextError);
    // Text that only spells the escape is stored as it is.
    const spelled = buildHousehold({ address: 'a\\u0000b' });
    await insertBulk(database.db, 'households', [spelled]);
    const stored = await database.db
      .selectFrom('households')
      .select('address')
      .where('id', '=', spelled.id)
      .executeTakeFirstOrThrow();
    expect(stored.address).toBe('a\\u0000b');
  });
});
