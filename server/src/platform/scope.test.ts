import type { FastifyRequest } from 'fastify';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness';
import { AppError } from './errors';
import { areaContextOf, type RequestContext } from './request-context';
import { atStation, inOffice, inScope, inUnit, ownedBy, type Scope, scopeFor, scopeOf } from './scope';

interface ProbeTable {
  id: string;
  area_code: string;
  unit_id: string | null;
  station_id: string | null;
  assignee_id: string | null;
  office: string | null;
  owner_id: string | null;
}

type ProbeDb = { scope_probe: ProbeTable };

const DISTRICT = scopeOf({ code: '610902000000', kind: 'district' });

// One row per kind of reach, with a row beside it that the same caller must not reach.
const ROWS: ProbeTable[] = [
  {
    id: 'village-a1',
    area_code: '610902001001',
    unit_id: null,
    station_id: null,
    assignee_id: null,
    office: null,
    owner_id: null,
  },
  {
    id: 'group-a1',
    area_code: '610902001001001',
    unit_id: null,
    station_id: null,
    assignee_id: null,
    office: null,
    owner_id: null,
  },
  {
    id: 'village-b1',
    area_code: '610902002001',
    unit_id: null,
    station_id: null,
    assignee_id: null,
    office: null,
    owner_id: null,
  },
  {
    id: 'unit-health',
    area_code: '610902000000',
    unit_id: 'health',
    station_id: null,
    assignee_id: null,
    office: null,
    owner_id: null,
  },
  {
    id: 'unit-labour',
    area_code: '610902000000',
    unit_id: 'labour',
    station_id: null,
    assignee_id: null,
    office: null,
    owner_id: null,
  },
  {
    id: 'station-own',
    area_code: '610902001001',
    unit_id: null,
    station_id: 's1',
    assignee_id: 'agent-2',
    office: null,
    owner_id: null,
  },
  {
    id: 'station-assigned',
    area_code: '610902001002',
    unit_id: null,
    station_id: 's2',
    assignee_id: 'agent-1',
    office: null,
    owner_id: null,
  },
  {
    id: 'station-other',
    area_code: '610902001002',
    unit_id: null,
    station_id: 's2',
    assignee_id: 'agent-2',
    office: null,
    owner_id: null,
  },
  {
    id: 'office-cppcc',
    area_code: '610902000000',
    unit_id: null,
    station_id: null,
    assignee_id: null,
    office: 'cppcc',
    owner_id: 'member-2',
  },
  {
    id: 'owned',
    area_code: '610902001001',
    unit_id: null,
    station_id: null,
    assignee_id: null,
    office: null,
    owner_id: 'member-1',
  },
];

