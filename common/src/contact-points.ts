import { z } from 'zod';

// Contact points (联系点): a leader's village.

const date = z.iso.date();

export const ContactPointBody = z.strictObject({
  leaderId: z.uuid(),
  villageCode: z.string().regex(/^\d{12}$/),
  startDate: date,
  endDate: date.nullable().default(null),
});

export const ContactPoint = z.object({
  id: z.string(),
  leaderId: z.string(),
  leaderName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;
