import { z } from 'zod';
import { appealPhone, appealUrgencies } from './appeals';
import { RecordVersion } from './versions';

// Mediation (调解) and screening (大排查).

const text = (max: number) => z.string().trim().max(max);

export const mediationOutcomes = ['agreement', 'partial', 'failed'] as const;

export const MediationParty = z.strictObject({
  name: text(40).min(1),
  phone: appealPhone.nullable().default(null),
  role: text(40).default(''),
});

export const MediationCreateBody = z.strictObject({
  appealId: z.uuid(),
  parties: z.array(MediationParty).min(2).max(20),
  mediatorIds: z.array(z.uuid()).min(1).max(10),
});

export const MediationSessionBody = z.strictObject({
  version: RecordVersion,
  date: z.iso.date(),
  notes: text(4000).min(1),
});

export const MediationOutcomeBody = z.strictObject({
  version: RecordVersion,
  outcome: z.enum(mediationOutcomes),
  agreement: text(4000).default(''),
  followUpDate: z.iso.date().nullable().default(null),
});

export const Mediation = z.object({
  id: z.string(),
  appealId: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  villageCode: z.string(),
  parties: z.array(z.object({ name: z.string(), phone: z.string().nullable(), role: z.string() })),
  mediators: z.array(z.object({ id: z.string(), name: z.string() })),
  sessions: z.array(z.object({ date: z.string(), notes: z.string(), recordedBy: z.string().nullable() })),
  outcome: z.enum(mediationOutcomes).nullable(),
  agreement: z.string().nullable(),
  followUpDate: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type Mediation = z.infer<typeof Mediation>;

export const ScreeningBody = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/),
  date: z.iso.date(),
  note: text(1000).default(''),
  disputes: z
    .array(
      z.strictObject({
        categoryCode: z.string().trim().min(1).max(40),
        title: text(60).min(1),
        description: text(2000).min(1),
        parties: z.array(MediationParty).max(20).default([]),
        urgency: z.enum(appealUrgencies).default('normal'),
      }),
    )
    .max(500),
});
export type ScreeningBody = z.infer<typeof ScreeningBody>;

export const Screening = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  date: z.string(),
  note: z.string(),
  disputesFound: z.number(),
  appealIds: z.array(z.string()),
  createdBy: z.string().nullable(),
});
export type Screening = z.infer<typeof Screening>;
