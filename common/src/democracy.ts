import { z } from 'zod';
import { Attendance, democracyBodies, Threshold } from './democracy-rules';
import { RecordVersion } from './versions';

// Village democracy (四议两公开): the bodies of a village and their members. Matters and meetings
// are in democracy-matters.ts; the quorum and majority rules in democracy-rules.ts.

const text = (max: number) => z.string().trim().max(max);
const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);
const id = z.string().trim().min(1).max(64);
/** A villagers' group's code (15 digits). */
const groupCode = z
  .string()
  .trim()
  .regex(/^\d{15}$/);

/** How a villagers' representative was chosen (art. 25): by a villagers' group, or by 5–15 households. */
export const representativeBases = ['group', 'households'] as const;
export type RepresentativeBasis = (typeof representativeBases)[number];

const memberFields = {
  name: text(40).min(1),
  gender: z.enum(['male', 'female']),
  /** The resident in the registry, when linked (their household counts for the roll). */
  residentId: id.nullable().default(null),
  /** 职务, e.g. 党支部书记、村委会主任、委员. */
  title: text(40).default(''),
  /** 党支部委员会委员 */
  branchCommittee: z.boolean().default(false),
  /** 村民委员会委员 */
  villagersCommittee: z.boolean().default(false),
  /** 党员 */
  partyMember: z.boolean().default(false),
  /** 正式党员 vote; 预备党员 and those under 留党察看 do not (基层组织选举工作条例 art. 5). */
  partyVoting: z.boolean().default(false),
  /** 村民代表 */
  representative: z.boolean().default(false),
  representativeBasis: z.enum(representativeBases).nullable().default(null),
  /** The villagers' group (an area of kind group) a representative stands for. */
  representativeGroupCode: groupCode.nullable().default(null),
  /** The households a representative stands for, when chosen per 5–15 households. */
  representedHouseholdIds: z.array(id).max(60).default([]),
};

export const DemocracyMemberCreateBody = z.strictObject({
  villageCode: areaCode,
  ...memberFields,
});
export type DemocracyMemberCreateBody = z.input<typeof DemocracyMemberCreateBody>;

export const DemocracyMemberUpdateBody = z.strictObject({
  version: RecordVersion,
  name: memberFields.name.optional(),
  gender: memberFields.gender.optional(),
  residentId: id.nullable().optional(),
  title: text(40).optional(),
  branchCommittee: z.boolean().optional(),
  villagersCommittee: z.boolean().optional(),
  partyMember: z.boolean().optional(),
  partyVoting: z.boolean().optional(),
  representative: z.boolean().optional(),
  representativeBasis: z.enum(representativeBases).nullable().optional(),
  representativeGroupCode: groupCode.nullable().optional(),
  representedHouseholdIds: z.array(id).max(60).optional(),
});
export type DemocracyMemberUpdateBody = z.infer<typeof DemocracyMemberUpdateBody>;

export const DemocracyMemberRemoveBody = z.strictObject({ version: RecordVersion });

export const DemocracyMembersQuery = z.strictObject({ villageCode: areaCode });

export const DemocracyMember = z.object({
  id: z.string(),
  villageCode: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  residentId: z.string().nullable(),
  title: z.string(),
  branchCommittee: z.boolean(),
  villagersCommittee: z.boolean(),
  partyMember: z.boolean(),
  partyVoting: z.boolean(),
  representative: z.boolean(),
  representativeBasis: z.enum(representativeBases).nullable(),
  representativeGroupCode: z.string().nullable(),
  representativeGroupName: z.string().nullable(),
  representedHouseholdIds: z.array(z.string()),
  /** Per-households representatives outside 5–15 households (art. 25). */
  householdsWarning: z.boolean(),
  version: z.number(),
});
export type DemocracyMember = z.infer<typeof DemocracyMember>;

export const DemocracyMembersResponse = z.object({ items: z.array(DemocracyMember) });

/** A share shown against its legal floor (the representatives' four fifths, the women's one third). */
export const CompositionShare = z.object({
  count: z.number(),
  of: z.number(),
  floor: Threshold,
  met: z.boolean(),
});

export const VillageBodies = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  /** Members of each body (the villagers' meeting: see `adults`). */
  bodies: z.array(
    z.object({
      body: z.enum(democracyBodies),
      /** Ids of the members sitting in it. */
      memberIds: z.array(z.string()),
      /** Of them, entitled to vote (the Party members' meeting: 正式党员 only). */
      entitled: z.number(),
    }),
  ),
  members: z.array(DemocracyMember),
  /** The representatives' meeting: representatives ≥ 4/5 of it, women ≥ 1/3 of the representatives (art. 25). */
  composition: z.object({
    representativesShare: CompositionShare,
    womenShare: CompositionShare,
  }),
  /** Residents aged 18+ and active today, and their households: the villagers' meeting as of now. */
  adults: z.number(),
  adultHouseholds: z.number(),
});
export type VillageBodies = z.infer<typeof VillageBodies>;

export const VillageBodiesParams = z.strictObject({ villageCode: areaCode });

/** The villagers' meeting's authorisation of the representatives' meeting for art. 24 matters. */
export const DemocracyAuthorisationCreateBody = z.strictObject({
  villageCode: areaCode,
  /** The date the villagers' meeting authorised it. */
  grantedOn: z.iso.date(),
  /** The villagers' meeting in the system that granted it, when recorded here. */
  grantedByMeetingId: z.uuid().nullable().default(null),
  /** Until when (the committee's term, usually); null: until revoked. */
  validUntil: z.iso.date().nullable().default(null),
  /** The art. 24 kinds covered; empty: every kind. */
  kinds: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Where the decision is written (minutes, a document number). */
  reference: text(500).min(1),
});
export type DemocracyAuthorisationCreateBody = z.input<typeof DemocracyAuthorisationCreateBody>;

export const DemocracyAuthorisation = z.object({
  id: z.string(),
  villageCode: z.string(),
  grantedOn: z.string(),
  grantedByMeetingId: z.string().nullable(),
  validUntil: z.string().nullable(),
  kinds: z.array(z.string()),
  reference: z.string(),
  createdAt: z.string(),
});
export type DemocracyAuthorisation = z.infer<typeof DemocracyAuthorisation>;

export const DemocracyAuthorisationsResponse = z.object({ items: z.array(DemocracyAuthorisation) });

/** A member on a meeting's roll, frozen when the meeting is noticed, with their attendance and vote. */
export const RollEntry = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  residentId: z.string().nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  householdId: z.string().nullable(),
  /** Entitled to vote (counts for the quorum and the majority). */
  entitled: z.boolean(),
  attendance: Attendance.nullable(),
  vote: z.enum(['for', 'against', 'abstain']).nullable(),
});
export type RollEntry = z.infer<typeof RollEntry>;
