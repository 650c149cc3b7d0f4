import { z } from 'zod';

// The quorum and majority rules of village deliberation (四议两公开), pure so that the server
// decides with them and the console shows the quorum live while attendance is being tapped.
// In Chinese legal drafting "以上" includes the number and "过半数" means more than half.

/** The bodies a village deliberates in, in the order of the four deliberations. */
export const democracyBodies = [
  /** 党支部委员会: proposes (提议). */
  'branch_committee',
  /** 村"两委"联席会议: the Party branch committee and the villagers' committee together (商议). */
  'joint_committees',
  /** 党员大会: reviews (审议). */
  'party_members',
  /** 村民代表会议: decides (决议) — for an art. 24 matter only when authorised by the villagers' meeting. */
  'representatives',
  /** 村民会议: decides (决议). */
  'villagers',
] as const;
export type DemocracyBody = (typeof democracyBodies)[number];

/** The four deliberations (四议). */
export const deliberationSteps = ['propose', 'consult', 'review', 'decide'] as const;
export type DeliberationStep = (typeof deliberationSteps)[number];

export const stepOfBody: Record<DemocracyBody, DeliberationStep> = {
  branch_committee: 'propose',
  joint_committees: 'consult',
  party_members: 'review',
  representatives: 'decide',
  villagers: 'decide',
};

/** A share of a whole: `atLeast` is "以上" (the number included), `moreThan` is "过半数"-style (strictly more). */
export const Threshold = z.strictObject({
  numerator: z.number().int().min(1).max(100),
  denominator: z.number().int().min(1).max(100),
  comparison: z.enum(['atLeast', 'moreThan']),
});
export type Threshold = z.infer<typeof Threshold>;

/**
 * A body's rule: how many must be present (of the members entitled to vote), and how many votes
 * adopt — counted over those present, or over all the members entitled to vote.
 */
export const BodyRule = z.strictObject({
  quorum: Threshold,
  majority: Threshold,
  majorityOf: z.enum(['present', 'entitled']),
});
export type BodyRule = z.infer<typeof BodyRule>;

const half = (comparison: Threshold['comparison']): Threshold => ({
  numerator: 1,
  denominator: 2,
  comparison,
});
const twoThirds: Threshold = { numerator: 2, denominator: 3, comparison: 'atLeast' };

/**
 * The rules of the bodies the law fixes — 村民委员会组织法 (2018) arts. 22 and 26 — and the defaults of
 * the ones the district sets: the Party members' meeting as 《中国共产党支部工作条例（试行）》 (2018) art. 11
 * (at least half of the members entitled to vote present; adopted by more than half of the members
 * entitled to vote), the branch committee as its art. 12 (at least half of its members present), the
 * joint meeting as the usual village rules of procedure (more than half present).
 */
export const statutoryBodyRules = {
  // Art. 26: valid with two thirds or more of the members present; adopted by more than half of those present.
  representatives: { quorum: twoThirds, majority: half('moreThan'), majorityOf: 'present' },
  // Art. 22: more than half of the adult villagers (or two thirds of the households, below); more than half of those present.
  villagers: { quorum: half('moreThan'), majority: half('moreThan'), majorityOf: 'present' },
} as const satisfies Record<'representatives' | 'villagers', BodyRule>;

/** Art. 22: or the representatives of two thirds or more of the village's households. */
export const villagersHouseholdQuorum: Threshold = twoThirds;

export const DemocracySettings = z.strictObject({
  branchCommittee: BodyRule,
  jointCommittees: BodyRule,
  partyMembers: BodyRule,
  /** Days of notice a villagers' meeting needs (art. 21: ten). */
  villagersNoticeDays: z.number().int().min(1).max(60),
});
export type DemocracySettings = z.infer<typeof DemocracySettings>;

export const defaultDemocracySettings: DemocracySettings = {
  branchCommittee: { quorum: half('atLeast'), majority: half('moreThan'), majorityOf: 'entitled' },
  jointCommittees: { quorum: half('moreThan'), majority: half('moreThan'), majorityOf: 'present' },
  partyMembers: { quorum: half('atLeast'), majority: half('moreThan'), majorityOf: 'entitled' },
  villagersNoticeDays: 10,
};

/** The rule a body follows under the district's settings. */
export function bodyRuleOf(body: DemocracyBody, settings: DemocracySettings): BodyRule {
  switch (body) {
    case 'branch_committee':
      return settings.branchCommittee;
    case 'joint_committees':
      return settings.jointCommittees;
    case 'party_members':
      return settings.partyMembers;
    case 'representatives':
      return statutoryBodyRules.representatives;
    case 'villagers':
      return statutoryBodyRules.villagers;
  }
}

/** Whether `count` of `total` reaches the threshold, in integers (no rounding at the boundary). */
export function reachesThreshold(count: number, total: number, threshold: Threshold): boolean {
  if (total <= 0) return false;
  const left = count * threshold.denominator;
  const right = total * threshold.numerator;
  return threshold.comparison === 'atLeast' ? left >= right : left > right;
}

