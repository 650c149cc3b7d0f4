import type { AreaKind, Role } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type {
  AreasTable,
  ContactPointsTable,
  HelperRatingsTable,
  HelpMeasuresTable,
  PairingsTable,
  UsersTable,
  VisitCadresTable,
  VisitsTable,
} from '../db/schema';

// The demo loader writes a district's history straight into the tables (its visits predate the
// household files it creates today); its SQL lives here, as every module's does.

/** Rows of a bulk insert per statement: well below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function hasAreas(db: Db): Promise<boolean> {
  return (await db.selectFrom('areas').select('code').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertArea(db: Db, row: Insertable<AreasTable>): Promise<void> {
  await db.insertInto('areas').values(row).execute();
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export interface DemoUser {
  id: string;
  name: string;
  role: Role;
  rank: string | null;
  area_code: string;
  kind: AreaKind;
}

/** Every account with the kind of the area it is bound to. */
export async function demoUsers(db: Db): Promise<DemoUser[]> {
  return (await db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select(['users.id', 'users.name', 'users.role', 'users.rank', 'users.area_code', 'areas.kind'])
    .execute()) as DemoUser[];
}

/** The villages with their town and their must-go flags. */
export async function demoVillages(db: Db) {
  return db
    .selectFrom('areas')
    .select(['code', 'parent_code', 'extremely_poor', 'remote', 'hard_to_advance'])
    .where('kind', '=', 'village')
    .execute();
}

/** The level an appeal is held at and its version, as the demo's next action needs them. */
export async function appealState(db: Db, id: string) {
  return db.selectFrom('appeals').select(['level', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function priorityHouseholds(db: Db) {
  return db
    .selectFrom('households')
    .select(['id', 'village_code', 'area_code', 'tier'])
    .where('tier', '=', 'priority')
    .orderBy('village_code')
    .execute();
}

export async function insertPairing(db: Db, row: Insertable<PairingsTable>): Promise<void> {
  await db.insertInto('pairings').values(row).execute();
}

export async function insertHelperRating(db: Db, row: Insertable<HelperRatingsTable>): Promise<void> {
  await db.insertInto('helper_ratings').values(row).execute();
}

export async function insertContactPoint(db: Db, row: Insertable<ContactPointsTable>): Promise<void> {
  await db.insertInto('contact_points').values(row).execute();
}

/** The villages that have a leader's contact point already. */
export async function contactPointVillages(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('contact_points').select('village_code').distinct().execute();
  return rows.map((r) => r.village_code);
}

/** The visits, the cadres on them and the help measures agreed, in bulk. */
export async function insertVisitHistory(
  db: Db,
  history: {
    visits: Insertable<VisitsTable>[];
    visitCadres: Insertable<VisitCadresTable>[];
    measures: Insertable<HelpMeasuresTable>[];
  },
): Promise<void> {
  for (const rows of chunks(history.visits)) await db.insertInto('visits').values(rows).execute();
  for (const rows of chunks(history.visitCadres)) await db.insertInto('visit_cadres').values(rows).execute();
  for (const rows of chunks(history.measures)) await db.insertInto('help_measures').values(rows).execute();
}
