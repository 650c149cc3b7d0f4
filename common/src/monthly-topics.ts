import { z } from 'zod';
import { RecordVersion } from './versions';
import { CalendarDate } from './working-days';

// 每月一题: each month the district takes up one or more frequent problems for systemic solving
// (Beijing's 接诉即办 practice). The system proposes candidates from the appeals of the past
// months — the frequent categories of an area and their clusters in one town or village, with the
// counts per month and the trend — the district picks a topic, names a lead unit and a measurable
// goal (appeals of the category in the area down by N %), links appeals and lists its measures.
// The outcome is computed: the appeals of the topic's category and area in the months before the
// topic's month against the months after it.

/** open: being worked on; done: the district closed it with its outcome. */
export const topicStatuses = ['open', 'done'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

/** A China calendar month, YYYY-MM. */
export const TopicMonth = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/);

/** Months before the topic's month that proposals count and the outcome compares against. */
export const TOPIC_BEFORE_MONTHS = 3;
/** Months after the topic's month the outcome follows. */
export const TOPIC_AFTER_MONTHS = 3;

export const TopicMonthCount = z.object({ month: z.string(), count: z.number().int() });
export type TopicMonthCount = z.infer<typeof TopicMonthCount>;

/** An appeal as a topic lists it: no resident, no phone. */
export const TopicAppeal = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  receivedAt: z.string(),
  status: z.string(),
});
export type TopicAppeal = z.infer<typeof TopicAppeal>;

export const topicProposalKinds = ['category', 'cluster', 'warning'] as const;

/**
 * A candidate topic: a category across the area (`category`), a category concentrated in one
 * town of a district or one village of a town (`cluster`), or a cluster of similar appeals the early
 * warning raised in the months counted (`warning`, its area the warning's).
 */
export const TopicProposal = z.object({
  kind: z.enum(topicProposalKinds),
  categoryCode: z.string(),
  categoryName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  /** The counted months, oldest first. */
  months: z.array(TopicMonthCount),
  total: z.number().int(),
  /** The latest month against the average of the months before it (0.5: up 50 %); null when they had none. */
  trend: z.number().nullable(),
  /** The latest appeals of the proposal (up to 20), to link to the topic. */
  appeals: z.array(TopicAppeal),
  /** The topic already picked for this month, category and area. */
  pickedTopicId: z.string().nullable(),
  /** The early warning a `warning` proposal stands on. */
  warning: z.object({ id: z.string(), summary: z.string(), appealCount: z.number().int() }).nullable(),
});
export type TopicProposal = z.infer<typeof TopicProposal>;

