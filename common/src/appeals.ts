import { z } from 'zod';
import { QueryFlag } from './query';
import { RecordVersion } from './versions';

/** Where an appeal came in (来源渠道). */
export const appealChannels = [
  'visit',
  'hotline',
  'reception_day',
  'letter',
  'public_page',
  'cppcc_report',
  'hotline_12345',
  'screening',
  'other',
] as const;
export type AppealChannel = (typeof appealChannels)[number];

/**
 * What another module turned into an appeal through `submitAppeal`: the appeal links back to it,
 * and the source keeps the appeal's id (an objection to a notice, a 代办 request that reveals a
 * problem, a CPPCC member's 社情民意 report, an early warning, a visit's finding).
 */
export const appealSourceKinds = [
  'notice_objection',
  'proxy_request',
  'cppcc_report',
  'warning',
  'visit',
  'screening',
  /** A service request of an Open311 GeoReport v2 client (`modules/open311`). */
  'open311',
  /** A work order of a city 12345 hotline system (`modules/open311`, hotline). */
  'hotline_12345',
] as const;
export type AppealSourceKind = (typeof appealSourceKinds)[number];

/** 快、缓: how fast an appeal must be solved; the deadlines are settings. */
export const appealUrgencies = ['urgent', 'normal', 'complex'] as const;
export type AppealUrgency = (typeof appealUrgencies)[number];

/** The three levels of the problem repository (三级问题库). */
export const appealLevels = ['village', 'town', 'district'] as const;
export type AppealLevel = (typeof appealLevels)[number];

export const appealStatuses = [
  'received',
  'accepted',
  'in_progress',
  'deferred',
  'resolved',
  'closed',
  'returned',
  'reopened',
  'merged',
] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/** Statuses in which someone still has to act: they count for deadlines and escalation. */
export const openAppealStatuses: readonly AppealStatus[] = [
  'received',
  'accepted',
  'in_progress',
  'deferred',
  'reopened',
];

export const appealRatings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type AppealRating = (typeof appealRatings)[number];

export const reporterKinds = ['resident', 'person', 'anonymous'] as const;

/** The actions a handler takes on an appeal; each is one transition on the timeline. */
export const appealActions = [
  'accept',
  'start',
  'assign',
  'escalate',
  'send_down',
  'return',
  'defer',
  'approve_deferral',
  'reject_deferral',
  'resolve',
  'merge',
  'note',
] as const;
export type AppealAction = (typeof appealActions)[number];

export const appealEventKinds = [
  'submitted',
  ...appealActions,
  'auto_escalate',
  'warn_response',
  'warn_resolution',
  'callback',
  'rated',
  'reopened',
  'closed',
  // Routed to a handling unit (a department, a station): its staff now see the appeal.
  'routed',
  // Dispatch (派单): handed to a lead unit and co-units, accepted, returned and decided on, a
  // co-unit's part, the warning when late, supervision (督办) when overdue.
  'dispatched',
  'dispatch_accepted',
  'dispatch_returned',
  'redispatched',
  'dispatch_overruled',
  'dispatch_part',
  'dispatch_warned',
  'supervised',
  // 吹哨报到: the town blew the whistle on it; a named department reported.
  'whistled',
  'whistle_reported',
] as const;
export type AppealEventKind = (typeof appealEventKinds)[number];

/**
 * The lifecycle: which action may be taken in which status, and where it leads.
 * `null` keeps the status as it is. Everything else is refused with APPEAL_STATE_INVALID.
 */
export const appealTransitions: Record<AppealAction, Partial<Record<AppealStatus, AppealStatus | null>>> = {
  accept: { received: 'accepted', reopened: 'accepted' },
  start: { accepted: 'in_progress', reopened: 'in_progress' },
  assign: { received: null, accepted: null, in_progress: null, deferred: null, reopened: null },
  escalate: { received: null, accepted: null, in_progress: null, reopened: null },
  send_down: { received: null, accepted: null, in_progress: null, reopened: null },
  return: { received: 'returned' },
  defer: { accepted: null, in_progress: null, reopened: null },
  approve_deferral: { accepted: 'deferred', in_progress: 'deferred', reopened: 'deferred' },
  reject_deferral: { accepted: null, in_progress: null, reopened: null },
  resolve: {
    received: 'resolved',
    accepted: 'resolved',
    in_progress: 'resolved',
    deferred: 'resolved',
    reopened: 'resolved',
  },
  merge: { received: 'merged', accepted: 'merged', in_progress: 'merged', reopened: 'merged' },
  note: {
    received: null,
    accepted: null,
    in_progress: null,
    deferred: null,
    resolved: null,
    reopened: null,
    closed: null,
  },
};

