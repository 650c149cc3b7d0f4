import type { DemocracyBody, MeetingStatus } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { MeetingRollTable, MeetingsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

// The SQL of meetings: the meeting in the caller's reach, its roll (fixed at notice), attendance and votes.

function meetingRows(db: Db) {
  return db
    .selectFrom('meetings')
    .innerJoin('areas', 'areas.code', 'meetings.village_code')
    .innerJoin('matters', 'matters.id', 'meetings.matter_id')
    .selectAll('meetings')
    .select(['areas.name as village_name', 'matters.title as matter_title', 'matters.kind as matter_kind']);
}

export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingRows>['execute']>>[number];

export interface MeetingFilter {
  within?: AreaScope | undefined;
  matterId?: string | undefined;
  body?: DemocracyBody | undefined;
  status?: MeetingStatus | undefined;
}

export async function listMeetingRows(
  db: Db,
  scope: AreaScope,
  filter: MeetingFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: MeetingRow[]; total: number }> {
  let query = meetingRows(db).where((eb) => inScope(eb, 'meetings.village_code', scope));
  if (filter.within) {
    const within = filter.within;
    query = query.where((eb) => inScope(eb, 'meetings.village_code', within));
  }
  if (filter.matterId) query = query.where('meetings.matter_id', '=', filter.matterId);
  if (filter.body) query = query.where('meetings.body', '=', filter.body);
  if (filter.status) query = query.where('meetings.status', '=', filter.status);
  const rows = await query
    .orderBy('meetings.held_at', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export function findMeeting(db: Db, scope: AreaScope, id: string) {
  return meetingRows(db)
    .where('meetings.id', '=', id)
    .where((eb) => inScope(eb, 'meetings.village_code', scope))
    .executeTakeFirst();
}

export function meetingExists(db: Db, id: string) {
  return db.selectFrom('meetings').select(['id']).where('id', '=', id).executeTakeFirst();
}

/** A scheduled meeting of the matter (one step is deliberated by one meeting at a time). */
export function scheduledMeetingOf(db: Db, matterId: string) {
  return db
    .selectFrom('meetings')
    .select(['id'])
    .where('matter_id', '=', matterId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
}

export async function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export async function updateMeeting(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<MeetingsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRoll(db: Db, rows: Insertable<MeetingRollTable>[]): Promise<void> {
  // Batches keep a villagers' meeting's roll under the engines' parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('meeting_roll')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export function rollOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_roll')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export type RollRow = Awaited<ReturnType<typeof rollOf>>[number];

export async function setRollEntry(
  db: Db,
  meetingId: string,
  id: string,
  changes: Updateable<MeetingRollTable>,
) {
  await db
    .updateTable('meeting_roll')
    .set(changes)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .execute();
}

/** Clears the per-member votes of a meeting (a decision records them afresh). */
export async function clearVotes(db: Db, meetingId: string) {
  await db.updateTable('meeting_roll').set({ vote: null }).where('meeting_id', '=', meetingId).execute();
}

/** Meetings of the caller's reach held before `now` whose attendance and decision are not recorded yet. */
export async function countMeetingsToRecord(db: Db, scope: AreaScope, now: string): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScope(eb, 'meetings.village_code', scope))
    .where('meetings.status', '=', 'scheduled')
    .where('meetings.held_at', '<', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
