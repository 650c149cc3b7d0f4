import { z } from 'zod';
import { attachmentTypes } from './appeals';
import { RollEntry } from './democracy';
import { Attendance, deliberationSteps, democracyBodies, QuorumState } from './democracy-rules';
import { RecordVersion } from './versions';

// Matters (议题) and the meetings that deliberate them (四议), then the two publicities (两公开).

const text = (max: number) => z.string().trim().max(max);
const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);

/**
 * What a matter is about: the list of 村民委员会组织法 (2018) art. 24, which the villagers' meeting
 * decides (or the representatives' meeting it authorised), and "other".
 */
export const matterKinds = [
  /** 享受误工补贴的人员及补贴标准 */
  'allowances',
  /** 从村集体经济所得收益的使用 */
  'collective_income',
  /** 公益事业的兴办和筹资筹劳方案及建设承包方案 */
  'public_welfare',
  /** 土地承包经营方案 */
  'land_contracting',
  /** 村集体经济项目的立项、承包方案 */
  'collective_projects',
  /** 宅基地的使用方案 */
  'homesteads',
  /** 征地补偿费的使用、分配方案 */
  'land_compensation',
  /** 以借贷、租赁或者其他方式处分村集体财产 */
  'collective_property',
  /** 村民会议认为应当由村民会议讨论决定的涉及村民利益的其他事项 */
  'villagers_interest',
  'other',
] as const;
export type MatterKind = (typeof matterKinds)[number];

/** The art. 24 kinds: none of the four deliberations may be skipped. */
export const article24Kinds = matterKinds.filter((kind) => kind !== 'other');
export const isArticle24 = (kind: MatterKind): boolean => kind !== 'other';

/**
 * Where a matter stands: the four deliberations in order, then adopted (resolution to publish),
 * carrying out (resolution published), result published, closed; or rejected / withdrawn.
 */
export const matterStatuses = [
  'proposing',
  'consulting',
  'reviewing',
  'deciding',
  'adopted',
  'carrying_out',
  'result_published',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type MatterStatus = (typeof matterStatuses)[number];

export const meetingStatuses = ['scheduled', 'decided', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** A meeting's outcome; `adjourned` (流会): no quorum, nothing decided. */
export const meetingOutcomes = ['adopted', 'rejected', 'sent_back', 'adjourned'] as const;
export type MeetingOutcome = (typeof meetingOutcomes)[number];

export const voteChoices = ['for', 'against', 'abstain'] as const;
export const Money = z.number().min(0).max(1_000_000_000_000).multipleOf(0.01);

export const MatterCreateBody = z.strictObject({
  /** Client-made UUID: a retried create is recognized. */
  id: z.uuid().optional(),
  villageCode: areaCode,
  title: text(120).min(1),
  description: text(10_000).min(1),
  kind: z.enum(matterKinds),
  /** Yuan; null when not about money. */
  estimatedAmount: Money.nullable().default(null),
});
export type MatterCreateBody = z.input<typeof MatterCreateBody>;

export const MatterUpdateBody = z.strictObject({
  version: RecordVersion,
  title: text(120).min(1).optional(),
  description: text(10_000).min(1).optional(),
  kind: z.enum(matterKinds).optional(),
  estimatedAmount: Money.nullable().optional(),
});
export type MatterUpdateBody = z.infer<typeof MatterUpdateBody>;

export const MatterVersionBody = z.strictObject({ version: RecordVersion });

/** Skipping a deliberation: never for an art. 24 kind; the reason is kept. */
export const MatterSkipBody = z.strictObject({ version: RecordVersion, reason: text(500).min(1) });

export const MatterWithdrawBody = z.strictObject({ version: RecordVersion, reason: text(500).min(1) });

/** The resolution (决议公开) or the result (实施结果公开) as published on the village's board. */
export const MatterPublishBody = z.strictObject({
  version: RecordVersion,
  /** The text; the vote counts and the meeting are added by the server. */
  body: text(10_000).min(1),
});

export const MatterTaskCreateBody = z.strictObject({
  title: text(200).min(1),
  dueOn: z.iso.date().nullable().default(null),
  assignee: text(40).default(''),
});
export const MatterTaskUpdateBody = z.strictObject({
  title: text(200).min(1).optional(),
  dueOn: z.iso.date().nullable().optional(),
  assignee: text(40).optional(),
  done: z.boolean().optional(),
});
export type MatterTaskUpdateBody = z.infer<typeof MatterTaskUpdateBody>;

export const MatterSpendingCreateBody = z.strictObject({
  amount: Money.positive(),
  spentOn: z.iso.date(),
  note: text(500).min(1),
});

export const matterAttachmentPurposes = ['document', 'photo'] as const;
export const MatterAttachmentQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(120),
  /** A document of the proposal, or a photo of the carrying out. */
  purpose: z.enum(matterAttachmentPurposes).default('document'),
});

export const MattersListQuery = z.strictObject({
  /** A village, or a town (its villages); default the caller's whole reach. */
  areaCode: areaCode.optional(),
  status: z.enum(matterStatuses).optional(),
  kind: z.enum(matterKinds).optional(),
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type MattersListQuery = z.infer<typeof MattersListQuery>;

export const MatterSummary = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  title: z.string(),
  kind: z.enum(matterKinds),
  estimatedAmount: z.number().nullable(),
  status: z.enum(matterStatuses),
  /** The next deliberation to hold while deliberating, else null. */
  step: z.enum(deliberationSteps).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type MatterSummary = z.infer<typeof MatterSummary>;

export const MattersPage = z.object({ items: z.array(MatterSummary), total: z.number() });

export const MatterStep = z.object({
  step: z.enum(deliberationSteps),
  /** The meeting that took the step (adopted), or null while not taken or when skipped. */
  meetingId: z.string().nullable(),
  heldAt: z.string().nullable(),
  skipped: z.boolean(),
  skipReason: z.string().nullable(),
  /** Meetings held for this step, including adjourned and sent back ones. */
  meetings: z.number(),
});

export const MatterTask = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  assignee: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});
export type MatterTask = z.infer<typeof MatterTask>;