export function nextAppealStatus(action: AppealAction, status: AppealStatus): AppealStatus | undefined {
  const rule = appealTransitions[action];
  if (!(status in rule)) return undefined;
  return rule[status] ?? status;
}

export const appealPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);

const text = (max: number) => z.string().trim().max(max);

export const AppealCreateBody = z
  .strictObject({
    /** Client-made UUID: a retried submission is recognized. */
    id: z.uuid().optional(),
    channel: z.enum(appealChannels),
    categoryCode: z.string().trim().min(1).max(40),
    urgency: z.enum(appealUrgencies).optional(),
    /** The village the matter is in. */
    villageCode: z
      .string()
      .trim()
      .regex(/^\d{12}$/),
    address: text(200).default(''),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    title: text(60).min(1),
    description: text(4000).min(1),
    reporterKind: z.enum(reporterKinds),
    /** A resident from the registry. */
    reporterResidentId: z.uuid().nullable().default(null),
    householdId: z.uuid().nullable().default(null),
    reporterName: text(40).nullable().default(null),
    reporterPhone: appealPhone.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.reporterKind === 'resident' && !body.reporterResidentId) {
      ctx.addIssue({ code: 'custom', path: ['reporterResidentId'], message: 'appeal.reporterResident' });
    }
    if (body.reporterKind === 'person' && (!body.reporterName || !body.reporterPhone)) {
      ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: 'appeal.reporterPerson' });
    }
  });
export type AppealCreateBody = z.infer<typeof AppealCreateBody>;

export const AppealIdParams = z.strictObject({ id: z.uuid() });

const versioned = { version: RecordVersion };
const reason = text(1000).min(1);

export const AppealActionBodies = {
  accept: z.strictObject({ ...versioned, note: text(1000).default('') }),
  start: z.strictObject({ ...versioned, note: text(1000).default('') }),
  assign: z.strictObject({ ...versioned, handlerId: z.uuid(), note: text(1000).default('') }),
  escalate: z.strictObject({ ...versioned, reason }),
  send_down: z.strictObject({ ...versioned, reason }),
  return: z.strictObject({ ...versioned, reason }),
  defer: z.strictObject({
    ...versioned,
    reason,
    plannedDate: z.iso.date(),
  }),
  approve_deferral: z.strictObject({ ...versioned, note: text(1000).default('') }),
  reject_deferral: z.strictObject({ ...versioned, note: text(1000).default('') }),
  resolve: z.strictObject({ ...versioned, resolution: text(4000).min(1) }),
  merge: z.strictObject({ ...versioned, intoId: z.uuid(), note: text(1000).default('') }),
  note: z.strictObject({ ...versioned, note: text(1000).min(1), public: z.boolean().default(false) }),
} satisfies Record<AppealAction, z.ZodType>;
export type AppealActionBody<A extends AppealAction> = z.infer<(typeof AppealActionBodies)[A]>;

export const AppealEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(appealEventKinds),
  actorName: z.string().nullable(),
  fromStatus: z.enum(appealStatuses).nullable(),
  toStatus: z.enum(appealStatuses).nullable(),
  fromLevel: z.enum(appealLevels).nullable(),
  toLevel: z.enum(appealLevels).nullable(),
  note: z.string().nullable(),
  public: z.boolean(),
});
export type AppealEvent = z.infer<typeof AppealEvent>;

export const AppealSummary = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  channel: z.enum(appealChannels),
  urgency: z.enum(appealUrgencies),
  status: z.enum(appealStatuses),
  level: z.enum(appealLevels),
  villageCode: z.string(),
  villageName: z.string(),
  holderAreaCode: z.string(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  receivedAt: z.string(),
  responseDueAt: z.string(),
  resolutionDueAt: z.string(),
  /** A deadline has passed with the appeal still open. */
  overdue: z.boolean(),
  deferralPending: z.boolean(),
  rating: z.enum(appealRatings).nullable(),
  version: z.number(),
});
export type AppealSummary = z.infer<typeof AppealSummary>;

export const attachmentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** Per file; larger uploads are refused with 413. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_APPEAL = 10;

