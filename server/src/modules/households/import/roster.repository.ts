import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type {
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  ResidentsTable,
  ResidentTagsTable,
} from '../../../db/schema';
import { chunks } from '../../../platform/collections';
import { type AreaScope, inScope } from '../../../platform/scope';

const CHUNK = 400;

/** The villages and groups of the importer's area, and every tag, to resolve what the file names. */
export async function areasForImport(db: Db, scope: AreaScope) {
  const [areas, tags] = await Promise.all([
    db
      .selectFrom('areas')
      .select(['code', 'name', 'kind', 'parent_code'])
      .where('kind', 'in', ['village', 'group'])
      .where((eb) => inScope(eb, 'areas.code', scope))
      .execute(),
    db.selectFrom('tag_definitions').select(['code', 'name', 'applies_to']).execute(),
  ]);
  const groups = new Map<string, { code: string; name: string }[]>();
  for (const a of areas) {
    if (a.kind !== 'group' || !a.parent_code) continue;
    groups.set(a.parent_code, [...(groups.get(a.parent_code) ?? []), { code: a.code, name: a.name }]);
  }
  return { villages: areas.filter((a) => a.kind === 'village'), groups, tags };
}

export async function existingHouseholds(db: Db, scope: AreaScope, villageCodes: string[]) {
  const out = [];
  for (const part of chunks(villageCodes, CHUNK)) {
    const rows = await db
      .selectFrom('households')
      .select(['id', 'village_code', 'number', 'area_code', 'address', 'phone', 'version'])
      .where('village_code', 'in', part)
      .where((eb) => inScope(eb, 'households.area_code', scope))
      .execute();
    const tags = await householdTagsOf(
      db,
      rows.map((r) => r.id),
    );
    out.push(...rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] })));
  }
  return out;
}

async function householdTagsOf(db: Db, ids: string[]) {
  const tags = new Map<string, string[]>();
  for (const part of chunks(ids, CHUNK)) {
    const rows = await db
      .selectFrom('household_tags')
      .select(['household_id', 'tag_code'])
      .where('household_id', 'in', part)
      .execute();
    for (const r of rows) tags.set(r.household_id, [...(tags.get(r.household_id) ?? []), r.tag_code]);
  }
  return tags;
}

export async function existingResidents(db: Db, householdIds: string[]) {
  const out = [];
  for (const part of chunks(householdIds, CHUNK)) {
    const rows = await db
      .selectFrom('residents')
      .select([
        'id',
        'household_id',
        'name',
        'id_number_hash',
        'relation',
        'phone',
        'party_member',
        'party_join_year',
        'employment',
        'education',
        'disabled',
        'seriously_ill',
        'public_roles',
        'status',
        'version',
      ])
      .where('household_id', 'in', part)
      .execute();
    const tagRows = await db
      .selectFrom('resident_tags')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select(['resident_tags.resident_id', 'resident_tags.tag_code'])
      .where('residents.household_id', 'in', part)
      .execute();
    const tags = new Map<string, string[]>();
    for (const t of tagRows) tags.set(t.resident_id, [...(tags.get(t.resident_id) ?? []), t.tag_code]);
    out.push(...rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] })));
  }
  return out;
}

/** Where each ID number of the file is registered already, anywhere in the district. */
export async function idNumberOwners(db: Db, hashes: string[]) {
  const owners = new Map<string, { household_id: string; number: string; area_name: string; name: string }>();
  for (const part of chunks(hashes, CHUNK)) {
    const rows = await db
      .selectFrom('residents')
      .innerJoin('households', 'households.id', 'residents.household_id')
      .innerJoin('areas', 'areas.code', 'households.area_code')
      .select([
        'residents.id_number_hash',
        'residents.household_id',
        'residents.name',
        'households.number',
        'areas.name as area_name',
      ])
      .where('residents.id_number_hash', 'in', part)
      .execute();
    for (const r of rows) if (r.id_number_hash) owners.set(r.id_number_hash, r);
  }
  return owners;
}

/** Indicators of the given households, keyed `householdId|year`. */
export async function existingIndicators(db: Db, householdIds: string[]) {
  const out = new Map<
    string,
    { total_income: number; debt: number; main_income_source: string | null; hardships: string }
  >();
  for (const part of chunks(householdIds, CHUNK)) {
    const rows = await db
      .selectFrom('household_indicators')
      .select(['household_id', 'year', 'total_income', 'debt', 'main_income_source', 'hardships'])
      .where('household_id', 'in', part)
      .execute();
    for (const r of rows) out.set(`${r.household_id}|${r.year}`, r);
  }
  return out;
}

/** Bulk inserts for a roster's new households, a few hundred rows per statement. */
export async function insertMany(
  db: Db,
  rows: {
    households: Insertable<HouseholdsTable>[];
    residents: Insertable<ResidentsTable>[];
    householdTags: Insertable<HouseholdTagsTable>[];
    residentTags: Insertable<ResidentTagsTable>[];
    indicators: Insertable<HouseholdIndicatorsTable>[];
  },
): Promise<void> {
  for (const part of chunks(rows.households, 200)) await db.insertInto('households').values(part).execute();
  for (const part of chunks(rows.residents, 200)) await db.insertInto('residents').values(part).execute();
  for (const part of chunks(rows.householdTags, CHUNK))
    await db.insertInto('household_tags').values(part).execute();
  for (const part of chunks(rows.residentTags, CHUNK))
    await db.insertInto('resident_tags').values(part).execute();
  for (const part of chunks(rows.indicators, CHUNK))
    await db.insertInto('household_indicators').values(part).execute();
}

/** Everything an export writes about a page of households. */
export async function exportDetails(db: Db, householdIds: string[]) {
  if (householdIds.length === 0) {
    return { residents: [], residentTags: [], householdTags: [], indicators: [] };
  }
  const [residents, residentTags, householdTags, indicators] = await Promise.all([
    db
      .selectFrom('residents')
      .selectAll()
      .where('household_id', 'in', householdIds)
      .orderBy('household_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('resident_tags')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select(['resident_tags.resident_id', 'resident_tags.tag_code'])
      .where('residents.household_id', 'in', householdIds)
      .execute(),
    db
      .selectFrom('household_tags')
      .select(['household_id', 'tag_code'])
      .where('household_id', 'in', householdIds)
      .execute(),
    db
      .selectFrom('household_indicators')
      .selectAll()
      .where('household_id', 'in', householdIds)
      .orderBy('household_id')
      .orderBy('year', 'desc')
      .execute(),
  ]);
  return { residents, residentTags, householdTags, indicators };
}

export async function areaNames(db: Db, scope: AreaScope) {
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where((eb) => inScope(eb, 'areas.code', scope))
    .where('kind', 'in', ['village', 'group'])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function tagNames(db: Db) {
  const rows = await db.selectFrom('tag_definitions').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
