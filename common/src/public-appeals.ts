import { z } from 'zod';
import {
  type AppealEventKind,
  appealEventKinds,
  appealLevels,
  appealPhone,
  appealRatings,
  appealStatuses,
} from './appeals';

// The residents' public pages.

const text = (max: number) => z.string().trim().max(max);

export const PublicAppealBody = z.strictObject({
  id: z.uuid().optional(),
  villageCode: z
    .string()
    .trim()
    .regex(/^\d{12}$/),
  categoryCode: z.string().trim().min(1).max(40),
  title: text(60).min(1),
  description: text(2000).min(1),
  address: text(200).default(''),
  phone: appealPhone,
  name: text(40).nullable().default(null),
  /** Honeypot: people leave it empty, robots fill it in. */
  website: z.string().max(200).optional(),
  /** One photo, base64 (at most about 3 MB); its location and camera data are removed. */
  photo: z
    .strictObject({
      contentType: z.enum(['image/jpeg', 'image/png']),
      data: z.base64().max(4_200_000),
    })
    .optional(),
});
export type PublicAppealBody = z.infer<typeof PublicAppealBody>;

export const TrackBody = z.strictObject({
  trackingCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8,12}$/),
  phoneLast4: z.string().regex(/^\d{4}$/),
});
export type TrackBody = z.infer<typeof TrackBody>;

export const PublicRateBody = TrackBody.extend({
  rating: z.enum(appealRatings),
  comment: text(500).default(''),
});
export type PublicRateBody = z.infer<typeof PublicRateBody>;

/** What a resident sees of their own appeal: no handler names, no internal notes. */
export const PublicAppeal = z.object({
  trackingCode: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  villageName: z.string(),
  status: z.enum(appealStatuses),
  level: z.enum(appealLevels),
  receivedAt: z.string(),
  expectedBy: z.string(),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  canRate: z.boolean(),
  rating: z.enum(appealRatings).nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(appealEventKinds),
      /** The level the appeal moved to, on escalation and sending down. */
      toLevel: z.enum(appealLevels).nullable(),
      /** Only notes written for the resident: the result, a reason for returning, a planned date. */
      note: z.string().nullable(),
    }),
  ),
});

/** Timeline entries whose note is written for the resident; other notes (an escalation's reason) stay inside. */
export const residentNoteKinds: readonly AppealEventKind[] = [
  'resolve',
  'return',
  'approve_deferral',
  'note',
  'auto_escalate',
  'rated',
  'reopened',
  // Dispatch: which department handles it ("由区卫健局办理"), and a change of department.
  'dispatched',
  'redispatched',
];
export type PublicAppeal = z.infer<typeof PublicAppeal>;

export const PublicVillage = z.object({ code: z.string(), name: z.string(), townName: z.string() });