export const AppealAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(attachmentTypes),
  size: z.number(),
  createdAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type AppealAttachment = z.infer<typeof AppealAttachment>;

export const AttachmentUploadQuery = z.strictObject({ fileName: z.string().trim().min(1).max(120) });

export const Appeal = AppealSummary.extend({
  description: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  reporterKind: z.enum(reporterKinds),
  reporterName: z.string().nullable(),
  /** Masked (138****5678). */
  reporterPhone: z.string().nullable(),
  reporterResidentId: z.string().nullable(),
  householdId: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedLevel: z.enum(appealLevels).nullable(),
  maxLevel: z.enum(appealLevels),
  deferral: z.object({ reason: z.string(), plannedDate: z.string(), approved: z.boolean() }).nullable(),
  mergedIntoId: z.string().nullable(),
  /** What another module turned into this appeal (submitAppeal), if anything. */
  source: z.object({ kind: z.enum(appealSourceKinds), id: z.string() }).nullable(),
  /** The mediation (调解) of this dispute, if one was opened. */
  mediationId: z.string().nullable(),
  reopenCount: z.number(),
  ratingComment: z.string().nullable(),
  callback: z
    .object({
      id: z.string(),
      dueAt: z.string(),
      doneAt: z.string().nullable(),
      doneByName: z.string().nullable(),
      rating: z.enum(appealRatings).nullable(),
      comment: z.string().nullable(),
    })
    .nullable(),
  timeline: z.array(AppealEvent),
  attachments: z.array(AppealAttachment),
  /** What the caller may do now (the console shows these buttons). */
  actions: z.array(z.enum([...appealActions, 'callback'])),
});
export type Appeal = z.infer<typeof Appeal>;

export const appealQueues = ['all', 'mine', 'unassigned', 'overdue', 'deferral_pending'] as const;

export const AppealsListQuery = z.strictObject({
  /** Only appeals held at this level. */
  level: z.enum(appealLevels).optional(),
  status: z.enum([...appealStatuses, 'open']).optional(),
  queue: z.enum(appealQueues).default('all'),
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  categoryCode: z.string().max(40).optional(),
  householdId: z.uuid().optional(),
  /** Handled by this cadre (the dashboard's cadre table); nothing when outside the caller's area. */
  handlerId: z.uuid().optional(),
  q: z.string().trim().max(60).optional(),
  // The filters behind the dashboard's figures, each the same condition the dashboard counts.
  /** Received on or after this China calendar day. */
  receivedFrom: z.iso.date().optional(),
  /** Received on or before this China calendar day (inclusive). */
  receivedTo: z.iso.date().optional(),
  /** Ever held at this level or above (town: town or district). */
  reachedLevel: z.enum(['town', 'district']).optional(),
  /** Resolved while held at this level. */
  resolvedLevel: z.enum(appealLevels).optional(),
  /** Accepted, or returned with an answer (响应). */
  responded: QueryFlag.optional(),
  /** Resolved (办结), closed or not. */
  resolved: QueryFlag.optional(),
  /** Resolved by the resolution deadline in force. */
  onTime: QueryFlag.optional(),
  /** Rated by the resident at the callback. */
  rated: QueryFlag.optional(),
  /** Rated satisfied or basically satisfied. */
  satisfied: QueryFlag.optional(),
  /** Merged into another appeal as its duplicate (the dashboard leaves these out). */
  merged: QueryFlag.optional(),
  /** `true`: the answer carries `total`, the number of appeals matching (ask on the first page). */
  withTotal: QueryFlag.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type AppealsListQuery = z.infer<typeof AppealsListQuery>;

export const AppealsPage = z.object({
  items: z.array(AppealSummary),
  nextCursor: z.string().nullable(),
  /** The number of appeals matching, when asked for with `withTotal=true`; otherwise null. */
  total: z.number().nullable(),
});
export type AppealsPage = z.infer<typeof AppealsPage>;

export const SimilarAppealsQuery = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/),
  categoryCode: z.string().max(40),
  text: z.string().trim().min(1).max(4000),
  excludeId: z.uuid().optional(),
});

export const SimilarAppeal = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  status: z.enum(appealStatuses),
  receivedAt: z.string(),
  /** 0 … 1: Dice coefficient over character bigrams. */
  similarity: z.number(),
});
export type SimilarAppeal = z.infer<typeof SimilarAppeal>;
