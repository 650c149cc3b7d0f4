import {
  bodyRuleOf,
  chinaDate,
  type DemocracyBody,
  type DemocracySettings,
  daysOfNotice,
  type Meeting,
  type MeetingSummary,
  type MeetingsListQuery,
  type QuorumState,
  quorumOf,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { AppError, notFound } from '../../platform/errors';
import { type AreaScope, scopeOf } from '../../platform/scope';
import { findMeeting, listMeetingRows, type MeetingRow, type RollRow, rollOf } from './meetings.repository';
import { activeMembers, adultResidents, areaInScope } from './members.repository';
import { adultBornBy, seatIn } from './members.service';
import { democracySettings } from './settings.service';

// A meeting as the console sees it — its roll, the quorum computed by its body's rule, the notice
// it had — and the roll a meeting is noticed with.

export function summaryOf(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    villageCode: row.village_code,
    villageName: row.village_name,
    matterId: row.matter_id,
    matterTitle: row.matter_title,
    body: row.body,
    step: row.step,
    heldAt: row.held_at,
    place: row.place,
    noticeDate: row.notice_date,
    status: row.status,
    outcome: row.outcome,
    version: row.version,
  };
}

/** The quorum of a roll as it stands, by the body's rule under the settings. */
export function quorumOfRoll(
  body: DemocracyBody,
  roll: readonly RollRow[],
  settings: DemocracySettings,
): QuorumState {
  const entitled = roll.filter((r) => Boolean(r.entitled));
  const present = entitled.filter((r) => r.attendance === 'present');
  const households = body === 'villagers' ? new Set(entitled.map((r) => r.household_id)).size : undefined;
  const householdsPresent =
    body === 'villagers' ? new Set(present.map((r) => r.household_id)).size : undefined;
  return quorumOf(
    {
      body,
      entitled: entitled.length,
      present: present.length,
      ...(households === undefined ? {} : { households, householdsPresent: householdsPresent ?? 0 }),
    },
    bodyRuleOf(body, settings),
  );
}

function meetingView(row: MeetingRow, roll: RollRow[], settings: DemocracySettings): Meeting {
  const noticeDays = daysOfNotice(row.notice_date, chinaDate(new Date(row.held_at)));
  const decided = row.votes_for !== null;
  return {
    ...summaryOf(row),
    agenda: row.agenda,
    noticeDays,
    noticeSufficient: row.body === 'villagers' ? noticeDays >= settings.villagersNoticeDays : null,
    authorisationId: row.authorisation_id,
    roll: roll.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      residentId: r.resident_id,
      name: r.name,
      gender: r.gender,
      householdId: r.household_id,
      entitled: Boolean(r.entitled),
      attendance: r.attendance,
      vote: r.vote,
    })),
    quorum: quorumOfRoll(row.body, roll, settings),
    votes: decided
      ? { for: row.votes_for ?? 0, against: row.votes_against ?? 0, abstain: row.votes_abstain ?? 0 }
      : null,
    minutes: row.minutes,
    cancelReason: row.cancel_reason,
    decidedAt: row.decided_at,
  };
}

export async function getMeeting(db: Db, scope: AreaScope, id: string): Promise<Meeting> {
  const row = await findMeeting(db, scope, id);
  if (!row) throw notFound();
  return meetingView(row, await rollOf(db, id), await democracySettings(db));
}

async function withinOf(db: Db, scope: AreaScope, code: string | undefined) {
  if (!code) return undefined;
  const area = await areaInScope(db, scope, code);
  if (!area) throw new AppError('AREA_UNKNOWN', { code });
  return scopeOf(area);
}

export async function listMeetings(db: Db, scope: AreaScope, query: MeetingsListQuery) {
  const within = await withinOf(db, scope, query.areaCode);
  const { rows, total } = await listMeetingRows(
    db,
    scope,
    { within, matterId: query.matterId, body: query.body, status: query.status },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map(summaryOf), total };
}

export async function rollFor(db: Db, villageCode: string, body: DemocracyBody, noticeDate: string) {
  if (body === 'villagers') {
    const adults = await adultResidents(db, villageCode, adultBornBy(noticeDate));
    return adults.map((a) => ({
      member_id: null,
      resident_id: a.id,
      name: a.name,
      gender: a.gender,
      household_id: a.household_id,
      entitled: true,
    }));
  }
  const members = await activeMembers(db, villageCode);
  return members.flatMap((m) => {
    const seat = seatIn(
      {
        branchCommittee: Boolean(m.branch_committee),
        villagersCommittee: Boolean(m.villagers_committee),
        partyMember: Boolean(m.party_member),
        partyVoting: Boolean(m.party_voting),
        representative: Boolean(m.representative),
      },
      body,
    );
    if (!seat.sits) return [];
    return [
      {
        member_id: m.id,
        resident_id: m.resident_id,
        name: m.name,
        gender: m.gender,
        household_id: null,
        entitled: seat.votes,
      },
    ];
  });
}
