import { z } from 'zod';
import { appealStatuses } from './appeals';
import { AreaSummary } from './areas';
import { RecordVersion } from './versions';

// Reception days (大接访 / 大下访): a leader of the district or a town receives residents at a
// place and time, on announced topics; the events are published on the residents' pages, the
// appeals received there are linked to the event, and its report counts them.

/** planned: announced (shown to residents until it ends); cancelled: called off, still shown as such. */
export const receptionDayStatuses = ['planned', 'cancelled'] as const;
export type ReceptionDayStatus = (typeof receptionDayStatuses)[number];

/** What came of a reception day: the appeals received, resolved on the spot, dispatched to units. */
export const ReceptionDayReport = z.object({
  received: z.number().int(),
  /** Resolved by the end of the event's day. */
  resolvedOnSpot: z.number().int(),
  /** Routed or dispatched to a handling unit. */
  dispatched: z.number().int(),
});
export type ReceptionDayReport = z.infer<typeof ReceptionDayReport>;

export const ReceptionDay = z.object({
  id: z.string(),
  /** The district or the town that holds it. */
  area: AreaSummary,
  leaderName: z.string(),
  leaderPost: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  topics: z.array(z.string()),
  note: z.string().nullable(),
  status: z.enum(receptionDayStatuses),
  /** The organiser's summary after the event. */
  summary: z.string().nullable(),
  report: ReceptionDayReport,
  version: z.number().int(),
  createdAt: z.string(),
});
export type ReceptionDay = z.infer<typeof ReceptionDay>;

export const ReceptionDayAppeal = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  status: z.enum(appealStatuses),
  villageName: z.string(),
  resolvedOnSpot: z.boolean(),
  dispatched: z.boolean(),
  linkedAt: z.string(),
});
export type ReceptionDayAppeal = z.infer<typeof ReceptionDayAppeal>;

export const ReceptionDayDetail = ReceptionDay.extend({ appeals: z.array(ReceptionDayAppeal) });
export type ReceptionDayDetail = z.infer<typeof ReceptionDayDetail>;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const topics = z.array(text(1, 40)).min(1).max(10);

export const ReceptionDaysCreateBody = z
  .strictObject({
    /** The district or a town of the caller's area. */
    areaCode: z.string().regex(/^\d{12}$/),
    leaderName: text(2, 20),
    leaderPost: text(2, 40),
    place: text(2, 100),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    topics,
    note: text(1, 500).nullable().default(null),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    message: 'ends after it starts',
    path: ['endsAt'],
  });
export type ReceptionDaysCreateBody = z.infer<typeof ReceptionDaysCreateBody>;

export const ReceptionDaysUpdateBody = z.strictObject({
  version: RecordVersion,
  leaderName: text(2, 20).optional(),
  leaderPost: text(2, 40).optional(),
  place: text(2, 100).optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  topics: topics.optional(),
  note: text(1, 500).nullable().optional(),
  status: z.enum(receptionDayStatuses).optional(),
  summary: text(1, 2000).nullable().optional(),
});
export type ReceptionDaysUpdateBody = z.infer<typeof ReceptionDaysUpdateBody>;

export const ReceptionDaysListQuery = z.strictObject({
  /** Events starting on or after this day (China date). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  status: z.enum(receptionDayStatuses).optional(),
});
export type ReceptionDaysListQuery = z.infer<typeof ReceptionDaysListQuery>;

export const ReceptionDayLinkBody = z.strictObject({ appealId: z.uuid() });
export type ReceptionDayLinkBody = z.infer<typeof ReceptionDayLinkBody>;

export const ReceptionDayIdParams = z.strictObject({ id: z.uuid() });

/** What residents see: who receives, where and when, on what; nothing else. */
export const PublicReceptionDay = ReceptionDay.pick({
  id: true,
  area: true,
  leaderName: true,
  leaderPost: true,
  place: true,
  startsAt: true,
  endsAt: true,
  topics: true,
  note: true,
  status: true,
});
export type PublicReceptionDay = z.infer<typeof PublicReceptionDay>;

/** The village page's section: the coming reception days of the village's town and the district. */
export const ReceptionDaysVillageSection = z.object({ items: z.array(PublicReceptionDay) });
export type ReceptionDaysVillageSection = z.infer<typeof ReceptionDaysVillageSection>;

export const PublicReceptionDaysQuery = z.strictObject({
  /** A town (or the district): its events and the district's. */
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export type PublicReceptionDaysQuery = z.infer<typeof PublicReceptionDaysQuery>;
