import { z } from 'zod';

// Assessment (考核) and dashboards: the figures a district trusts, each defined once here and
// shown with its definition wherever it appears.

/** The dashboard's indicators, with the definition shown as a tooltip and in the docs. */
export const indicatorDefinitions = {
  responseRate: {
    'zh-CN': ['响应率', '期内受理的诉求中，已受理或退回（有答复）的比例'],
    en: ['Response rate', 'Of appeals received in the period, the share accepted or returned with an answer'],
  },
  resolutionRate: {
    'zh-CN': ['解决率', '期内受理的诉求中，已办结（含已结案）的比例；合并的重复诉求不计'],
    en: [
      'Resolution rate',
      'Of appeals received in the period, the share resolved or closed; merged duplicates excluded',
    ],
  },
  satisfactionRate: {
    'zh-CN': ['满意率', '已评价的诉求中，满意与基本满意之和的比例'],
    en: ['Satisfaction rate', 'Of rated appeals, the share rated satisfied or basically satisfied'],
  },
  onTimeRate: {
    'zh-CN': ['按期办结率', '已办结的诉求中，在办结期限（含批准的缓办期限）内办结的比例'],
    en: [
      'On-time rate',
      'Of resolved appeals, the share resolved by the deadline in force (an approved deferral’s)',
    ],
  },
  villageShare: {
    'zh-CN': ['村级解决率', '已办结的诉求中，在村级办结的比例（小事不出村）'],
    en: ['Solved in the village', 'Of resolved appeals, the share resolved at village level'],
  },
  townShare: {
    'zh-CN': ['镇级解决率', '已办结的诉求中，在镇级办结的比例（大事不出乡）'],
    en: ['Solved in the town', 'Of resolved appeals, the share resolved at town level'],
  },
  districtShare: {
    'zh-CN': ['上交区级率', '期内受理的诉求中，曾上交到区级的比例（矛盾不上交，越低越好）'],
    en: [
      'Sent to the district',
      'Of appeals received in the period, the share that ever reached the district (lower is better)',
    ],
  },
  pairingFill: {
    'zh-CN': ['连心户结对率', '在册连心户中，有在结对帮扶干部的比例（当前）'],
    en: [
      'Priority households paired',
      'Of active priority households, the share with an active helper (now)',
    ],
  },
  visitedPaired: {
    'zh-CN': ['结对户走访率', '在结对的户中，期内至少走访一次的比例'],
    en: [
      'Paired households visited',
      'Of households with an active helper, the share visited at least once in the period',
    ],
  },
  leftPriority: {
    'zh-CN': ['连心户转出数', '期内由连心户调整为关心户或放心户的户数'],
    en: ['Left the priority tier', 'Households moved out of the priority tier in the period'],
  },
} as const;
export type IndicatorKey = keyof typeof indicatorDefinitions;
export const indicatorKeys = Object.keys(indicatorDefinitions) as IndicatorKey[];

/** A ratio with what it counts; `value` null when there is nothing to count (no data, not 0 %). */
export const Ratio = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});

/** A ratio of two counts; no data (null), never 0 %, when the denominator is 0. */
export function ratio(numerator: number, denominator: number): z.infer<typeof Ratio> {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export const DashboardQuery = z.strictObject({
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const AreaIndicators = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  received: z.number(),
  responseRate: Ratio,
  resolutionRate: Ratio,
  satisfactionRate: Ratio,
  onTimeRate: Ratio,
  villageShare: Ratio,
  townShare: Ratio,
  districtShare: Ratio,
  pairingFill: Ratio,
  visitedPaired: Ratio,
  leftPriority: z.number(),
  households: z.number(),
  tiers: z.object({ stable: z.number(), watch: z.number(), priority: z.number() }),
  /**
   * Every indicator registered for the dashboard or the bulletin, keyed by its key (`GET
   * /indicators` names them); a count's value is its numerator.
   */
  indicators: z.record(z.string(), Ratio),
});
export type AreaIndicators = z.infer<typeof AreaIndicators>;

export const Dashboard = z.object({
  area: z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['district', 'town', 'village', 'group']),
  }),
  from: z.string(),
  to: z.string(),
  /** The area as a whole. */
  totals: AreaIndicators,
  /** One row per child area (towns of a district, villages of a town): the heat table and rankings. */
  children: z.array(AreaIndicators),
  /** By China calendar month of receipt. */
  monthly: z.array(
    z.object({
      month: z.string(),
      received: z.number(),
      resolved: z.number(),
      rated: z.number(),
      satisfied: z.number(),
    }),
  ),
  categories: z.array(z.object({ code: z.string(), received: z.number() })),
  /** The level funnel: received, ever at town level, ever at district level. */
  funnel: z.object({ received: z.number(), reachedTown: z.number(), reachedDistrict: z.number() }),
  /** When these figures were computed (they may come from a cache of at most a minute). */
  computedAt: z.string(),
});
export type Dashboard = z.infer<typeof Dashboard>;

