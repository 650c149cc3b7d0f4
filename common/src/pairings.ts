import { z } from 'zod';
import { Quota } from './assistance';
import { QueryFlag } from './query';
import { tiers } from './tiering';
import { RecordVersion } from './versions';

// Pairings (结对帮扶): a cadre helping a household, within their quota.

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date();

export const pairingStatuses = ['active', 'ended'] as const;

export const PairingCreateBody = z.strictObject({
  householdId: z.uuid(),
  cadreId: z.uuid(),
  startDate: date,
  endDate: date.nullable().default(null),
  reason: text(200).default(''),
});
export type PairingCreateBody = z.infer<typeof PairingCreateBody>;

export const PairingEndBody = z.strictObject({
  version: RecordVersion,
  endDate: date,
  reason: text(200).min(1),
});

export const PairingKeepBody = z.strictObject({ version: RecordVersion, note: text(200).default('') });

export const Pairing = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNumber: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  tier: z.enum(tiers).nullable(),
  cadreId: z.string(),
  cadreName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
  status: z.enum(pairingStatuses),
  /** The household left the priority tier since it was paired (or last reviewed): keep or end it. */
  needsReview: z.boolean(),
  lastVisitDate: z.string().nullable(),
  version: z.number(),
});
export type Pairing = z.infer<typeof Pairing>;

export const PairingsQuery = z.strictObject({
  areaCode: z
    .string()
    .regex(/^\d{12,15}$/)
    .optional(),
  cadreId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  status: z.enum(pairingStatuses).default('active'),
  needsReview: z.enum(['true', 'false']).optional(),
  /** The period `visited` looks at, China calendar days, inclusive; either end may be open. */
  visitedFrom: date.optional(),
  visitedTo: date.optional(),
  /** The household was (`true`) or was not (`false`) visited in the period; a period alone means `true`. */
  visited: QueryFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PairingsQuery = z.infer<typeof PairingsQuery>;

export const PairingsPage = z.object({
  items: z.array(Pairing),
  /** Every pairing matching, beyond the `limit` listed. */
  total: z.number(),
});
export type PairingsPage = z.infer<typeof PairingsPage>;

export const CadreLoad = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  quota: Quota,
  /** The quota is the cadre's own, not their group's. */
  quotaOverridden: z.boolean(),
  paired: z.number(),
  state: z.enum(['under', 'within', 'full', 'over']),
});
export type CadreLoad = z.infer<typeof CadreLoad>;

export const UnpairedHousehold = z.object({
  id: z.string(),
  number: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
});

/** The town head's one page: quota fill per cadre, unpaired priority households, pairings to review. */
export const PairingBoard = z.object({
  areaCode: z.string(),
  cadres: z.array(CadreLoad),
  unpaired: z.array(UnpairedHousehold),
  unpairedByVillage: z.array(
    z.object({ villageCode: z.string(), villageName: z.string(), count: z.number() }),
  ),
  needsReview: z.number(),
  overdueVisits: z.number(),
});
export type PairingBoard = z.infer<typeof PairingBoard>;

export const ProposalBody = z.strictObject({ areaCode: z.string().regex(/^\d{12}$/) });

export const ProposalItem = z.object({
  householdId: z.string(),
  householdNumber: z.string(),
  villageCode: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  /** Why this cadre: responsible for the village, contact point, or the least loaded nearby. */
  because: z.enum(['village', 'contact_point', 'town']),
});
export const Proposal = z.object({
  items: z.array(ProposalItem),
  /** Households no cadre had room for. */
  unassigned: z.array(z.string()),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalAcceptBody = z.strictObject({
  startDate: date,
  items: z
    .array(z.strictObject({ householdId: z.uuid(), cadreId: z.uuid() }))
    .min(1)
    .max(5000),
});
