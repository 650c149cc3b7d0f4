import { z } from 'zod';
import { appealRatings } from './appeals';
import { IndicatorsInput } from './households';
import { QueryFlag } from './query';
import { tiers } from './tiering';
import { RecordVersion } from './versions';

// Contact and assistance (联系服务, 结对帮扶): pairings under quotas, contact points, visits,
// help measures, the must-visit (五必访) and must-go (五必去) duties and their coverage.

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date();

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

// ---- pairings -------------------------------------------------------------------------------

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

// ---- contact points (联系点) ----------------------------------------------------------------

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

// ---- visits (走访) ----------------------------------------------------------------------------

export const visitKinds = ['in_home', 'phone', 'group_meeting', 'reception_day'] as const;
export const needKinds = [
  'income',
  'medical',
  'housing',
  'education',
  'employment',
  'elderly_care',
  'disability',
  'legal',
  'infrastructure',
  'other',
] as const;

export const helpMeasureKinds = [
  'dibao_application',
  'medical_insurance',
  'job_referral',
  'skills_training',
  'industry_support',
  'housing_repair',
  'education_aid',
  'temporary_relief',
  'legal_aid',
  'other',
] as const;
export const helpMeasureStatuses = ['planned', 'in_progress', 'done', 'failed'] as const;

/** A year's figures for the household, as on its indicators tab. */
const IndicatorUpdate = IndicatorsInput.extend({ year: z.number().int().min(2000).max(2100) });

export const VisitCreateBody = z
  .strictObject({
    /** Client-made UUID: a re-synced visit is stored once. */
    id: z.uuid(),
    /** A household visit; or null for a visit to the village itself (a must-go place). */
    householdId: z.uuid().nullable().default(null),
    villageCode: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    /** Other cadres on the visit besides the caller. */
    companionIds: z.array(z.uuid()).max(10).default([]),
    date,
    kind: z.enum(visitKinds),
    findings: text(4000).min(1),
    needs: z.array(z.enum(needKinds)).max(needKinds.length).default([]),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    /** New figures for the household (they may move its tier). */
    indicators: IndicatorUpdate.nullable().default(null),
    /** Help given on the spot, recorded as done measures. */
    measuresDone: z
      .array(z.strictObject({ kind: z.enum(helpMeasureKinds), outcome: text(1000).default('') }))
      .max(10)
      .default([]),
    /** Matters to take up as appeals (handed to the appeals module). */
    appeals: z
      .array(
        z.strictObject({
          categoryCode: z.string().trim().min(1).max(40),
          title: text(60).min(1),
          description: text(4000).min(1),
        }),
      )
      .max(10)
      .default([]),
  })
  .superRefine((body, ctx) => {
    if (!body.householdId && !body.villageCode) {
      ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'visit.target' });
    }
  });
export type VisitCreateBody = z.infer<typeof VisitCreateBody>;

export const Visit = z.object({
  id: z.string(),
  householdId: z.string().nullable(),
  householdNumber: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  date: z.string(),
  kind: z.enum(visitKinds),
  findings: z.string(),
  needs: z.array(z.enum(needKinds)),
  cadres: z.array(z.object({ id: z.string(), name: z.string() })),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  photos: z.array(z.object({ id: z.string(), size: z.number(), contentType: z.string() })),
  appealIds: z.array(z.string()),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof Visit>;

export const VisitsQuery = z.strictObject({
  householdId: z.uuid().optional(),
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  cadreId: z.uuid().optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const WorklistItem = z.object({
  pairingId: z.string(),
  householdId: z.string(),
  householdNumber: z.string(),
  headName: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  villageName: z.string(),
  tier: z.enum(tiers).nullable(),
  lastVisitDate: z.string().nullable(),
  dueDate: z.string(),
  state: z.enum(['overdue', 'due', 'ok']),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  items: z.array(WorklistItem),
  overdue: z.number(),
  due: z.number(),
  villageDaysThisMonth: z.number(),
  villageDaysRequired: z.number(),
});
export type Worklist = z.infer<typeof Worklist>;

// ---- help measures (帮扶措施) -------------------------------------------------------------------

export const HelpMeasureCreateBody = z.strictObject({
  householdId: z.uuid(),
  kind: z.enum(helpMeasureKinds),
  status: z.enum(helpMeasureStatuses).default('planned'),
  description: text(1000).default(''),
  startDate: date.nullable().default(null),
});

export const HelpMeasureUpdateBody = z.strictObject({
  version: RecordVersion,
  status: z.enum(helpMeasureStatuses),
  outcome: text(1000).default(''),
  /** A completed measure may change the household's figures, and so its tier. */
  indicators: IndicatorUpdate.nullable().default(null),
});

export const HelpMeasure = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNumber: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  kind: z.enum(helpMeasureKinds),
  status: z.enum(helpMeasureStatuses),
  description: z.string(),
  outcome: z.string(),
  startDate: z.string().nullable(),
  finishedAt: z.string().nullable(),
  visitId: z.string().nullable(),
  version: z.number(),
});
export type HelpMeasure = z.infer<typeof HelpMeasure>;

// ---- must-visit (五必访) and must-go (五必去) coverage ---------------------------------------

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

// ---- residents rate their helper --------------------------------------------------------------

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
