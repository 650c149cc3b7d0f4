import { z } from 'zod';
import { chinaDate } from './calendar';

// Major investment projects (重大投资项目公示和责任追究): who answers for a project (责任人 and the
// responsible unit), its stages with due dates, its budget against what was spent, its public
// notice (through the notices module) and the accountability records when a stage is late or an
// objection to its notice is upheld.

/** Why someone is held to account. */
export const accountabilityReasons = ['stage_late', 'objection_upheld'] as const;
export type AccountabilityReason = (typeof accountabilityReasons)[number];

/** What was decided (责任追究 measures, mildest first). */
export const accountabilityMeasures = [
  'reminder',
  'interview',
  'criticism',
  'admonition',
  'referral',
] as const;
export type AccountabilityMeasure = (typeof accountabilityMeasures)[number];

export const projectStageStates = ['pending', 'late', 'done', 'done_late'] as const;
export type ProjectStageState = (typeof projectStageStates)[number];

/** A stage's state on a China day: done (on time or late), or pending (late once past its due day). */
export function stageState(
  stage: { dueOn: string; completedOn: string | null },
  now: Date,
): ProjectStageState {
  if (stage.completedOn !== null) return stage.completedOn > stage.dueOn ? 'done_late' : 'done';
  return chinaDate(now) > stage.dueOn ? 'late' : 'pending';
}

const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);
const text = (max: number) => z.string().trim().max(max);
/** An amount in yuan, to the fen. */
const Yuan = z
  .number()
  .min(0)
  .max(10_000_000_000)
  .refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)), { message: 'fen' });

export const ProjectStageInput = z.strictObject({
  name: text(60).min(1),
  dueOn: z.iso.date(),
});

export const ProjectCreateBody = z.strictObject({
  id: z.uuid().optional(),
  /** The village (or town) the project is in. */
  areaCode,
  title: text(120).min(1),
  description: text(5000).default(''),
  /** 责任人: the person who answers for the project (a cadre or an official, never a resident's data). */
  responsiblePerson: text(40).min(1),
  responsibleUnit: text(80).min(1),
  budget: Yuan,
  stages: z.array(ProjectStageInput).min(1).max(20),
});
export type ProjectCreateBody = z.input<typeof ProjectCreateBody>;

export const ProjectsListQuery = z.strictObject({
  areaCode: areaCode.optional(),
  /** Only projects with a late stage. */
  late: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProjectsListQuery = z.infer<typeof ProjectsListQuery>;

export const StageCompleteBody = z.strictObject({ completedOn: z.iso.date(), note: text(500).default('') });

export const SpendingCreateBody = z.strictObject({
  stageId: z.uuid().nullable().default(null),
  spentOn: z.iso.date(),
  amount: Yuan.refine((n) => n > 0, { message: 'positive' }),
  item: text(120).min(1),
});
export type SpendingCreateBody = z.input<typeof SpendingCreateBody>;

export const AccountabilityCreateBody = z.strictObject({
  reason: z.enum(accountabilityReasons),
  /** The late stage (for `stage_late`). */
  stageId: z.uuid().nullable().default(null),
  /** The upheld objection to the project's notice (for `objection_upheld`). */
  objectionId: z.uuid().nullable().default(null),
  /** Who is held to account: the responsible person or another official. */
  person: text(40).min(1),
  measure: z.enum(accountabilityMeasures),
  decidedOn: z.iso.date(),
  note: text(2000).min(1),
});
export type AccountabilityCreateBody = z.input<typeof AccountabilityCreateBody>;

export const ProjectNoticeBody = z.strictObject({
  /** Extra text for the notice, after the project's facts. */
  note: text(2000).default(''),
});

export const ProjectSummary = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  responsiblePerson: z.string(),
  responsibleUnit: z.string(),
  budget: z.number(),
  spent: z.number(),
  stages: z.number(),
  stagesDone: z.number(),
  lateStages: z.number(),
  noticeId: z.string().nullable(),
  createdAt: z.string(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectStage = z.object({
  id: z.string(),
  seq: z.number(),
  name: z.string(),
  dueOn: z.string(),
  completedOn: z.string().nullable(),
  note: z.string(),
  state: z.enum(projectStageStates),
  spent: z.number(),
});
export type ProjectStage = z.infer<typeof ProjectStage>;

export const ProjectSpending = z.object({
  id: z.string(),
  stageId: z.string().nullable(),
  spentOn: z.string(),
  amount: z.number(),
  item: z.string(),
  createdAt: z.string(),
});
export type ProjectSpending = z.infer<typeof ProjectSpending>;

export const ProjectAccountability = z.object({
  id: z.string(),
  reason: z.enum(accountabilityReasons),
  stageId: z.string().nullable(),
  objectionId: z.string().nullable(),
  person: z.string(),
  measure: z.enum(accountabilityMeasures),
  decidedOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type ProjectAccountability = z.infer<typeof ProjectAccountability>;

export const Project = ProjectSummary.extend({
  description: z.string(),
  stagesList: z.array(ProjectStage),
  spendings: z.array(ProjectSpending),
  accountabilities: z.array(ProjectAccountability),
  version: z.number(),
});
export type Project = z.infer<typeof Project>;

export const ProjectsPage = z.object({ items: z.array(ProjectSummary), total: z.number() });

/** The village page's section (`projects`): current projects, their stages and money (no personal data). */
export const ProjectsVillageSection = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      responsiblePerson: z.string(),
      responsibleUnit: z.string(),
      budget: z.number(),
      spent: z.number(),
      stages: z.array(z.object({ name: z.string(), dueOn: z.string(), state: z.enum(projectStageStates) })),
    }),
  ),
});
export type ProjectsVillageSection = z.infer<typeof ProjectsVillageSection>;
