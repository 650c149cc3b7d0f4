import { z } from 'zod';

/** 放心户 / 关心户 / 连心户. */
export const tiers = ['stable', 'watch', 'priority'] as const;
export type Tier = (typeof tiers)[number];

export const hardshipFactors = [
  'serious_illness',
  'disability',
  'elderly_alone',
  'left_behind_children',
  'disaster',
  'unemployment',
  'education_burden',
  'other',
] as const;
export type HardshipFactor = (typeof hardshipFactors)[number];

const TierCondition = z.discriminatedUnion('kind', [
  /** Per-capita income below `factor` × the minimum-living line. */
  z.strictObject({ kind: z.literal('perCapitaIncomeBelow'), factor: z.number().positive().max(20) }),
  /** Debt above `factor` × the household's annual income. */
  z.strictObject({ kind: z.literal('debtAboveIncome'), factor: z.number().positive().max(100) }),
  /** At least `count` hardship factors. */
  z.strictObject({ kind: z.literal('hardshipsAtLeast'), count: z.number().int().min(1).max(8) }),
  /** The household, or one of its members, has any of these tags. */
  z.strictObject({ kind: z.literal('tagged'), tags: z.array(z.string().min(1).max(40)).min(1).max(50) }),
]);
export type TierCondition = z.infer<typeof TierCondition>;

export const TierRules = z.strictObject({
  /** The local minimum-living line (低保标准), yuan per person per year. */
  minimumLivingLine: z.number().int().positive().max(1_000_000),
  priority: z.array(TierCondition).max(20),
  watch: z.array(TierCondition).max(20),
});
export type TierRules = z.infer<typeof TierRules>;

/** The default rule set, as the district's mass-work department first configured it. */
export const defaultTierRules: TierRules = {
  minimumLivingLine: 6_000,
  priority: [
    { kind: 'perCapitaIncomeBelow', factor: 1.5 },
    { kind: 'debtAboveIncome', factor: 2 },
    { kind: 'hardshipsAtLeast', count: 2 },
    { kind: 'tagged', tags: ['monitored'] },
  ],
  watch: [
    { kind: 'perCapitaIncomeBelow', factor: 2 },
    { kind: 'hardshipsAtLeast', count: 1 },
    { kind: 'tagged', tags: ['dibao', 'wubao', 'tekun'] },
  ],
};

export interface TierInput {
  /** The latest year's indicators, if any. */
  indicators: { year: number; totalIncome: number; debt: number; hardships: readonly string[] } | null;
  activeMembers: number;
  /** Tags of the household and of its active members. */
  tags: readonly string[];
}

/** Why a household got its tier: every condition of that tier that hit, with the figures. */
export type TierReason =
  | { kind: 'perCapitaIncomeBelow'; tier: Tier; perCapita: number; limit: number }
  | { kind: 'debtAboveIncome'; tier: Tier; debt: number; limit: number }
  | { kind: 'hardshipsAtLeast'; tier: Tier; hardships: string[]; count: number }
  | { kind: 'tagged'; tier: Tier; tags: string[] }
  | { kind: 'noConditionMet'; tier: 'stable' }
  | { kind: 'noIndicators'; tier: Tier }
  /** Set by hand: an approved override, whatever the rules say. */
  | { kind: 'override'; tier: Tier; reason: string; approvedBy: string | null };

const tier = z.enum(tiers);

/**
 * A reason as the API sends it: stored as JSON and perhaps written by an older rule engine, so
 * the file carries plain records and a reader checks each against the kinds it knows.
 */
export const TierReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perCapitaIncomeBelow'), tier, perCapita: z.number(), limit: z.number() }),
  z.object({ kind: z.literal('debtAboveIncome'), tier, debt: z.number(), limit: z.number() }),
  z.object({ kind: z.literal('hardshipsAtLeast'), tier, hardships: z.array(z.string()), count: z.number() }),
  z.object({ kind: z.literal('tagged'), tier, tags: z.array(z.string()) }),
  z.object({ kind: z.literal('noConditionMet'), tier: z.literal('stable') }),
  z.object({ kind: z.literal('noIndicators'), tier }),
  z.object({ kind: z.literal('override'), tier, reason: z.string(), approvedBy: z.string().nullable() }),
]) satisfies z.ZodType<TierReason>;

/** Yuan per person per year; a household with no active member counts as one. */
export function perCapitaIncome(totalIncome: number, activeMembers: number): number {
  return Math.round(totalIncome / Math.max(1, activeMembers));
}

