import { z } from 'zod';
import { QueryFlag } from './query';
import { followUpAnswers, followUpStatuses, ratedParties } from './services';
import { RecordVersion } from './versions';

// 好差评: the resident's ratings of a delivered proxy request (the agent's service and the handling
// unit's result apart), the follow-up of each 差评, the services settings and the services figures.

const text = (max: number) => z.string().trim().max(max);
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const areaCode = z.string().regex(/^\d{6,15}$/);

/** The services settings (one for the district): the zod face of `ServiceSettings`. */
export const ServiceSettingsSchema = z.strictObject({
  followUpWorkingDays: z.number().int().min(1).max(60),
  paperRetentionDays: z.number().int().min(1).max(3650),
  ratingPeriodDays: z.number().int().min(1).max(90),
  warnWorkingDaysBefore: z.number().int().min(0).max(10),
});

/** A level of the national five (5 非常满意 … 1 非常不满意). */
export const RatingLevelSchema = z.number().int().min(1).max(5);

const rateFields = {
  /** The agent's service (代办员的服务). */
  agentLevel: RatingLevelSchema,
  /** The handling unit's result (办理单位的结果). */
  unitLevel: RatingLevelSchema,
  comment: text(500).default(''),
};

/** The resident rates on the public tracking page, with the tracking code and the phone's last four digits. */
export const PublicServiceRateBody = z.strictObject({
  trackingCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,16}$/),
  phoneLast4: z.string().regex(/^\d{4}$/),
  ...rateFields,
});
export type PublicServiceRateBody = z.input<typeof PublicServiceRateBody>;

/** The resident rates through a one-time link. */
export const ServiceRateBody = z.strictObject(rateFields);
export type ServiceRateBody = z.input<typeof ServiceRateBody>;

/** What the resident is told after rating: whether a 差评 opened a follow-up (answered within the period). */
export const ServiceRateResult = z.object({
  ratedAt: z.string(),
  agentLevel: z.number(),
  unitLevel: z.number(),
  /** The date by which a 差评 is answered to the resident; null without 差评. */
  followUpDueAt: z.string().nullable(),
});
export type ServiceRateResult = z.infer<typeof ServiceRateResult>;

export const ServiceRatingToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** A one-time rating link, made by the agent or the station after delivery (sent by SMS when possible). */
export const ServiceRatingLink = z.object({
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  /** Whether an SMS carried it to the resident's phone. */
  sent: z.boolean(),
});
export type ServiceRatingLink = z.infer<typeof ServiceRatingLink>;

/** What a one-time link shows before rating: the item and who handled it, no personal data. */
export const PublicServiceRatingView = z.object({
  itemName: z.string(),
  stationName: z.string(),
  unitName: z.string(),
  deliveredAt: z.string().nullable(),
  used: z.boolean(),
  expired: z.boolean(),
  /** The request was rated already (by tracking or another link). */
  rated: z.boolean(),
});
export type PublicServiceRatingView = z.infer<typeof PublicServiceRatingView>;

/** A rating as the console lists it. */
export const ServiceRating = z.object({
  id: z.string(),
  requestId: z.string(),
  trackingCode: z.string(),
  itemName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  agentLevel: z.number(),
  unitLevel: z.number(),
  comment: z.string().nullable(),
  /** 实名: made by the verified applicant (tracking code + phone, or the link sent to their phone). */
  named: z.boolean(),
  channel: z.enum(['tracking', 'link']),
  ratedAt: z.string(),
});
export type ServiceRating = z.infer<typeof ServiceRating>;