export const MatterSpending = z.object({
  id: z.string(),
  amount: z.number(),
  spentOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
});

export const MatterAttachment = z.object({
  id: z.string(),
  purpose: z.enum(matterAttachmentPurposes),
  fileName: z.string(),
  contentType: z.enum(attachmentTypes),
  size: z.number(),
  createdAt: z.string(),
});
export type MatterAttachment = z.infer<typeof MatterAttachment>;

export const Matter = MatterSummary.extend({
  description: z.string(),
  steps: z.array(MatterStep),
  /** The deciding meeting's vote (for the resolution notice). */
  decision: z
    .object({
      meetingId: z.string(),
      body: z.enum(democracyBodies),
      for: z.number(),
      against: z.number(),
      abstain: z.number(),
    })
    .nullable(),
  resolutionNoticeId: z.string().nullable(),
  resultNoticeId: z.string().nullable(),
  tasks: z.array(MatterTask),
  spendings: z.array(MatterSpending),
  spent: z.number(),
  attachments: z.array(MatterAttachment),
  withdrawReason: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Matter = z.infer<typeof Matter>;

export const MeetingCreateBody = z.strictObject({
  id: z.uuid().optional(),
  matterId: z.uuid(),
  body: z.enum(democracyBodies),
  /** When it is held (or was). */
  heldAt: z.iso.datetime({ offset: true }),
  place: text(120).min(1),
  /** The China date notice was given; the roll is fixed as of that date. */
  noticeDate: z.iso.date(),
  agenda: text(5000).min(1),
});
export type MeetingCreateBody = z.input<typeof MeetingCreateBody>;

export const MeetingAttendanceBody = z.strictObject({
  version: RecordVersion,
  entries: z
    .array(z.strictObject({ rollId: z.string().trim().min(1).max(64), attendance: Attendance.nullable() }))
    .min(1)
    .max(5000),
});
export type MeetingAttendanceBody = z.infer<typeof MeetingAttendanceBody>;

export const MeetingDecisionBody = z.strictObject({
  version: RecordVersion,
  /** `vote`: the server counts the outcome; `send_back`: returned to the proposer; `adjourn`: no quorum (流会). */
  decision: z.enum(['vote', 'send_back', 'adjourn']),
  votes: z
    .strictObject({
      for: z.number().int().min(0).max(100_000),
      against: z.number().int().min(0).max(100_000),
      abstain: z.number().int().min(0).max(100_000),
    })
    .nullable()
    .default(null),
  /** Optional per-member record; when given the counts must match it. */
  perMember: z
    .array(z.strictObject({ rollId: z.string().trim().min(1).max(64), vote: z.enum(voteChoices) }))
    .max(5000)
    .nullable()
    .default(null),
  minutes: text(20_000).min(1),
});
export type MeetingDecisionBody = z.input<typeof MeetingDecisionBody>;

export const MeetingCancelBody = z.strictObject({ version: RecordVersion, reason: text(500).min(1) });
export type MeetingCancelBody = z.infer<typeof MeetingCancelBody>;

export const MeetingsListQuery = z.strictObject({
  areaCode: areaCode.optional(),
  matterId: z.uuid().optional(),
  body: z.enum(democracyBodies).optional(),
  status: z.enum(meetingStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type MeetingsListQuery = z.infer<typeof MeetingsListQuery>;

export const MeetingSummary = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  matterId: z.string(),
  matterTitle: z.string(),
  body: z.enum(democracyBodies),
  step: z.enum(deliberationSteps),
  heldAt: z.string(),
  place: z.string(),
  noticeDate: z.string(),
  status: z.enum(meetingStatuses),
  outcome: z.enum(meetingOutcomes).nullable(),
  version: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingsPage = z.object({ items: z.array(MeetingSummary), total: z.number() });

export const Meeting = MeetingSummary.extend({
  agenda: z.string(),
  /** Whole days between the notice date and the meeting's date (China dates). */
  noticeDays: z.number(),
  /** The villagers' meeting: whether the notice was long enough to decide (ten days); else null. */
  noticeSufficient: z.boolean().nullable(),
  /** A representatives' meeting on an art. 24 matter: the authorisation it decides under. */
  authorisationId: z.string().nullable(),
  roll: z.array(RollEntry),
  quorum: QuorumState,
  votes: z.object({ for: z.number(), against: z.number(), abstain: z.number() }).nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

export const DemocracyStatsQuery = z.strictObject({
  /** A town (its villages) or the district (its towns); default the caller's area. */
  areaCode: areaCode.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

export const DemocracyStatsRow = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  /** Matters closed in the period, and of them those through all four meetings and both publicities. */
  closed: z.number(),
  fullProcess: z.number(),
  /** Matters open now (neither closed, rejected nor withdrawn). */
  open: z.number(),
  /** Open matters with no change for 30 days. */
  stuck: z.number(),
  /** Meetings whose outcome was recorded in the period, and of them adjourned for want of a quorum. */
  meetings: z.number(),
  adjourned: z.number(),
});
export type DemocracyStatsRow = z.infer<typeof DemocracyStatsRow>;

export const DemocracyStatsResponse = z.object({ rows: z.array(DemocracyStatsRow) });

/** Days without a change after which an open matter counts as stuck. */
export const MATTER_STUCK_DAYS = 30;
export const MATTER_ATTACHMENTS_MAX = 20;
