import { z } from 'zod';
import { appealLevels, appealUrgencies } from './appeals';
import { periodUnits } from './working-days';

// The appeal categories and the appeals' settings.

const text = (max: number) => z.string().trim().max(max);

export const AppealCategory = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  defaultLevel: z.enum(appealLevels),
  defaultUrgency: z.enum(appealUrgencies),
  /** Overrides the urgency's resolution deadline for this category, in days. */
  resolutionDays: z.number().nullable(),
  /** How `resolutionDays` count: calendar days (the default) or working days (工作日). */
  deadlineUnit: z.enum(periodUnits),
  /** Disputes go to mediation (调解). */
  dispute: z.boolean(),
  active: z.boolean(),
  sort: z.number(),
});
export type AppealCategory = z.infer<typeof AppealCategory>;

export const AppealCategoryBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  parentCode: z.string().trim().max(40).nullable().default(null),
  nameZh: text(40).min(1),
  nameEn: text(60).min(1),
  defaultLevel: z.enum(appealLevels),
  defaultUrgency: z.enum(appealUrgencies).default('normal'),
  resolutionDays: z.number().int().min(1).max(365).nullable().default(null),
  deadlineUnit: z.enum(periodUnits).default('calendar_days'),
  dispute: z.boolean().default(false),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(10_000).default(100),
});
export type AppealCategoryBody = z.infer<typeof AppealCategoryBody>;

/** Deadlines and callback rules (settings, edited by district admins). */
export const AppealSettings = z.strictObject({
  /** Hours to accept (respond to) an appeal. */
  responseHours: z.number().int().min(1).max(720),
  /** Hours to resolve, per urgency. */
  resolutionHours: z.strictObject({
    urgent: z.number().int().min(1).max(8760),
    normal: z.number().int().min(1).max(8760),
    complex: z.number().int().min(1).max(8760),
  }),
  /** A warning (催办) goes out when this share of the time is used up. */
  warnAtShare: z.number().min(0.1).max(0.99),
  /** Days after resolution by which the callback must be made. */
  callbackDays: z.number().int().min(1).max(60),
  /** Unsatisfied ratings after which a reopened appeal goes one level up. */
  reopenEscalateAfter: z.number().int().min(1).max(10),
});
export type AppealSettings = z.infer<typeof AppealSettings>;

export const defaultAppealSettings: AppealSettings = {
  responseHours: 24,
  resolutionHours: { urgent: 24, normal: 7 * 24, complex: 15 * 24 },
  warnAtShare: 0.75,
  callbackDays: 3,
  reopenEscalateAfter: 2,
};