describe('scope: one helper per kind of reach, applied in SQL', () => {
  let database: TestDatabase;
  let db: Kysely<ProbeDb>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db as unknown as Kysely<ProbeDb>;
    await db.schema
      .createTable('scope_probe')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('station_id', 'text')
      .addColumn('assignee_id', 'text')
      .addColumn('office', 'text')
      .addColumn('owner_id', 'text')
      .execute();
    await db.insertInto('scope_probe').values(ROWS).execute();
  });
  afterAll(() => database.dispose());

  const ids = async (where: (eb: ExpressionBuilder<ProbeDb, 'scope_probe'>) => Expression<SqlBool>) =>
    (await db.selectFrom('scope_probe').select('id').where(where).orderBy('id').execute()).map((r) => r.id);

  it('an area reaches its subtree and nothing beside it', async () => {
    const town = scopeOf({ code: '610902001000', kind: 'town' });
    expect(await ids((eb) => inScope(eb, 'area_code', town))).toEqual([
      'group-a1',
      'owned',
      'station-assigned',
      'station-other',
      'station-own',
      'village-a1',
    ]);
    const village = scopeOf({ code: '610902001001', kind: 'village' });
    expect(await ids((eb) => inScope(eb, 'area_code', village))).toEqual([
      'group-a1',
      'owned',
      'station-own',
      'village-a1',
    ]);
  });

  it('a unit reaches what was dispatched to it, not another unit’s', async () => {
    expect(
      await ids((eb) => inUnit(eb, 'unit_id', { reach: 'unit', unitId: 'health', area: DISTRICT })),
    ).toEqual(['unit-health']);
  });

  it('a station agent reaches what is at their station or assigned to them', async () => {
    const agent = { reach: 'station', stationId: 's1', userId: 'agent-1', area: DISTRICT } as const;
    expect(
      await ids((eb) => atStation(eb, { station: 'station_id', assignee: 'assignee_id' }, agent)),
    ).toEqual(['station-assigned', 'station-own']);
  });

  it('an office reaches its own records; a member only their own', async () => {
    expect(
      await ids((eb) => inOffice(eb, 'office', { reach: 'office', office: 'cppcc', area: DISTRICT })),
    ).toEqual(['office-cppcc']);
    expect(
      await ids((eb) => ownedBy(eb, 'owner_id', { reach: 'own', userId: 'member-1', area: DISTRICT })),
    ).toEqual(['owned']);
  });

  it('the last district of the code space has no upper bound and still matches', async () => {
    await db
      .insertInto('scope_probe')
      .values({ ...ROWS[0], id: 'top', area_code: '999999001001' } as ProbeTable)
      .execute();
    const top = scopeOf({ code: '999999000000', kind: 'district' });
    expect(await ids((eb) => inScope(eb, 'area_code', top))).toEqual(['top']);
  });
});

describe('scope of a caller', () => {
  it('an area role reaches its area subtree', () => {
    const scope = scopeFor({
      id: 'u1',
      role: 'village_cadre',
      areaCode: '610902001001',
      areaKind: 'village',
      unitId: null,
    });
    expect(scope).toEqual({
      reach: 'area',
      areaCode: '610902001001',
      kind: 'village',
      prefix: '610902001001',
    });
  });

  it('a unit’s staff reach their unit, an agent their station, a member their own records', () => {
    const seat = { areaCode: '610902000000', areaKind: 'district' as const };
    expect(scopeFor({ id: 'd1', role: 'department_staff', ...seat, unitId: 'health' })).toEqual({
      reach: 'unit',
      unitId: 'health',
      area: DISTRICT,
    });
    expect(
      scopeFor({
        id: 'a1',
        role: 'service_agent',
        areaCode: '610902001001',
        areaKind: 'village',
        unitId: 's1',
      }),
    ).toMatchObject({ reach: 'station', stationId: 's1', userId: 'a1', area: { areaCode: '610902001001' } });
    expect(scopeFor({ id: 'o1', role: 'cppcc_office', ...seat, unitId: 'cppcc' })).toMatchObject({
      reach: 'office',
      office: 'cppcc',
    });
    expect(scopeFor({ id: 'm1', role: 'cppcc_member', ...seat, unitId: null })).toEqual({
      reach: 'own',
      userId: 'm1',
      area: DISTRICT,
    });
    // A unit's role without a unit reaches nothing: refused.
    expect(() => scopeFor({ id: 'd2', role: 'department_head', ...seat, unitId: null })).toThrow(AppError);
  });

  it('a route working on area records refuses a caller whose reach is not an area', () => {
    const context = (scope: Scope) => ({ context: { scope } as RequestContext }) as unknown as FastifyRequest;
    expect(areaContextOf(context(scopeOf({ code: '610902000000', kind: 'district' }))).scope.reach).toBe(
      'area',
    );
    for (const scope of [
      { reach: 'unit', unitId: 'health', area: DISTRICT },
      { reach: 'station', stationId: 's1', userId: 'a', area: DISTRICT },
      { reach: 'office', office: 'cppcc', area: DISTRICT },
      { reach: 'own', userId: 'm', area: DISTRICT },
    ] as const) {
      expect(() => areaContextOf(context(scope))).toThrow(AppError);
    }
  });
});