// ---- annual assessment (年度考核) ---------------------------------------------------------------

export const cohorts = ['village_cadres', 'town_staff', 'town_heads', 'leaders', 'departments'] as const;
export type Cohort = (typeof cohorts)[number];

/** What a cadre is scored on; every one a rate from 0 to 1, or no data. */
export const cadreIndicatorDefinitions = {
  appealResolution: {
    'zh-CN': ['承办诉求解决率', '本人承办的期内诉求中，已办结的比例'],
    en: ['Appeals resolved', 'Of appeals the cadre handled (received in the year), the share resolved'],
  },
  appealSatisfaction: {
    'zh-CN': ['承办诉求满意率', '本人承办且已评价的诉求中，满意与基本满意的比例'],
    en: [
      'Appeal satisfaction',
      'Of rated appeals the cadre handled, the share satisfied or basically satisfied',
    ],
  },
  appealOnTime: {
    'zh-CN': ['承办诉求按期率', '本人办结的诉求中，按期办结的比例'],
    en: ['Appeals on time', 'Of appeals the cadre resolved, the share resolved by the deadline'],
  },
  pairedVisited: {
    'zh-CN': ['结对户走访率', '本人在结对的户中，年内至少走访一次的比例'],
    en: [
      'Paired households visited',
      'Of the cadre’s active pairings, the share visited at least once in the year',
    ],
  },
  helperSatisfaction: {
    'zh-CN': ['群众评价满意率', '结对户对本人的评价中，满意与基本满意的比例'],
    en: ['Households’ rating', 'Of ratings by paired households, the share satisfied or basically satisfied'],
  },
  quotaFill: {
    'zh-CN': ['帮扶指标完成率', '在结对户数与最低帮扶指标之比（最高 100%）'],
    en: ['Quota filled', 'Active pairings over the minimum quota (at most 100 %)'],
  },
} as const;
export type CadreIndicator = keyof typeof cadreIndicatorDefinitions;
export const cadreIndicators = Object.keys(cadreIndicatorDefinitions) as CadreIndicator[];

export const CohortConfig = z.strictObject({
  /** Indicator key → weight in percent; the weights of a cohort sum to 100. */
  weights: z.record(z.string().max(40), z.number().int().min(0).max(100)),
});

export const AssessmentConfig = z.strictObject({
  village_cadres: CohortConfig,
  town_staff: CohortConfig,
  town_heads: CohortConfig,
  leaders: CohortConfig,
  /** The district's departments, each assessed through its head's account on its dispatches. */
  departments: CohortConfig,
});
export type AssessmentConfig = z.infer<typeof AssessmentConfig>;

export const defaultAssessmentConfig: AssessmentConfig = {
  village_cadres: {
    weights: { pairedVisited: 30, helperSatisfaction: 30, appealResolution: 20, quotaFill: 20 },
  },
  town_staff: {
    weights: { appealResolution: 30, appealSatisfaction: 30, appealOnTime: 20, pairedVisited: 20 },
  },
  town_heads: { weights: { appealResolution: 35, appealSatisfaction: 35, appealOnTime: 30 } },
  leaders: { weights: { pairedVisited: 50, helperSatisfaction: 50 } },
  departments: {
    weights: {
      dispatchResponse: 20,
      dispatchResolution: 25,
      dispatchSatisfaction: 25,
      dispatchOnTime: 15,
      whistleReported: 15,
    },
  },
};

/**
 * A year's saved weights with a default for each cohort it has none for (a year saved before the
 * cohort existed).
 */
export function withDefaultCohorts(saved: Partial<AssessmentConfig>): AssessmentConfig {
  return { ...defaultAssessmentConfig, ...saved };
}

export const YearParams = z.strictObject({ year: z.coerce.number().int().min(2020).max(2100) });

export const AssessmentScore = z.object({
  cadreId: z.string(),
  cadreName: z.string(),
  cohort: z.enum(cohorts),
  areaCode: z.string(),
  areaName: z.string(),
  /** Indicator → value (0 … 1, or null for no data) and its weighted points. */
  breakdown: z.array(
    z.object({ indicator: z.string(), weight: z.number(), value: z.number().nullable(), points: z.number() }),
  ),
  /** Points out of the weights that had data, scaled to 100; null when no indicator had data. */
  score: z.number().nullable(),
  rank: z.number().nullable(),
  comment: z.string().nullable(),
});
export type AssessmentScore = z.infer<typeof AssessmentScore>;

