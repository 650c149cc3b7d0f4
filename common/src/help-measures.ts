import { z } from 'zod';
import { IndicatorsInput } from './households';
import { RecordVersion } from './versions';

// Help measures (帮扶措施).

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date();

export const helpMeasureKinds = [
  'dibao_application',
  'medical_insurance',
  'job_referral',
  'skills_training',
  'industry_support',
  'housing_repair',
  'education_aid',
  'temporary_relief',
  'legal_aid',
  'other',
] as const;
export const helpMeasureStatuses = ['planned', 'in_progress', 'done', 'failed'] as const;

/** A year's figures for the household, as on its indicators tab. */
export const IndicatorUpdate = IndicatorsInput.extend({ year: z.number().int().min(2000).max(2100) });

export const HelpMeasureCreateBody = z.strictObject({
  householdId: z.uuid(),
  kind: z.enum(helpMeasureKinds),
  status: z.enum(helpMeasureStatuses).default('planned'),
  description: text(1000).default(''),
  startDate: date.nullable().default(null),
});

export const HelpMeasureUpdateBody = z.strictObject({
  version: RecordVersion,
  status: z.enum(helpMeasureStatuses),
  outcome: text(1000).default(''),
  /** A completed measure may change the household's figures, and so its tier. */
  indicators: IndicatorUpdate.nullable().default(null),
});

export const HelpMeasure = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNumber: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  kind: z.enum(helpMeasureKinds),
  status: z.enum(helpMeasureStatuses),
  description: z.string(),
  outcome: z.string(),
  startDate: z.string().nullable(),
  finishedAt: z.string().nullable(),
  visitId: z.string().nullable(),
  version: z.number(),
});
export type HelpMeasure = z.infer<typeof HelpMeasure>;