/** The smallest count of `total` that reaches the threshold (shown as "needs N"). */
export function smallestReaching(total: number, threshold: Threshold): number {
  if (total <= 0) return 1;
  const exact = (total * threshold.numerator) / threshold.denominator;
  if (threshold.comparison === 'atLeast') return Math.ceil(exact);
  return Math.floor(exact) + 1;
}

export const Attendance = z.enum(['present', 'absent', 'leave']);
export type Attendance = z.infer<typeof Attendance>;

/** What the quorum is computed from: the members entitled to vote, and those of them present. */
export interface QuorumInput {
  body: DemocracyBody;
  /** Members of the body (on the meeting's roll) entitled to vote. */
  entitled: number;
  /** Of them, present. */
  present: number;
  /** Villagers' meeting only: households on the roll, and households with someone present. */
  households?: number;
  householdsPresent?: number;
}

export const QuorumState = z.object({
  entitled: z.number(),
  present: z.number(),
  /** Present needed for the quorum by head count. */
  needed: z.number(),
  /** Villagers' meeting: households on the roll, present and needed (two thirds). */
  households: z.number().nullable(),
  householdsPresent: z.number().nullable(),
  householdsNeeded: z.number().nullable(),
  met: z.boolean(),
  /** Votes for needed to adopt with the present attendance. */
  votesNeeded: z.number(),
});
export type QuorumState = z.infer<typeof QuorumState>;

/** The quorum of a meeting with its attendance, by the body's rule. */
export function quorumOf(input: QuorumInput, rule: BodyRule): QuorumState {
  const byHeads = reachesThreshold(input.present, input.entitled, rule.quorum);
  const isVillagers = input.body === 'villagers' && input.households !== undefined;
  const households = isVillagers ? (input.households ?? 0) : null;
  const householdsPresent = isVillagers ? (input.householdsPresent ?? 0) : null;
  const byHouseholds =
    households !== null && householdsPresent !== null
      ? reachesThreshold(householdsPresent, households, villagersHouseholdQuorum)
      : false;
  const base = rule.majorityOf === 'entitled' ? input.entitled : input.present;
  return {
    entitled: input.entitled,
    present: input.present,
    needed: smallestReaching(input.entitled, rule.quorum),
    households,
    householdsPresent,
    householdsNeeded: households === null ? null : smallestReaching(households, villagersHouseholdQuorum),
    met: byHeads || byHouseholds,
    votesNeeded: smallestReaching(base, rule.majority),
  };
}

export interface VoteCount {
  for: number;
  against: number;
  abstain: number;
}

export type VoteProblem = 'no_quorum' | 'more_votes_than_present';

/**
 * The outcome of a vote: adopted when the votes for reach the majority over the base the rule names
 * (those present, or every member entitled to vote). A tie is never a majority.
 */
export function voteOutcome(
  quorum: Pick<QuorumState, 'met' | 'present' | 'entitled'>,
  votes: VoteCount,
  rule: BodyRule,
): { adopted: boolean } | { problem: VoteProblem } {
  if (!quorum.met) return { problem: 'no_quorum' };
  if (votes.for + votes.against + votes.abstain > quorum.present)
    return { problem: 'more_votes_than_present' };
  const base = rule.majorityOf === 'entitled' ? quorum.entitled : quorum.present;
  return { adopted: reachesThreshold(votes.for, base, rule.majority) };
}

/** China dates (YYYY-MM-DD): whole days from the notice to the meeting. */
export function daysOfNotice(noticeDate: string, meetingDate: string): number {
  const ms = Date.parse(`${meetingDate}T00:00:00Z`) - Date.parse(`${noticeDate}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Whether someone born on `birthDate` is 18 or older on `onDate` (China dates; a 29 Feb birthday turns on 1 Mar). */
export function isAdultOn(birthDate: string, onDate: string): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const eighteenth = `${String(y + 18).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const valid = !Number.isNaN(Date.parse(`${eighteenth}T00:00:00Z`));
  const turns =
    valid && new Date(`${eighteenth}T00:00:00Z`).getUTCDate() === d
      ? eighteenth
      : `${String(y + 18).padStart(4, '0')}-03-01`;
  return turns <= onDate;
}

/** Villagers' representatives chosen per 5–15 households (art. 25): a count outside is warned of. */
export const REPRESENTED_HOUSEHOLDS_MIN = 5;
export const REPRESENTED_HOUSEHOLDS_MAX = 15;

/** Art. 25: representatives are at least four fifths of the representatives' meeting; women at least one third of them. */
export const representativesShare: Threshold = { numerator: 4, denominator: 5, comparison: 'atLeast' };
export const womenShare: Threshold = { numerator: 1, denominator: 3, comparison: 'atLeast' };
