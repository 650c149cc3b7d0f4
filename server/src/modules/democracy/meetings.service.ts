import {
  bodyRuleOf,
  MeetingCreateBody as CreateSchema,
  chinaDate,
  MeetingDecisionBody as DecisionSchema,
  type DeliberationStep,
  daysOfNotice,
  isArticle24,
  type Meeting,
  type MeetingAttendanceBody,
  type MeetingCancelBody,
  type MeetingCreateBody,
  type MeetingDecisionBody,
  type MeetingOutcome,
  stepOfBody,
  type VoteCount,
  voteOutcome,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import type { AreaScope } from '../../platform/scope';
import { statusAfterMeeting, stepOf } from './matter-steps';
import { findMatter, updateMatter } from './matters.repository';
import { getMeeting, quorumOfRoll, rollFor } from './meeting-views';
import {
  findMeeting,
  insertMeeting,
  insertRoll,
  type MeetingRow,
  meetingExists,
  type RollRow,
  rollOf,
  scheduledMeetingOf,
  setRollEntry,
  updateMeeting,
} from './meetings.repository';
import { authorisationFor } from './members.service';
import { democracySettings } from './settings.service';

// Each deliberation's meeting: noticed with its roll fixed, attendance tapped in, the quorum computed
// by the body's rule, then the vote counted — or the meeting adjourned for want of a quorum (流会).

type Ctx = Pick<AreaContext, 'clock' | 'actor' | 'scope' | 'caller'>;

/** The step a matter waits for, named in both languages for MATTER_STEP_ORDER. */
const stepNames: Record<DeliberationStep, { step: string; stepZh: string; stepEn: string }> = {
  propose: { step: 'propose', stepZh: '党支部会提议', stepEn: 'proposal by the Party branch' },
  consult: { step: 'consult', stepZh: '“两委”会商议', stepEn: 'discussion by the two committees' },
  review: { step: 'review', stepZh: '党员大会审议', stepEn: "review by the Party members' meeting" },
  decide: {
    step: 'decide',
    stepZh: '村民代表会议或村民会议决议',
    stepEn: "decision by the representatives' or villagers' meeting",
  },
};

/**
 * Notices a meeting on the matter's current step. The roll is fixed now, as of the notice date:
 * the body's members, or for the villagers' meeting the residents aged 18+ that day.
 */
export async function createMeeting(db: Db, ctx: Ctx, input: MeetingCreateBody): Promise<Meeting> {
  const body = CreateSchema.parse(input);
  if (body.id && (await meetingExists(db, body.id))) {
    const existing = await findMeeting(db, ctx.scope, body.id);
    if (!existing) throw notFound();
    return getMeeting(db, ctx.scope, body.id);
  }
  const matter = await findMatter(db, ctx.scope, body.matterId);
  if (!matter) throw notFound();
  const step = stepOf(matter.status);
  if (!step) throw new AppError('MATTER_STATE_INVALID');
  if (stepOfBody[body.body] !== step) throw new AppError('MATTER_STEP_ORDER', stepNames[step]);
  if (await scheduledMeetingOf(db, matter.id)) throw new AppError('MEETING_STATE_INVALID');
  const meetingDate = chinaDate(new Date(body.heldAt));
  if (body.noticeDate > meetingDate) throw new AppError('MEETING_DATES_INVALID');
  let authorisationId: string | null = null;
  // Art. 24: the villagers' meeting decides, or the representatives' meeting it authorised.
  if (body.body === 'representatives' && isArticle24(matter.kind)) {
    const authorisation = await authorisationFor(db, matter.village_code, matter.kind, meetingDate);
    if (!authorisation) throw new AppError('MATTER_AUTHORISATION_REQUIRED');
    authorisationId = authorisation.id;
  }
  const id = body.id ?? newId();
  const roll = await rollFor(db, matter.village_code, body.body, body.noticeDate);
  if (roll.filter((r) => r.entitled).length === 0) throw new AppError('MEETING_ROLL_EMPTY');
  const now = ctx.clock.now().toISOString();
  await insertMeeting(db, {
    id,
    village_code: matter.village_code,
    matter_id: matter.id,
    body: body.body,
    step,
    held_at: new Date(body.heldAt).toISOString(),
    place: body.place,
    notice_date: body.noticeDate,
    agenda: body.agenda,
    status: 'scheduled',
    outcome: null,
    authorisation_id: authorisationId,
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    minutes: null,
    cancel_reason: null,
    decided_at: null,
    created_by: ctx.caller.id,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertRoll(
    db,
    roll.map((r, position) => ({
      id: newId(),
      meeting_id: id,
      position,
      attendance: null,
      vote: null,
      ...r,
    })),
  );
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'meeting.create',
    objectType: 'meeting',
    objectId: id,
    areaCode: matter.village_code,
    after: {
      matterId: matter.id,
      body: body.body,
      heldAt: body.heldAt,
      noticeDate: body.noticeDate,
      roll: roll.length,
    },
  });
  return getMeeting(db, ctx.scope, id);
}

async function scheduled(db: Db, scope: AreaScope, id: string) {
  const row = await findMeeting(db, scope, id);
  if (!row) throw notFound();
  if (row.status !== 'scheduled') throw new AppError('MEETING_STATE_INVALID');
  return row;
}

/** Marks members present, absent or on leave (or clears a mark); answers the meeting with its quorum. */
export async function recordAttendance(
  db: Db,
  ctx: Ctx,
  id: string,
  body: MeetingAttendanceBody,
): Promise<Meeting> {
  const row = await scheduled(db, ctx.scope, id);
  const roll = await rollOf(db, id);
  const known = new Set(roll.map((r) => r.id));
  if (body.entries.some((e) => !known.has(e.rollId))) throw new AppError('VALIDATION_FAILED');
  if (!(await updateMeeting(db, id, body.version, { updated_at: ctx.clock.now().toISOString() }))) {
    throw new AppError('VERSION_CONFLICT');
  }
  for (const entry of body.entries)
    await setRollEntry(db, id, entry.rollId, { attendance: entry.attendance });
  const after = await rollOf(db, id);
  const quorum = quorumOfRoll(row.body, after, await democracySettings(db));
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'meeting.attendance',
    objectType: 'meeting',
    objectId: id,
    areaCode: row.village_code,
    after: {
      marked: body.entries.length,
      present: quorum.present,
      entitled: quorum.entitled,
      met: quorum.met,
    },
  });
  return getMeeting(db, ctx.scope, id);
}

