import { z } from 'zod';

// Must-visit (五必访) and must-go (五必去) coverage.

const date = z.iso.date();

export const mustVisitGroups = ['poor', 'wubao', 'veteran_party', 'deputies', 'cadres'] as const;
export const mustGoReasons = [
  'extremely_poor',
  'remote',
  'hard_to_advance',
  'disaster_hit',
  'many_petitions',
] as const;

export const CoverageQuery = z.strictObject({
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** Only visits by this cadre count (a leader's own coverage). */
  cadreId: z.uuid().optional(),
  from: date,
  to: date,
});

export const CoverageRow = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  total: z.number(),
  visited: z.number(),
  /** visited / total; null when there is nothing to visit. */
  rate: z.number().nullable(),
});

export const MustVisitCoverage = z.object({
  total: z.number(),
  visited: z.number(),
  rate: z.number().nullable(),
  byGroup: z.array(z.object({ group: z.enum(mustVisitGroups), total: z.number(), visited: z.number() })),
  byArea: z.array(CoverageRow),
  /** Must-visit households not visited in the period (the first 500). */
  missing: z.array(
    z.object({
      householdId: z.string(),
      number: z.string(),
      headName: z.string().nullable(),
      villageName: z.string(),
      groups: z.array(z.enum(mustVisitGroups)),
    }),
  ),
});
export type MustVisitCoverage = z.infer<typeof MustVisitCoverage>;

export const MustGoCoverage = z.object({
  total: z.number(),
  visited: z.number(),
  rate: z.number().nullable(),
  villages: z.array(
    z.object({
      villageCode: z.string(),
      villageName: z.string(),
      townName: z.string(),
      reasons: z.array(z.enum(mustGoReasons)),
      visits: z.number(),
      lastVisitDate: z.string().nullable(),
    }),
  ),
});
export type MustGoCoverage = z.infer<typeof MustGoCoverage>;
