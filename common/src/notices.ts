import { z } from 'zod';
import { attachmentTypes } from './appeals';
import { PhoneProof } from './verification';
import { RecordVersion } from './versions';
import { type PeriodUnit, periodUnits } from './working-days';

// Public notices (公示): what a village, a town or the district makes public for a period during
// which residents may comment or object. Village democracy, social programmes and services
// publish through this one domain.

/** What a notice is about. */
export const noticeKinds = [
  /** 村务公开 */
  'village_affairs',
  /** 决议公开: a villagers' meeting's resolution (四议两公开). */
  'resolution',
  /** 项目公示 */
  'project',
  /** 低保/救助名单公示 */
  'subsidy_list',
  /** 财务公开 */
  'finance',
  /** 土地事项公示: land contracting, homesteads, land compensation (村民委员会组织法 art. 24). */
  'land_matter',
  /** 实施结果公开: the result of carrying out a resolution (四议两公开). */
  'result',
  'other',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeStatuses = ['draft', 'published', 'closed', 'withdrawn'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/** How a period is counted: calendar days, or working days of the district's calendar. */
export const noticePeriodUnits = periodUnits;
export type NoticePeriodUnit = PeriodUnit;

/** Whether residents may write during the period: not at all, under their name, or also anonymously. */
export const noticeCommentModes = ['closed', 'named', 'anonymous'] as const;
export type NoticeCommentMode = (typeof noticeCommentModes)[number];

/** How a notice ended: nobody objected, or every objection was answered or became an appeal. */
export const noticeOutcomes = ['no_objection', 'objections_handled'] as const;
export type NoticeOutcome = (typeof noticeOutcomes)[number];

export const noticeCommentKinds = ['comment', 'objection'] as const;
export type NoticeCommentKind = (typeof noticeCommentKinds)[number];

export const NOTICE_MAX_PERIOD_DAYS = 90;
export const NOTICE_ATTACHMENTS_MAX = 10;

/**
 * The period a kind of notice gets unless its publisher sets another: seven days, as the 低保
 * rules (《最低生活保障审核确认办法》 art. 19) and common village practice ask.
 */
export const defaultNoticePeriods: Record<NoticeKind, { days: number; unit: NoticePeriodUnit }> = {
  village_affairs: { days: 7, unit: 'calendar_days' },
  resolution: { days: 7, unit: 'calendar_days' },
  project: { days: 7, unit: 'calendar_days' },
  subsidy_list: { days: 7, unit: 'calendar_days' },
  finance: { days: 7, unit: 'calendar_days' },
  land_matter: { days: 7, unit: 'calendar_days' },
  result: { days: 7, unit: 'calendar_days' },
  other: { days: 7, unit: 'calendar_days' },
};

const text = (max: number) => z.string().trim().max(max);
const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);

const noticeFields = {
  kind: z.enum(noticeKinds),
  title: text(120).min(1),
  body: text(20_000).min(1),
  /** Where the notice applies: a village, a town or the district. */
  areaCode,
  /** The handling unit that publishes it, when not the area's committee or government itself. */
  publisherUnitId: z.string().trim().min(1).max(64).nullable().default(null),
  /** When the period begins; null: when the notice is published. */
  startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Null: the kind's default. */
  periodDays: z.number().int().min(1).max(NOTICE_MAX_PERIOD_DAYS).nullable().default(null),
  periodUnit: z.enum(noticePeriodUnits).nullable().default(null),
  commentMode: z.enum(noticeCommentModes).default('named'),
};

export const NoticeCreateBody = z.strictObject({
  /** Client-made UUID: a retried create is recognized. */
  id: z.uuid().optional(),
  ...noticeFields,
});
export type NoticeCreateBody = z.input<typeof NoticeCreateBody>;

export const NoticeUpdateBody = z.strictObject({
  version: RecordVersion,
  kind: noticeFields.kind.optional(),
  title: noticeFields.title.optional(),
  body: noticeFields.body.optional(),
  publisherUnitId: z.string().trim().min(1).max(64).nullable().optional(),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  periodDays: z.number().int().min(1).max(NOTICE_MAX_PERIOD_DAYS).nullable().optional(),
  periodUnit: z.enum(noticePeriodUnits).nullable().optional(),
  commentMode: z.enum(noticeCommentModes).optional(),
});
export type NoticeUpdateBody = z.infer<typeof NoticeUpdateBody>;

export const NoticeVersionBody = z.strictObject({ version: RecordVersion });

export const NoticeCloseBody = z.strictObject({
  version: RecordVersion,
  outcome: z.enum(noticeOutcomes),
  /** What came of the objections, in a sentence for the public page. */
  note: text(2000).default(''),
});

export const NoticeWithdrawBody = z.strictObject({ version: RecordVersion, reason: text(500).min(1) });

export const NoticeAnswerBody = z.strictObject({ answer: text(2000).min(1) });

/** The appeal an objection becomes: what it is about, and the village when the notice is a town's or the district's. */
export const NoticeToAppealBody = z.strictObject({
  categoryCode: z.string().trim().min(1).max(40),
  villageCode: areaCode.nullable().default(null),
});

export const NoticesListQuery = z.strictObject({
  status: z.enum(noticeStatuses).optional(),
  kind: z.enum(noticeKinds).optional(),
  areaCode: areaCode.optional(),
  q: z.string().trim().max(60).optional(),
  /** Only published notices whose period has ended and that are not closed yet. */
  awaitingClose: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type NoticesListQuery = z.infer<typeof NoticesListQuery>;

export const NoticeAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(attachmentTypes),
  size: z.number(),
  createdAt: z.string(),
});
export type NoticeAttachment = z.infer<typeof NoticeAttachment>;

export const NoticeSummary = z.object({
  id: z.string(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  publisherUnitId: z.string().nullable(),
  publisherName: z.string(),
  status: z.enum(noticeStatuses),
  startsAt: z.string().nullable(),
  periodDays: z.number(),
  periodUnit: z.enum(noticePeriodUnits),
  endsAt: z.string().nullable(),
  commentMode: z.enum(noticeCommentModes),
  outcome: z.enum(noticeOutcomes).nullable(),
  comments: z.number(),
  objections: z.number(),
  /** Objections neither answered nor turned into an appeal. */
  openObjections: z.number(),
  createdAt: z.string(),
  version: z.number(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const NoticeComment = z.object({
  id: z.string(),
  kind: z.enum(noticeCommentKinds),
  body: z.string(),
  authorName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  appealId: z.string().nullable(),
  appealTrackingCode: z.string().nullable(),
});
export type NoticeComment = z.infer<typeof NoticeComment>;

export const Notice = NoticeSummary.extend({
  body: z.string(),
  closingNote: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  attachments: z.array(NoticeAttachment),
  commentsList: z.array(NoticeComment),
});
export type Notice = z.infer<typeof Notice>;

export const NoticesPage = z.object({ items: z.array(NoticeSummary), total: z.number() });

// The residents' side: no login, nothing personal.

export const PublicNoticesQuery = z.strictObject({ villageCode: areaCode });

export const PublicNoticeSummary = z.object({
  id: z.string(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  publisherName: z.string(),
  status: z.enum(['published', 'closed']),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** Comments and objections are taken now. */
  open: z.boolean(),
});
export type PublicNoticeSummary = z.infer<typeof PublicNoticeSummary>;

export const PublicNoticeAnswer = z.object({
  kind: z.enum(noticeCommentKinds),
  body: z.string(),
  /** Surname and 某 (张某), or null when anonymous. */
  authorName: z.string().nullable(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** The objection became an appeal and is being handled as one. */
  toAppeal: z.boolean(),
});

export const PublicNotice = PublicNoticeSummary.extend({
  body: z.string(),
  commentMode: z.enum(noticeCommentModes),
  outcome: z.enum(noticeOutcomes).nullable(),
  closingNote: z.string().nullable(),
  attachments: z.array(NoticeAttachment),
  /** Objections and comments the publisher answered in public, or turned into appeals. */
  answers: z.array(PublicNoticeAnswer),
  comments: z.number(),
  objections: z.number(),
});
export type PublicNotice = z.infer<typeof PublicNotice>;

export const PublicNoticeCommentBody = z.strictObject({
  kind: z.enum(noticeCommentKinds),
  body: text(1000).min(1),
  /** Required for an objection and in a named notice. */
  name: text(20).min(1).nullable().default(null),
  /** The verification proof of the resident's phone; required with a name. */
  proof: PhoneProof.nullable().default(null),
  /** A field people never see: bots fill it. */
  website: z.string().max(200).optional(),
});
export type PublicNoticeCommentBody = z.input<typeof PublicNoticeCommentBody>;

export const PublicNoticeCommentResponse = z.object({
  id: z.string(),
  kind: z.enum(noticeCommentKinds),
  createdAt: z.string(),
});

/** 张三 → 张某; compound surnames keep both characters (欧阳明 → 欧阳某). */
export function maskedAuthorName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '某';
  const surname = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s) && trimmed.length > s.length);
  return `${surname ?? Array.from(trimmed)[0]}某`;
}

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
];

/** The village page's section (`notices`): the open notices of the village, its town and the district. */
export const NoticesVillageSection = z.object({ items: z.array(PublicNoticeSummary) });
export type NoticesVillageSection = z.infer<typeof NoticesVillageSection>;
