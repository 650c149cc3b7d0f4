import { z } from 'zod';

// The appeals' figures.

export const AppealStatsQuery = z.strictObject({
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

/** A rate with what it counts: `value` is null when there is nothing to count (no data, not 0%). */
export const Rate = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});
export type Rate = z.infer<typeof Rate>;

export const AppealStats = z.object({
  received: z.number(),
  /** Accepted or returned / received. */
  responseRate: Rate,
  /** Resolved or closed / received (merged ones do not count). */
  resolutionRate: Rate,
  /** Satisfied + basically satisfied / rated. */
  satisfactionRate: Rate,
  /** Resolved by the (approved) deadline / resolved. */
  onTimeRate: Rate,
  resolvedAtVillage: Rate,
  resolvedAtTown: Rate,
  escalatedToDistrict: Rate,
});
export type AppealStats = z.infer<typeof AppealStats>;

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}
