import { z } from 'zod';
import { RecordVersion } from './versions';

// Early warning (预警): safety words flagged the moment an appeal is recorded, and the periodic
// scan for clusters of similar appeals, repeat appeals by one resident, collective appeals and
// risk words — each a warning with its evidence (the appeals), acknowledged, handled and closed.

/** What raised a warning. */
export const warningKinds = [
  /** 安全词: an appeal speaking of self-harm, violence at home, gas… — flagged at intake. */
  'safety',
  /** Similar appeals of one category in one village or neighbouring villages (one town). */
  'cluster',
  /** Several households of one village on one matter (集体诉求). */
  'collective',
  /** One resident appealing again and again (重复诉求). */
  'repeat',
  /** Words of disputes likely to escalate (聚集, 讨薪, 拆迁, 围堵…). */
  'risk',
] as const;
export type WarningKind = (typeof warningKinds)[number];

export const warningSeverities = ['high', 'medium', 'low'] as const;
export type WarningSeverity = (typeof warningSeverities)[number];

export const warningStatuses = ['open', 'acknowledged', 'handled', 'closed'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

/** Statuses that still ask for someone to act; a grown cluster updates such a warning. */
export const activeWarningStatuses: readonly WarningStatus[] = ['open', 'acknowledged', 'handled'];

/**
 * Words that must never be risk words: under the 信访工作条例 (2022, art. 4 and 47) no one may
 * obstruct or retaliate against a petitioner, so petitioning itself is no sign of risk.
 */
export const petitionWords = ['上访', '信访', '进京访', '越级访', '访民', '投诉'] as const;

const word = z.string().trim().min(1).max(20);

export const WarningSettings = z.object({
  /** Flag an appeal urgent at intake and notify the town head and the duty officer. */
  safetyWords: z.array(word).max(100),
  /** Words of disputes likely to escalate; never words about petitioning. */
  riskWords: z
    .array(word)
    .max(100)
    .refine((words) => !words.some((w) => petitionWords.some((p) => w.includes(p) || p.includes(w))), {
      message: 'petitioning is a right, not a risk (信访工作条例 2022)',
    }),
  /** A cluster is at least this many similar appeals… */
  clusterMinAppeals: z.number().int().min(2).max(100),
  /** …received within this many days. */
  clusterDays: z.number().int().min(1).max(90),
  /** How alike two appeals must read (Dice over character bigrams, as the similar-appeal check). */
  similarity: z.number().min(0.1).max(1),
  /** Several households of one village on one matter: at least this many households. */
  collectiveMinHouseholds: z.number().int().min(2).max(100),
  /** One resident with at least this many appeals… */
  repeatMinAppeals: z.number().int().min(2).max(50),
  /** …within this many days. */
  repeatDays: z.number().int().min(1).max(90),
  /** The district's duty officer(s) as the outbox names them (值班员); a safety word notifies them. */
  dutyOfficer: z.string().trim().min(1).max(40),
});
export type WarningSettings = z.infer<typeof WarningSettings>;

export const defaultWarningSettings: WarningSettings = {
  safetyWords: ['轻生', '自杀', '跳楼', '喝农药', '家暴', '煤气', '不想活', '寻短见'],
  riskWords: ['聚集', '讨薪', '拆迁', '围堵', '堵路', '集体停工'],
  clusterMinAppeals: 3,
  clusterDays: 7,
  similarity: 0.3,
  collectiveMinHouseholds: 3,
  repeatMinAppeals: 3,
  repeatDays: 30,
  dutyOfficer: '区值班员',
};

const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);
const isoInstant = z.iso.datetime({ offset: true });

export const WarningEvidence = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  villageCode: z.string(),
  categoryCode: z.string(),
  status: z.string(),
  receivedAt: z.string(),
});
export type WarningEvidence = z.infer<typeof WarningEvidence>;

export const Warning = z.object({
  id: z.string(),
  kind: z.enum(warningKinds),
  severity: z.enum(warningSeverities),
  status: z.enum(warningStatuses),
  /** The village, or the town when the cluster spans its villages. */
  areaCode: z.string(),
  areaName: z.string(),
  townCode: z.string(),
  categoryCode: z.string().nullable(),
  summary: z.string(),
  /** The safety or risk words found. */
  words: z.array(z.string()),
  appealCount: z.number(),
  householdCount: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  raisedAt: z.string(),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledBy: z.string().nullable(),
  note: z.string().nullable(),
  actions: z.array(z.string()),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  version: z.number(),
});
export type Warning = z.infer<typeof Warning>;

export const WarningDetail = Warning.extend({ evidence: z.array(WarningEvidence) });
export type WarningDetail = z.infer<typeof WarningDetail>;

export const WarningsListQuery = z.strictObject({
  status: z.enum(warningStatuses).optional(),
  kind: z.enum(warningKinds).optional(),
  severity: z.enum(warningSeverities).optional(),
  areaCode: areaCode.optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type WarningsListQuery = z.infer<typeof WarningsListQuery>;

export const WarningsPage = z.object({ items: z.array(Warning), total: z.number() });
export type WarningsPage = z.infer<typeof WarningsPage>;

export const WarningVersionBody = z.strictObject({ version: RecordVersion });

export const WarningHandleBody = z.strictObject({
  version: RecordVersion,
  note: z.string().trim().min(1).max(2000),
  /** What was done: a visit, a mediation, a meeting of the departments… one line each. */
  actions: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type WarningHandleBody = z.infer<typeof WarningHandleBody>;

export const WarningCloseBody = z.strictObject({
  version: RecordVersion,
  note: z.string().trim().max(2000).optional(),
});
export type WarningCloseBody = z.infer<typeof WarningCloseBody>;

export const WarningsSummaryQuery = z.strictObject({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});
export type WarningsSummaryQuery = z.infer<typeof WarningsSummaryQuery>;

/** The map-free area view and the trend: warnings per child area and per day. */
export const WarningsSummary = z.object({
  areas: z.array(
    z.object({
      areaCode: z.string(),
      name: z.string(),
      total: z.number(),
      active: z.number(),
      high: z.number(),
    }),
  ),
  trend: z.array(
    z.object({
      day: z.string(),
      kind: z.enum(warningKinds),
      count: z.number(),
    }),
  ),
});
export type WarningsSummary = z.infer<typeof WarningsSummary>;

export const WarningsScanResult = z.object({ raised: z.number(), updated: z.number() });
export type WarningsScanResult = z.infer<typeof WarningsScanResult>;
