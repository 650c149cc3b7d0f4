import { z } from 'zod';
import { helpMeasureKinds, IndicatorUpdate } from './help-measures';
import { tiers } from './tiering';

// Visits (走访) and a cadre's worklist.

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date();

export const visitKinds = ['in_home', 'phone', 'group_meeting', 'reception_day'] as const;
export const needKinds = [
  'income',
  'medical',
  'housing',
  'education',
  'employment',
  'elderly_care',
  'disability',
  'legal',
  'infrastructure',
  'other',
] as const;

export const VisitCreateBody = z
  .strictObject({
    /** Client-made UUID: a re-synced visit is stored once. */
    id: z.uuid(),
    /** A household visit; or null for a visit to the village itself (a must-go place). */
    householdId: z.uuid().nullable().default(null),
    villageCode: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    /** Other cadres on the visit besides the caller. */
    companionIds: z.array(z.uuid()).max(10).default([]),
    date,
    kind: z.enum(visitKinds),
    findings: text(4000).min(1),
    needs: z.array(z.enum(needKinds)).max(needKinds.length).default([]),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    /** New figures for the household (they may move its tier). */
    indicators: IndicatorUpdate.nullable().default(null),
    /** Help given on the spot, recorded as done measures. */
    measuresDone: z
      .array(z.strictObject({ kind: z.enum(helpMeasureKinds), outcome: text(1000).default('') }))
      .max(10)
      .default([]),
    /** Matters to take up as appeals (handed to the appeals module). */
    appeals: z
      .array(
        z.strictObject({
          categoryCode: z.string().trim().min(1).max(40),
          title: text(60).min(1),
          description: text(4000).min(1),
        }),
      )
      .max(10)
      .default([]),
  })
  .superRefine((body, ctx) => {
    if (!body.householdId && !body.villageCode) {
      ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'visit.target' });
    }
  });
export type VisitCreateBody = z.infer<typeof VisitCreateBody>;

export const Visit = z.object({
  id: z.string(),
  householdId: z.string().nullable(),
  householdNumber: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  date: z.string(),
  kind: z.enum(visitKinds),
  findings: z.string(),
  needs: z.array(z.enum(needKinds)),
  cadres: z.array(z.object({ id: z.string(), name: z.string() })),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  photos: z.array(z.object({ id: z.string(), size: z.number(), contentType: z.string() })),
  appealIds: z.array(z.string()),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof Visit>;

export const VisitsQuery = z.strictObject({
  householdId: z.uuid().optional(),
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  cadreId: z.uuid().optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const WorklistItem = z.object({
  pairingId: z.string(),
  householdId: z.string(),
  householdNumber: z.string(),
  headName: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  villageName: z.string(),
  tier: z.enum(tiers).nullable(),
  lastVisitDate: z.string().nullable(),
  dueDate: z.string(),
  state: z.enum(['overdue', 'due', 'ok']),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  items: z.array(WorklistItem),
  overdue: z.number(),
  due: z.number(),
  villageDaysThisMonth: z.number(),
  villageDaysRequired: z.number(),
});
export type Worklist = z.infer<typeof Worklist>;
