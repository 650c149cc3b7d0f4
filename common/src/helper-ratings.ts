import { z } from 'zod';
import { appealRatings } from './appeals';

// Residents rate their helper.

const text = (max: number) => z.string().trim().max(max);

export const HelperRatingBody = z.strictObject({
  rating: z.enum(appealRatings),
  comment: text(500).default(''),
});

/** What a cadre sees of their ratings: counts only, never who rated what. */
export const HelperRatings = z.object({
  cadreId: z.string(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  unsatisfied: z.number(),
  rated: z.number(),
  /** (satisfied + basically satisfied) / rated; null with no ratings. */
  rate: z.number().nullable(),
});
export type HelperRatings = z.infer<typeof HelperRatings>;

export const RatingLink = z.object({ token: z.string(), url: z.string(), expiresAt: z.string() });

export const PublicRatingView = z.object({
  cadreName: z.string(),
  villageName: z.string(),
  used: z.boolean(),
  expired: z.boolean(),
});
