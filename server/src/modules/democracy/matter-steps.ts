import {
  type DeliberationStep,
  deliberationSteps,
  type MatterStatus,
  type MeetingOutcome,
} from '@lianxin/common';

// The order of the four deliberations (四议) as matter statuses: what a matter waits for, and
// where it goes when a step is taken, skipped or sent back.

const statusOfStep: Record<DeliberationStep, MatterStatus> = {
  propose: 'proposing',
  consult: 'consulting',
  review: 'reviewing',
  decide: 'deciding',
};

/** The deliberation a matter waits for, or null once it is past them (or ended). */
export function stepOf(status: MatterStatus): DeliberationStep | null {
  return deliberationSteps.find((step) => statusOfStep[step] === status) ?? null;
}

/** Where a matter goes once `step` is taken (adopted or skipped): the next step, or adopted. */
export function statusAfter(step: DeliberationStep): MatterStatus {
  const next = deliberationSteps[deliberationSteps.indexOf(step) + 1];
  return next ? statusOfStep[next] : 'adopted';
}

/** A meeting's outcome as the matter's next status. */
export function statusAfterMeeting(step: DeliberationStep, outcome: MeetingOutcome): MatterStatus {
  switch (outcome) {
    case 'adopted':
      return statusAfter(step);
    case 'rejected':
      return 'rejected';
    // Sent back to the Party branch: the proposal is reworked and deliberated again from the start.
    case 'sent_back':
      return 'proposing';
    case 'adjourned':
      return statusOfStep[step];
  }
}

export interface SkippedStep {
  step: DeliberationStep;
  reason: string;
  at: string;
}

interface MeetingLine {
  id: string;
  step: DeliberationStep;
  held_at: string;
  status: string;
  outcome: MeetingOutcome | null;
}

/**
 * The four steps as the matter's meetings took them: for each step the adopting meeting (after the
 * last sending back, which starts the deliberation over), or the skip.
 */
export function stepsOf(meetings: readonly MeetingLine[], skipped: readonly SkippedStep[]) {
  let taken = new Map<DeliberationStep, MeetingLine>();
  const held = new Map<DeliberationStep, number>();
  for (const meeting of meetings) {
    if (meeting.status !== 'decided') continue;
    held.set(meeting.step, (held.get(meeting.step) ?? 0) + 1);
    if (meeting.outcome === 'sent_back') taken = new Map();
    else if (meeting.outcome === 'adopted') taken.set(meeting.step, meeting);
  }
  return deliberationSteps.map((step) => {
    const meeting = taken.get(step);
    const skip = skipped.find((s) => s.step === step);
    return {
      step,
      meetingId: meeting?.id ?? null,
      heldAt: meeting?.held_at ?? null,
      skipped: !meeting && skip !== undefined,
      skipReason: !meeting && skip ? skip.reason : null,
      meetings: held.get(step) ?? 0,
    };
  });
}