/** The counts of a vote: as given, from the per-member record, or both (which must agree). */
function countedVotes(
  body: ReturnType<typeof DecisionSchema.parse>,
  roll: readonly RollRow[],
): VoteCount | null {
  if (!body.perMember) return body.votes;
  const byId = new Map(roll.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const counts: VoteCount = { for: 0, against: 0, abstain: 0 };
  for (const vote of body.perMember) {
    const entry = byId.get(vote.rollId);
    // Only members present and entitled vote, once each.
    if (!entry?.entitled || entry.attendance !== 'present' || seen.has(vote.rollId)) {
      throw new AppError('MEETING_VOTES_INVALID');
    }
    seen.add(vote.rollId);
    counts[vote.vote] += 1;
  }
  const given = body.votes;
  if (
    given &&
    (given.for !== counts.for || given.against !== counts.against || given.abstain !== counts.abstain)
  ) {
    throw new AppError('MEETING_VOTES_INVALID');
  }
  return counts;
}

/**
 * Records the meeting's decision. A vote is counted by the body's rule — only with a quorum, and for a
 * villagers' meeting only after the notice the law asks; a meeting without a quorum is adjourned.
 */
export async function decideMeeting(
  db: Db,
  ctx: Ctx,
  id: string,
  input: MeetingDecisionBody,
): Promise<Meeting> {
  const body = DecisionSchema.parse(input);
  const row = await scheduled(db, ctx.scope, id);
  const roll = await rollOf(db, id);
  const settings = await democracySettings(db);
  const quorum = quorumOfRoll(row.body, roll, settings);
  let outcome: MeetingOutcome;
  let votes: VoteCount | null = null;
  if (body.decision === 'adjourn') {
    if (quorum.met) throw new AppError('MEETING_STATE_INVALID');
    outcome = 'adjourned';
  } else {
    if (!quorum.met)
      throw new AppError('MEETING_NO_QUORUM', { present: quorum.present, needed: quorum.needed });
    const given = daysOfNotice(row.notice_date, chinaDate(new Date(row.held_at)));
    if (row.body === 'villagers' && given < settings.villagersNoticeDays) {
      throw new AppError('MEETING_NOTICE_TOO_SHORT', { days: settings.villagersNoticeDays, given });
    }
    votes = countedVotes(body, roll);
    if (body.decision === 'vote') {
      if (!votes) throw new AppError('MEETING_VOTES_INVALID');
      const counted = voteOutcome(quorum, votes, bodyRuleOf(row.body, settings));
      if ('problem' in counted) throw new AppError('MEETING_VOTES_INVALID');
      outcome = counted.adopted ? 'adopted' : 'rejected';
    } else {
      if (votes && votes.for + votes.against + votes.abstain > quorum.present) {
        throw new AppError('MEETING_VOTES_INVALID');
      }
      outcome = 'sent_back';
    }
  }
  const now = ctx.clock.now().toISOString();
  const changed = await updateMeeting(db, id, body.version, {
    status: 'decided',
    outcome,
    votes_for: votes?.for ?? null,
    votes_against: votes?.against ?? null,
    votes_abstain: votes?.abstain ?? null,
    minutes: body.minutes,
    decided_at: now,
    updated_at: now,
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  if (body.perMember) {
    for (const vote of body.perMember) await setRollEntry(db, id, vote.rollId, { vote: vote.vote });
  }
  await moveMatter(db, ctx, row, outcome, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'meeting.decide',
    objectType: 'meeting',
    objectId: id,
    areaCode: row.village_code,
    after: { outcome, votes, present: quorum.present, entitled: quorum.entitled },
  });
  return getMeeting(db, ctx.scope, id);
}

async function moveMatter(db: Db, ctx: Ctx, meeting: MeetingRow, outcome: MeetingOutcome, now: string) {
  const matter = await findMatter(db, ctx.scope, meeting.matter_id);
  if (!matter) throw notFound();
  const status = statusAfterMeeting(meeting.step, outcome);
  if (status === matter.status) return;
  // A sending back starts the deliberation over: earlier skips no longer stand.
  const changes =
    outcome === 'sent_back' ? { status, skipped_steps: '[]', updated_at: now } : { status, updated_at: now };
  if (!(await updateMatter(db, matter.id, matter.version, changes))) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.step',
    objectType: 'matter',
    objectId: matter.id,
    areaCode: matter.village_code,
    before: { status: matter.status },
    after: { status, meetingId: meeting.id, outcome },
  });
}

export async function cancelMeeting(db: Db, ctx: Ctx, id: string, body: MeetingCancelBody): Promise<Meeting> {
  const row = await scheduled(db, ctx.scope, id);
  const now = ctx.clock.now().toISOString();
  const changed = await updateMeeting(db, id, body.version, {
    status: 'cancelled',
    cancel_reason: body.reason,
    updated_at: now,
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'meeting.cancel',
    objectType: 'meeting',
    objectId: id,
    areaCode: row.village_code,
    after: { reason: body.reason },
  });
  return getMeeting(db, ctx.scope, id);
}
