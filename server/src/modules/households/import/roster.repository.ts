import { type Insertable, type RawBuilder, sql } from 'kysely';
import { type Db, engineOf, UnstorableTextError } from '../../../db/dialect';
import type {
  DB,
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  ResidentsTable,
  ResidentTagsTable,
  TierHistoryTable,
} from '../../../db/schema';
import { chunks } from '../../../platform/collections';
import { type AreaScope, inScope } from '../../../platform/scope';

// Lookups and writes travel as one JSON parameter per few thousand rows: the statement's text
// stays short (SQLite prepares every statement anew, and a 200-row VALUES list took longer to
// prepare than to run), and PostgreSQL gets a few round trips instead of hundreds. On SQLite,
// jsonb_each hands each row over as JSONB, so reading its columns does not parse it again.
const LOOKUP_CHUNK = 5_000;
const INSERT_CHUNK = 2_000;

/** A JSON array parameter as a one-column table of its text values, on either engine. */
function jsonValues(db: Db, values: readonly string[]): RawBuilder<string> {
  const json = JSON.stringify(values);
  return engineOf(db) === 'postgres'
    ? sql<string>`(select value from jsonb_array_elements_text(${json}::jsonb) as value)`
    : sql<string>`(select value from json_each(${json}))`;
}

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

/** The registered households among those the file names by village and number. */
export async function existingHouseholds(
  db: Db,
  scope: AreaScope,
  keys: readonly { villageCode: string; number: string }[],
) {
  const out = [];
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    const json = JSON.stringify(part.map((k) => [k.villageCode, k.number]));
    const pairs =
      engineOf(db) === 'postgres'
        ? sql`(select value ->> 0, value ->> 1 from jsonb_array_elements(${json}::jsonb) as value)`
        : sql`(select value ->> 0, value ->> 1 from json_each(${json}))`;
    const rows = await db
      .selectFrom('households')
      .select(['id', 'village_code', 'number', 'area_code', 'address', 'phone', 'version'])
      .where(sql<boolean>`(households.village_code, households.number) in ${pairs}`)
      .where((eb) => inScope(eb, 'households.area_code', scope))
      .execute();
    const tags = await householdTagsOf(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) out.push(Object.assign(r, { tags: tags.get(r.id) ?? [] }));
  }
  return out;
}

async function householdTagsOf(db: Db, ids: string[]) {
  const tags = new Map<string, string[]>();
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('household_tags')
      .select(['household_id', 'tag_code'])
      .where('household_id', 'in', jsonValues(db, part))
      .execute();
    for (const r of rows) {
      const list = tags.get(r.household_id);
      if (list) list.push(r.tag_code);
      else tags.set(r.household_id, [r.tag_code]);
    }
  }
  return tags;
}

export async function existingResidents(db: Db, householdIds: string[]) {
  const out = [];
  for (const part of chunks(householdIds, LOOKUP_CHUNK)) {
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
      .where('household_id', 'in', jsonValues(db, part))
      .execute();
    const tagRows = await db
      .selectFrom('resident_tags')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select(['resident_tags.resident_id', 'resident_tags.tag_code'])
      .where('residents.household_id', 'in', jsonValues(db, part))
      .execute();
    const tags = new Map<string, string[]>();
    for (const t of tagRows) {
      const list = tags.get(t.resident_id);
      if (list) list.push(t.tag_code);
      else tags.set(t.resident_id, [t.tag_code]);
    }
    for (const r of rows) out.push(Object.assign(r, { tags: tags.get(r.id) ?? [] }));
  }
  return out;
}