export const ServiceRatingsQuery = z.strictObject({
  areaCode: areaCode.optional(),
  stationId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  /** Only ratings with a 差评 (either party). */
  bad: QueryFlag.optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ServiceRatingsQuery = z.infer<typeof ServiceRatingsQuery>;
export const ServiceRatingsPage = z.object({ items: z.array(ServiceRating), total: z.number() });
export type ServiceRatingsPage = z.infer<typeof ServiceRatingsPage>;

/** The follow-up of one party's 差评. */
export const RatingFollowUp = z.object({
  id: z.string(),
  ratingId: z.string(),
  requestId: z.string(),
  trackingCode: z.string(),
  itemName: z.string(),
  party: z.enum(ratedParties),
  /** The 差评's level for this party (2 or 1). */
  level: z.number(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  applicantName: z.string(),
  phoneMasked: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  status: z.enum(followUpStatuses),
  dueAt: z.string(),
  /** Not answered (nor overturned) by its due date. */
  overdue: z.boolean(),
  calledBackAt: z.string().nullable(),
  callbackNote: z.string().nullable(),
  outcome: z.enum(followUpAnswers).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewRequestedAt: z.string().nullable(),
  reviewRequestedByName: z.string().nullable(),
  reviewDecision: z.enum(['upheld', 'overturned']).nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type RatingFollowUp = z.infer<typeof RatingFollowUp>;

export const RatingFollowUpsQuery = z.strictObject({
  status: z.enum(followUpStatuses).optional(),
  party: z.enum(ratedParties).optional(),
  overdue: QueryFlag.optional(),
  areaCode: areaCode.optional(),
  stationId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type RatingFollowUpsQuery = z.infer<typeof RatingFollowUpsQuery>;
export const RatingFollowUpsPage = z.object({
  items: z.array(RatingFollowUp),
  total: z.number(),
  /** Overdue follow-ups in the caller's reach (whatever the filters). */
  overdue: z.number(),
});
export type RatingFollowUpsPage = z.infer<typeof RatingFollowUpsPage>;

/** The call back to the resident (回访), with what was learnt. */
export const FollowUpCallbackBody = z.strictObject({ version: RecordVersion, note: text(1000).min(1) });
/** The answer to the resident: rectified or explained, with the text sent to them. */
export const FollowUpAnswerBody = z.strictObject({
  version: RecordVersion,
  outcome: z.enum(followUpAnswers),
  answer: text(2000).min(1),
});
/** The rated party contests the 差评 (申诉复核). */
export const FollowUpReviewRequestBody = z.strictObject({
  version: RecordVersion,
  reason: text(1000).min(1),
});
/** The station head (agent party) or the district (unit party) decides a review. */
export const FollowUpReviewDecisionBody = z.strictObject({
  version: RecordVersion,
  decision: z.enum(['upheld', 'overturned']),
  note: text(1000).min(1),
});

export const ServiceStatsQuery = z.strictObject({
  from: day,
  to: day,
  /** The area whose children are listed; the caller's own area when left out. */
  areaCode: areaCode.optional(),
});
export type ServiceStatsQuery = z.infer<typeof ServiceStatsQuery>;

/**
 * One line of the services figures. On-time rate = delivered by due_at / delivered. 好评率 counts
 * both parties: each rating gives two judgements (agent, unit); good = level ≥ 4; an overturned
 * 差评 drops out of both numerator and denominator. 差评整改率 = answered / follow-ups due
 * (answered, or open past their due date), overturned ones left out.
 */
export const ServiceStatsRow = z.object({
  key: z.string(),
  name: z.string(),
  requests: z.number(),
  delivered: z.number(),
  deliveredOnTime: z.number(),
  onTimeRate: z.number().nullable(),
  rated: z.number(),
  /** Judgements counted (two a rating, less the overturned 差评). */
  judgements: z.number(),
  good: z.number(),
  goodRate: z.number().nullable(),
  agentGoodRate: z.number().nullable(),
  unitGoodRate: z.number().nullable(),
  bad: z.number(),
  followUpsDue: z.number(),
  followUpsAnswered: z.number(),
  rectificationRate: z.number().nullable(),
});
export type ServiceStatsRow = z.infer<typeof ServiceStatsRow>;

export const ServiceStats = z.object({
  from: z.string(),
  to: z.string(),
  areaCode: z.string(),
  total: ServiceStatsRow,
  /** Per child area (the towns of the district, the villages of a town). */
  byArea: z.array(ServiceStatsRow),
  /** Per handling unit. */
  byUnit: z.array(ServiceStatsRow),
});
export type ServiceStats = z.infer<typeof ServiceStats>;