export const TopicProposalsQuery = z.strictObject({
  /** The month the topic is for; this month by default. */
  month: TopicMonth.optional(),
  /** An area inside the caller's; the caller's own by default. */
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export type TopicProposalsQuery = z.infer<typeof TopicProposalsQuery>;

export const TopicMeasure = z.object({
  id: z.string(),
  text: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  dueDate: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** Not done and its due date has passed (China calendar). */
  overdue: z.boolean(),
});
export type TopicMeasure = z.infer<typeof TopicMeasure>;

export const topicOutcomePhases = ['before', 'topic', 'after'] as const;

/** The appeals of the topic's category and area, counted per month, before and after its month. */
export const TopicOutcome = z.object({
  /** Before, the topic's month and after, up to this month; `partial`: the month is still running. */
  months: z.array(TopicMonthCount.extend({ phase: z.enum(topicOutcomePhases), partial: z.boolean() })),
  /** Monthly average of the months before; null when none is counted. */
  beforeAverage: z.number().nullable(),
  /** Monthly average of the months after that have ended; null while none has. */
  afterAverage: z.number().nullable(),
  /** afterAverage against beforeAverage (-0.3: down 30 %); null when either is missing or before is 0. */
  change: z.number().nullable(),
  /** The goal is met: down by at least its share; null while it cannot be told. */
  goalMet: z.boolean().nullable(),
});
export type TopicOutcome = z.infer<typeof TopicOutcome>;

const topicFields = {
  id: z.string(),
  month: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  title: z.string(),
  leadUnit: z.object({ id: z.string(), name: z.string() }),
  /** The goal: appeals of the category in the area down by this share (percent) after the month. */
  goalPercent: z.number().int(),
  status: z.enum(topicStatuses),
  createdAt: z.string(),
  version: z.number().int(),
};

export const MonthlyTopicSummary = z.object({
  ...topicFields,
  appealCount: z.number().int(),
  measureCount: z.number().int(),
  measuresDone: z.number().int(),
});
export type MonthlyTopicSummary = z.infer<typeof MonthlyTopicSummary>;

export const MonthlyTopic = z.object({
  ...topicFields,
  description: z.string().nullable(),
  /** The goal in words, beside the share. */
  goalText: z.string().nullable(),
  createdBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  appeals: z.array(TopicAppeal),
  measures: z.array(TopicMeasure),
  outcome: TopicOutcome,
});
export type MonthlyTopic = z.infer<typeof MonthlyTopic>;

const text = (max: number) => z.string().trim().min(2).max(max);

export const TopicMeasureBody = z.strictObject({
  text: text(500),
  /** The responsible unit. */
  unitId: z.uuid(),
  dueDate: CalendarDate,
});
export type TopicMeasureBody = z.infer<typeof TopicMeasureBody>;

export const MonthlyTopicsCreateBody = z.strictObject({
  month: TopicMonth,
  areaCode: z.string().regex(/^\d{12}$/),
  categoryCode: z.string().min(1).max(64),
  title: text(100),
  description: text(2000).optional(),
  /** The lead unit (牵头单位): a district department or a town office. */
  leadUnitId: z.uuid(),
  goalPercent: z.number().int().min(1).max(100),
  goalText: text(500).optional(),
  /** Appeals of the category in the area (from the proposals). */
  appealIds: z.array(z.uuid()).max(200).default([]),
  measures: z.array(TopicMeasureBody).max(30).default([]),
});
export type MonthlyTopicsCreateBody = z.input<typeof MonthlyTopicsCreateBody>;

export const MonthlyTopicUpdateBody = z
  .strictObject({
    version: RecordVersion,
    title: text(100).optional(),
    description: text(2000).nullable().optional(),
    leadUnitId: z.uuid().optional(),
    goalPercent: z.number().int().min(1).max(100).optional(),
    goalText: text(500).nullable().optional(),
    /** The linked appeals, as a whole. */
    appealIds: z.array(z.uuid()).max(200).optional(),
    /** `done` closes the topic with its outcome note; `open` takes it up again. */
    status: z.enum(topicStatuses).optional(),
    outcomeNote: text(2000).optional(),
  })
  .refine((b) => b.status !== 'done' || b.outcomeNote !== undefined, {
    message: 'outcomeNote.required',
    path: ['outcomeNote'],
  });
export type MonthlyTopicUpdateBody = z.infer<typeof MonthlyTopicUpdateBody>;

export const TopicMeasureUpdateBody = z.strictObject({
  text: text(500).optional(),
  unitId: z.uuid().optional(),
  dueDate: CalendarDate.optional(),
  done: z.boolean().optional(),
});
export type TopicMeasureUpdateBody = z.infer<typeof TopicMeasureUpdateBody>;

/** The lead unit's staff report a measure done (or not done after all). */
export const TopicMeasureDoneBody = z.strictObject({ done: z.boolean() });
export type TopicMeasureDoneBody = z.infer<typeof TopicMeasureDoneBody>;

export const MonthlyTopicsListQuery = z.strictObject({
  month: TopicMonth.optional(),
  status: z.enum(topicStatuses).optional(),
});
export type MonthlyTopicsListQuery = z.infer<typeof MonthlyTopicsListQuery>;

export const MonthlyTopicIdParams = z.strictObject({ id: z.uuid() });
export const TopicMeasureParams = z.strictObject({ id: z.uuid(), measureId: z.uuid() });