export const Assessment = z.object({
  year: z.number(),
  status: z.enum(['draft', 'finalized']),
  config: AssessmentConfig,
  computedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  scores: z.array(AssessmentScore),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentsGetQuery = z.strictObject({ cohort: z.enum(cohorts).optional() });
export type AssessmentsGetQuery = z.infer<typeof AssessmentsGetQuery>;

/** The year's scores were computed anew: how many cadres were scored. */
export const AssessmentsComputeResponse = z.object({ cadres: z.number() });
export type AssessmentsComputeResponse = z.infer<typeof AssessmentsComputeResponse>;

export const AssessmentsCommentParams = YearParams.extend({ cadreId: z.uuid() });
export const AssessmentsCommentBody = z.strictObject({ comment: z.string().trim().max(1000) });
export type AssessmentsCommentBody = z.infer<typeof AssessmentsCommentBody>;

// ---- monthly bulletin (月度通报) -----------------------------------------------------------------

export const bulletinFormats = ['xlsx', 'pdf'] as const;
export type BulletinFormat = (typeof bulletinFormats)[number];

/** A China calendar month of this century, `YYYY-MM`. */
export const BulletinsGetParams = z.strictObject({
  month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/),
});

export const BulletinsGetQuery = z.strictObject({
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  format: z.enum(bulletinFormats).default('xlsx'),
});
export type BulletinsGetQuery = z.infer<typeof BulletinsGetQuery>;

// ---- the work of cadres, per cadre and per tier, for a period ------------------------------------

/** The figures of each cadre's work and of visits against the tiers' frequencies, defined once. */
export const workIndicatorDefinitions = {
  handled: {
    'zh-CN': ['承办诉求', '期内受理、由本人承办的诉求件数（合并的重复诉求不计）'],
    en: [
      'Appeals handled',
      'Appeals received in the period that the cadre handles (merged duplicates excluded)',
    ],
  },
  resolutionRate: {
    'zh-CN': ['承办诉求解决率', '本人承办的期内诉求中，已办结的比例'],
    en: ['Appeals resolved', 'Of appeals the cadre handles (received in the period), the share resolved'],
  },
  satisfactionRate: {
    'zh-CN': ['承办诉求满意率', '本人承办且已评价的诉求中，满意与基本满意的比例'],
    en: [
      'Appeal satisfaction',
      'Of rated appeals the cadre handles, the share satisfied or basically satisfied',
    ],
  },
  onTimeRate: {
    'zh-CN': ['承办诉求按期率', '本人办结的诉求中，按期办结的比例'],
    en: ['Appeals on time', 'Of appeals the cadre resolved, the share resolved by the deadline'],
  },
  quotaFill: {
    'zh-CN': ['帮扶指标完成率', '在结对户数与最低帮扶指标之比（当前；超过指标按 100% 计）'],
    en: ['Quota filled', 'Active pairings over the minimum quota (now; at most 100 %)'],
  },
  pairedVisited: {
    'zh-CN': ['结对户走访率', '本人在结对的户中，期内至少走访一次的比例'],
    en: [
      'Paired households visited',
      'Of the cadre’s active pairings, the share visited at least once in the period',
    ],
  },
  visits: {
    'zh-CN': ['走访次数', '期内本人参加的走访（入户与进村）次数'],
    en: ['Visits', 'Visits (to households and to villages) the cadre took part in during the period'],
  },
  villageDays: {
    'zh-CN': ['驻村天数', '期内本人有走访记录的天数'],
    en: ['Village days', 'Days in the period on which the cadre recorded a visit'],
  },
  helperSatisfaction: {
    'zh-CN': ['群众评价满意率', '期内结对户对本人的评价中，满意与基本满意的比例'],
    en: [
      'Households’ rating',
      'Of ratings by paired households in the period, the share satisfied or basically satisfied',
    ],
  },
  visitCoverage: {
    'zh-CN': [
      '按户类走访覆盖率',
      '在册户中，截至期末按户类走访频次（连心户、关心户、放心户各自的天数）内走访过的比例',
    ],
    en: [
      'Visited as often as their tier asks',
      'Of active households, the share visited within their tier’s visit interval before the period’s end',
    ],
  },
} as const;
export type WorkIndicator = keyof typeof workIndicatorDefinitions;

export const CadreWork = z.object({
  cadreId: z.string(),
  name: z.string(),
  role: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  handled: z.number(),
  resolutionRate: Ratio,
  satisfactionRate: Ratio,
  onTimeRate: Ratio,
  /** Active pairings now, and the cadre's minimum quota. */
  paired: z.number(),
  quotaMin: z.number(),
  quotaFill: Ratio,
  pairedVisited: Ratio,
  visits: z.number(),
  villageDays: z.number(),
  helperSatisfaction: Ratio,
});
export type CadreWork = z.infer<typeof CadreWork>;

export const Work = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** Every cadre of the area who may be paired with households, by area and name. */
  cadres: z.array(CadreWork),
  /** Per tier: active households, and those visited within the tier's interval before `to`. */
  visitCoverage: z.array(
    z.object({ tier: z.enum(['priority', 'watch', 'stable']), everyDays: z.number(), coverage: Ratio }),
  ),
});
export type Work = z.infer<typeof Work>;