function check(condition: TierCondition, tier: Tier, input: TierInput, rules: TierRules): TierReason | null {
  const ind = input.indicators;
  switch (condition.kind) {
    case 'perCapitaIncomeBelow': {
      if (!ind) return null;
      const perCapita = perCapitaIncome(ind.totalIncome, input.activeMembers);
      const limit = Math.round(condition.factor * rules.minimumLivingLine);
      return perCapita < limit ? { kind: 'perCapitaIncomeBelow', tier, perCapita, limit } : null;
    }
    case 'debtAboveIncome': {
      if (!ind) return null;
      const limit = Math.round(condition.factor * ind.totalIncome);
      return ind.debt > limit ? { kind: 'debtAboveIncome', tier, debt: ind.debt, limit } : null;
    }
    case 'hardshipsAtLeast': {
      const hardships = [...new Set(ind?.hardships ?? [])];
      return hardships.length >= condition.count
        ? { kind: 'hardshipsAtLeast', tier, hardships, count: condition.count }
        : null;
    }
    case 'tagged': {
      const hit = condition.tags.filter((tag) => input.tags.includes(tag));
      return hit.length > 0 ? { kind: 'tagged', tier, tags: hit } : null;
    }
  }
}

/** Applies a rule set: 连心户 if any priority condition hits, else 关心户 if any watch condition, else 放心户. */
export function evaluateTier(input: TierInput, rules: TierRules): { tier: Tier; reasons: TierReason[] } {
  for (const tier of ['priority', 'watch'] as const) {
    const reasons = rules[tier].map((c) => check(c, tier, input, rules)).filter((r) => r !== null);
    if (reasons.length > 0) {
      if (!input.indicators) reasons.push({ kind: 'noIndicators', tier });
      return { tier, reasons };
    }
  }
  const reasons: TierReason[] = [{ kind: 'noConditionMet', tier: 'stable' }];
  if (!input.indicators) reasons.push({ kind: 'noIndicators', tier: 'stable' });
  return { tier: 'stable', reasons };
}

const isoDate = z.iso.date();

export const TierRuleSet = z.object({
  version: z.number(),
  effectiveFrom: z.string(),
  rules: TierRules,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** The version households are tiered by today. */
  inForce: z.boolean(),
});
export type TierRuleSet = z.infer<typeof TierRuleSet>;

export const TierRulesCreateBody = z.strictObject({
  /** Today or later; the households are re-tiered when it comes. */
  effectiveFrom: isoDate,
  rules: TierRules,
  note: z.string().trim().max(200).default(''),
});
export type TierRulesCreateBody = z.infer<typeof TierRulesCreateBody>;

export const TierRulesPreviewBody = z.strictObject({ rules: TierRules });

/** What a rule set would do to today's households, before it is saved. */
export const TierRulesPreview = z.object({
  households: z.number(),
  /** Households whose tier is fixed by an approved override: rules leave them alone. */
  overridden: z.number(),
  counts: z.object({ stable: z.number(), watch: z.number(), priority: z.number() }),
  moves: z.array(z.object({ from: z.enum(tiers).nullable(), to: z.enum(tiers), count: z.number() })),
});
export type TierRulesPreview = z.infer<typeof TierRulesPreview>;

export const overrideStatuses = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type OverrideStatus = (typeof overrideStatuses)[number];

/** A cadre's proposal to set a household's tier by hand (人工调整), decided by the town head. */
export const TierOverridesProposeBody = z.strictObject({
  tier: z.enum(tiers),
  reason: z.string().trim().min(2).max(500),
});
export type TierOverridesProposeBody = z.infer<typeof TierOverridesProposeBody>;

/** The town head's note on approving, rejecting or revoking an override. */
export const TierOverridesDecisionBody = z.strictObject({ note: z.string().trim().max(500).default('') });

export const TierOverrideIdParams = z.strictObject({ id: z.uuid() });

export const TierOverride = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNumber: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  headName: z.string().nullable(),
  tier: z.enum(tiers),
  /** The tier the rules give the household now. */
  currentTier: z.enum(tiers).nullable(),
  reason: z.string(),
  status: z.enum(overrideStatuses),
  proposedBy: z.string().nullable(),
  /** The proposer's account: nobody decides on their own proposal. */
  proposedById: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TierOverride = z.infer<typeof TierOverride>;

export const TierOverridesListQuery = z.strictObject({
  status: z.enum(overrideStatuses).optional(),
  householdId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