/** Where each ID number of the file is registered already, anywhere in the district. */
export async function idNumberOwners(db: Db, hashes: string[]) {
  const owners = new Map<
    string,
    { household_id: string; number: string; area_code: string; area_name: string; name: string }
  >();
  for (const part of chunks(hashes, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('residents')
      .innerJoin('households', 'households.id', 'residents.household_id')
      .innerJoin('areas', 'areas.code', 'households.area_code')
      .select([
        'residents.id_number_hash',
        'residents.household_id',
        'residents.name',
        'households.number',
        'households.area_code',
        'areas.name as area_name',
      ])
      .where('residents.id_number_hash', 'in', jsonValues(db, part))
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
  for (const part of chunks(householdIds, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('household_indicators')
      .select(['household_id', 'year', 'total_income', 'debt', 'main_income_source', 'hardships'])
      .where('household_id', 'in', jsonValues(db, part))
      .execute();
    for (const r of rows) out.set(`${r.household_id}|${r.year}`, r);
  }
  return out;
}

/** The tables a roster writes in bulk. */
export type BulkTable =
  | 'households'
  | 'residents'
  | 'household_tags'
  | 'resident_tags'
  | 'household_indicators'
  | 'tier_history';

type BulkValue = string | number | boolean | null;

/** PostgreSQL's column types of the tables written so far (see `insertJsonRows`). */
export type BulkTypes = Map<BulkTable, Map<string, string>>;

/** PostgreSQL's type of each column of a table, to cast the JSON's text to. */
async function columnTypes(db: Db, table: BulkTable): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    select attname as name, format_type(atttypid, atttypmod) as type
    from pg_attribute
    where attrelid = cast(${table} as regclass) and attnum > 0 and not attisdropped`.execute(db);
  return new Map(rows.map((r) => [r.name, r.type]));
}

// Rows are turned into JSON text as they are made and written as UTF-8 into a buffer outside
// V8's heap, reused batch after batch. Row objects and their text die young; held until their
// batch was written, they outlived V8's young generation and filled the old one (an import of
// 100,000 residents grew the heap by 150 MB of such garbage).
const NUL_ESCAPE = Buffer.from('\\u0000');

/**
 * Rows bound for one table, kept as UTF-8 JSON: `[row,row,...]` arrays of a few thousand rows,
 * one per statement, side by side in one buffer.
 */
export class JsonRows<T extends BulkTable = BulkTable> {
  columns: readonly string[] = [];
  #bytes = Buffer.allocUnsafe(64 * 1024);
  #used = 0;
  /** Where each array starts; the last one ends at `#used`. */
  #starts: number[] = [];
  #count = 0;
  #closed = false;

  constructor(readonly table: T) {}

  get length(): number {
    return this.#count;
  }

  /** Adds a row; every row of a table names the same columns. */
  add(row: Insertable<DB[T]>): void {
    if (this.#closed) throw new Error('rows added after they were read');
    const record = row as Record<string, BulkValue | undefined>;
    if (this.#count === 0) this.columns = Object.keys(record);
    else if (Object.keys(record).length !== this.columns.length) {
      throw new Error(`rows of ${this.table} differ in their columns`);
    }
    const text = JSON.stringify(this.columns.map((column) => record[column] ?? null));
    const first = this.#count % INSERT_CHUNK === 0;
    if (first) {
      if (this.#count > 0) this.#write(']');
      this.#starts.push(this.#used);
    }
    this.#write(first ? '[' : ',');
    this.#write(text);
    this.#count++;
  }

  #write(text: string): void {
    // A character takes at most three bytes in UTF-8 (a surrogate pair, two units, takes four).
    const needed = this.#used + text.length * 3;
    if (needed > this.#bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.#bytes.length * 2));
      this.#bytes.copy(bigger, 0, 0, this.#used);
      this.#bytes = bigger;
    }
    this.#used += this.#bytes.write(text, this.#used);
  }

  /** The rows as JSON arrays, one per statement: views of the buffer, valid until `clear`. */
  *arrays(): Generator<Buffer> {
    if (this.#count === 0) return;
    if (!this.#closed) this.#write(']');
    this.#closed = true;
    for (let i = 0; i < this.#starts.length; i++) {
      yield this.#bytes.subarray(this.#starts[i], this.#starts[i + 1] ?? this.#used);
    }
  }

  /** Forgets the rows, keeping the buffer for the next batch. */
  clear(): void {
    this.#used = 0;
    this.#starts = [];
    this.#count = 0;
    this.#closed = false;
  }
}

/** Whether JSON text holds a NUL character: "\u0000" after an even number of backslashes. */
function holdsNul(json: Buffer): boolean {
  if (json.indexOf(NUL_ESCAPE) === -1) return false;
  return /(^|[^\\])(\\\\)*\\u0000/.test(json.toString('utf8'));
}

/**
 * Inserts rows into their table, a few thousand rows per statement: they go as one JSON array
 * of arrays, which the database takes apart itself. `types` caches PostgreSQL's column types.
 */
export async function insertJsonRows(db: Db, rows: JsonRows, types: BulkTypes = new Map()): Promise<void> {
  if (rows.length === 0) return;
  const { table, columns } = rows;
  const postgres = engineOf(db) === 'postgres';
  let pgTypes = types.get(table);
  if (postgres && !pgTypes) {
    pgTypes = await columnTypes(db, table);
    types.set(table, pgTypes);
  }
  const values = columns.map((column, i) => {
    const value = sql`value ->> ${sql.lit(i)}`;
    const type = pgTypes?.get(column);
    if (postgres && !type) throw new Error(`no column ${table}.${column}`);
    return postgres ? sql`cast(${value} as ${sql.raw(type ?? '')})` : value;
  });
  for (const json of rows.arrays()) {
    // Kysely's plugins guard text values; text inside the JSON bytes is guarded here.
    if (holdsNul(json)) throw new UnstorableTextError();
    // The bytes travel as a blob (bytea) and are read as UTF-8 text.
    const source = postgres
      ? sql`jsonb_array_elements(convert_from(${json}, 'UTF8')::jsonb) as value`
      : sql`jsonb_each(cast(${json} as text))`;
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select ${sql.join(values)} from ${source}`.execute(db);
  }
}

/** Inserts rows that all name the same columns into one table (see `insertJsonRows`). */
export async function insertBulk<T extends BulkTable>(
  db: Db,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  types: BulkTypes = new Map(),
): Promise<void> {
  const json = new JsonRows(table);
  for (const row of rows) json.add(row);
  await insertJsonRows(db, json, types);
}

/** Bulk inserts for a roster's new households, a few thousand rows per statement. */
export async function insertMany(
  db: Db,
  rows: {
    households: Insertable<HouseholdsTable>[];
    residents: Insertable<ResidentsTable>[];
    householdTags: Insertable<HouseholdTagsTable>[];
    residentTags: Insertable<ResidentTagsTable>[];
    indicators: Insertable<HouseholdIndicatorsTable>[];
    tierHistory?: Insertable<TierHistoryTable>[];
  },
  types: BulkTypes = new Map(),
): Promise<void> {
  await insertBulk(db, 'households', rows.households, types);
  await insertBulk(db, 'residents', rows.residents, types);
  await insertBulk(db, 'household_tags', rows.householdTags, types);
  await insertBulk(db, 'resident_tags', rows.residentTags, types);
  await insertBulk(db, 'household_indicators', rows.indicators, types);
  await insertBulk(db, 'tier_history', rows.tierHistory ?? [], types);
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

/** The district: the command line acts over all of it. */
export async function findDistrict(db: Db) {
  return db.selectFrom('areas').select(['code', 'kind']).where('kind', '=', 'district').executeTakeFirst();
}
