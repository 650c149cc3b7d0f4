import { z } from 'zod';
import { RecordVersion } from './versions';

// 吹哨报到: a town head "blows the whistle" on an appeal of the town or on a place (illegal
// construction, a dangerous bridge), naming the district departments that must come; each named
// department reports (报到) within the set time and records what it did. A report after its
// deadline is marked late; the response times count in the departments' assessment.

/** open: a named department has still to report; reported: every one has; closed: the town closed it. */
export const whistleStatuses = ['open', 'reported', 'closed'] as const;
export type WhistleStatus = (typeof whistleStatuses)[number];

export const WhistleSettings = z.strictObject({
  /** Working hours (the unit's own, by the shared calendar) a department has to report. */
  reportWorkingHours: z.number().int().min(1).max(24),
  /** Hours it has when the whistle is blown outside its working time (nights, weekends, holidays). */
  outsideHoursLimit: z.number().int().min(1).max(72),
});
export type WhistleSettings = z.infer<typeof WhistleSettings>;

// Beijing's 吹哨报到: the departments answer within two working hours, a day when called at night.
export const defaultWhistleSettings: WhistleSettings = { reportWorkingHours: 2, outsideHoursLimit: 24 };

export const WhistleUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  dueAt: z.string(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string().nullable(),
  /** What the department did. */
  action: z.string().nullable(),
  /** Reported after its deadline, or not reported and past it. */
  late: z.boolean(),
  /** Minutes from the whistle to the report. */
  responseMinutes: z.number().int().nullable(),
});
export type WhistleUnit = z.infer<typeof WhistleUnit>;

export const Whistle = z.object({
  id: z.string(),
  townCode: z.string(),
  townName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  /** The appeal it was blown on; null for a place. */
  appeal: z.object({ id: z.string(), trackingCode: z.string(), title: z.string() }).nullable(),
  /** Where, for a whistle on a place. */
  place: z.string().nullable(),
  description: z.string(),
  status: z.enum(whistleStatuses),
  /** Blown outside working time: the departments have the longer limit. */
  outsideWorkingTime: z.boolean(),
  raisedAt: z.string(),
  raisedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closingNote: z.string().nullable(),
  units: z.array(WhistleUnit),
  version: z.number().int(),
});
export type Whistle = z.infer<typeof Whistle>;

const text = (max: number) => z.string().trim().min(2).max(max);

export const WhistlesCreateBody = z
  .strictObject({
    /** An appeal of the caller's area… */
    appealId: z.uuid().optional(),
    /** …or a place in a village of it. */
    villageCode: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    place: text(200).optional(),
    description: text(2000),
    /** The departments that must report. */
    unitIds: z.array(z.uuid()).min(1).max(10),
  })
  .refine((b) => b.appealId !== undefined || (b.villageCode !== undefined && b.place !== undefined), {
    message: 'an appeal, or a village and a place',
    path: ['place'],
  });
export type WhistlesCreateBody = z.infer<typeof WhistlesCreateBody>;

export const WhistleReportBody = z.strictObject({ action: text(2000) });
export type WhistleReportBody = z.infer<typeof WhistleReportBody>;

export const WhistleCloseBody = z.strictObject({ version: RecordVersion, note: text(1000) });
export type WhistleCloseBody = z.infer<typeof WhistleCloseBody>;

export const WhistlesListQuery = z.strictObject({
  status: z.enum(whistleStatuses).optional(),
  appealId: z.uuid().optional(),
  /** Only those with a late or overdue department. */
  late: z.enum(['true', 'false']).optional(),
});
export type WhistlesListQuery = z.infer<typeof WhistlesListQuery>;

export const WhistleIdParams = z.strictObject({ id: z.uuid() });

/** A department's whistle record over a period: for the departments' statistics and assessment. */
export interface WhistleUnitStats {
  unitId: string;
  /** Whistles naming it, blown in the period. */
  named: number;
  reported: number;
  late: number;
  /** Median minutes from the whistle to its report, over its reports; null with none. */
  medianResponseMinutes: number | null;
}
