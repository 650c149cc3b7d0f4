import { z } from 'zod';

// Contact and assistance (联系服务, 结对帮扶): pairings under quotas, contact points, visits,
// help measures, the must-visit (五必访) and must-go (五必去) duties and their coverage.
// This file holds the quotas and the settings; each resource has its own file (pairings.ts,
// contact-points.ts, visits.ts, help-measures.ts, coverage.ts, helper-ratings.ts).

/** Whose quota a cadre counts against: their role, and for district staff their rank. */
export const quotaGroups = [
  'district_leader',
  'district_staff',
  'town_head',
  'town_staff',
  'village_cadre',
] as const;
export type QuotaGroup = (typeof quotaGroups)[number];

export const Quota = z.strictObject({
  min: z.number().int().min(0).max(100),
  max: z.number().int().min(0).max(100),
});
export type Quota = z.infer<typeof Quota>;

export const AssistanceSettings = z
  .strictObject({
    /** 一对一帮扶指标 per group: how many households a cadre should and may help. */
    quotas: z.strictObject({
      district_leader: Quota,
      district_staff: Quota,
      town_head: Quota,
      town_staff: Quota,
      village_cadre: Quota,
    }),
    /** Days between visits, per tier. */
    visitEveryDays: z.strictObject({
      priority: z.number().int().min(1).max(366),
      watch: z.number().int().min(1).max(366),
      stable: z.number().int().min(1).max(731),
    }),
    /** Village days (days with at least one visit in a village) each cadre owes per month. */
    villageDaysPerMonth: z.number().int().min(0).max(31),
    /** Party members of at least this many years are must-visit veterans. */
    veteranPartyYears: z.number().int().min(1).max(100),
    /** A village with at least this many appeals in the last 12 months is a must-go place. */
    manyPetitionsThreshold: z.number().int().min(1).max(10_000),
  })
  .superRefine((s, ctx) => {
    for (const group of quotaGroups) {
      if (s.quotas[group].min > s.quotas[group].max) {
        ctx.addIssue({ code: 'custom', path: ['quotas', group, 'min'], message: 'quota.range' });
      }
    }
  });
export type AssistanceSettings = z.infer<typeof AssistanceSettings>;

export const defaultAssistanceSettings: AssistanceSettings = {
  quotas: {
    district_leader: { min: 2, max: 2 },
    district_staff: { min: 1, max: 3 },
    town_head: { min: 2, max: 5 },
    town_staff: { min: 3, max: 5 },
    village_cadre: { min: 0, max: 10 },
  },
  visitEveryDays: { priority: 30, watch: 90, stable: 365 },
  villageDaysPerMonth: 4,
  veteranPartyYears: 50,
  manyPetitionsThreshold: 10,
};

/** A cadre's own quota, set by a district admin or the town head, instead of the group's. */
export const QuotaOverrideBody = z
  .strictObject({ min: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100) })
  .nullable();
