import { z } from 'zod';
import type { FieldProblem } from './field-problems';
import { normalizeIdNumber, parseIdNumber } from './id-number';
import { QueryFlag } from './query';
import { hardshipFactors, tiers } from './tiering';
import { RecordVersion } from './versions';

export const householdStatuses = ['active', 'moved_out', 'dissolved'] as const;
export const residentStatuses = ['active', 'moved_out', 'deceased'] as const;
export const relations = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other',
] as const;
export const employments = [
  'farming',
  'employed',
  'self_employed',
  'migrant_worker',
  'unemployed',
  'student',
  'retired',
  'unable_to_work',
  'other',
] as const;
export const educations = [
  'none',
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'bachelor',
  'postgraduate',
] as const;
/** 两代一委 and village / group cadres: the public roles that make a resident a must-visit. */
export const publicRoles = [
  'party_congress_deputy',
  'peoples_congress_deputy',
  'cppcc_member',
  'village_cadre',
  'group_cadre',
] as const;

/** The tags every district has; district admins add their own. */
export const builtinTags = [
  { code: 'dibao', name: '低保', appliesTo: 'household' },
  { code: 'wubao', name: '五保', appliesTo: 'household' },
  { code: 'tekun', name: '特困供养', appliesTo: 'household' },
  { code: 'disabled', name: '残疾', appliesTo: 'resident' },
  { code: 'seriously_ill', name: '重病', appliesTo: 'resident' },
  { code: 'elderly_alone', name: '独居老人', appliesTo: 'resident' },
  { code: 'left_behind_child', name: '留守儿童', appliesTo: 'resident' },
  { code: 'landless', name: '失地农民', appliesTo: 'both' },
  { code: 'unemployed', name: '失业', appliesTo: 'resident' },
  { code: 'poverty_alleviated', name: '脱贫户', appliesTo: 'household' },
  { code: 'monitored', name: '监测对象', appliesTo: 'household' },
] as const;

export const IdNumber = z
  .string()
  .max(40)
  .transform(normalizeIdNumber)
  .superRefine((value, ctx) => {
    const parsed = parseIdNumber(value);
    if (!parsed.ok)
      ctx.addIssue({ code: 'custom', message: `idNumber.${parsed.problem}` satisfies FieldProblem });
  });

const phone = z.string().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);
export const TagCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
const tagCode = TagCode;
const version = RecordVersion;

export const ResidentInput = z.strictObject({
  name: z.string().trim().min(1).max(40),
  idNumber: IdNumber.nullable().default(null),
  relation: z.enum(relations),
  phone: phone.nullable().default(null),
  partyMember: z.boolean().default(false),
  partyJoinYear: z.number().int().min(1921).max(2100).nullable().default(null),
  employment: z.enum(employments).nullable().default(null),
  education: z.enum(educations).nullable().default(null),
  disabled: z.boolean().default(false),
  seriouslyIll: z.boolean().default(false),
  publicRoles: z.array(z.enum(publicRoles)).max(5).default([]),
  tags: z.array(tagCode).max(20).default([]),
  status: z.enum(residentStatuses).default('active'),
});
export type ResidentInput = z.infer<typeof ResidentInput>;

/** A change to one member: only the fields given change. */
export const ResidentsUpdateBody = z.strictObject({
  version,
  name: z.string().trim().min(1).max(40).optional(),
  idNumber: IdNumber.nullable().optional(),
  relation: z.enum(relations).optional(),
  phone: phone.nullable().optional(),
  partyMember: z.boolean().optional(),
  partyJoinYear: z.number().int().min(1921).max(2100).nullable().optional(),
  employment: z.enum(employments).nullable().optional(),
  education: z.enum(educations).nullable().optional(),
  disabled: z.boolean().optional(),
  seriouslyIll: z.boolean().optional(),
  publicRoles: z.array(z.enum(publicRoles)).max(5).optional(),
  tags: z.array(tagCode).max(20).optional(),
  status: z.enum(residentStatuses).optional(),
});
export type ResidentsUpdateBody = z.infer<typeof ResidentsUpdateBody>;

export const IndicatorsInput = z.strictObject({
  totalIncome: z.number().int().min(0).max(100_000_000),
  debt: z.number().int().min(0).max(1_000_000_000).default(0),
  mainIncomeSource: z.string().trim().max(60).nullable().default(null),
  hardships: z.array(z.enum(hardshipFactors)).max(8).default([]),
});
export type IndicatorsInput = z.infer<typeof IndicatorsInput>;

const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);

export const HouseholdsCreateBody = z
  .strictObject({
    areaCode,
    number: z.string().trim().min(1).max(30),
    address: z.string().trim().max(200).default(''),
    phone: phone.nullable().default(null),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    tags: z.array(tagCode).max(20).default([]),
    members: z.array(ResidentInput).min(1).max(30),
    indicators: IndicatorsInput.extend({ year: z.number().int().min(2000).max(2100) })
      .nullable()
      .default(null),
  })
  .superRefine((body, ctx) => {
    const heads = body.members.filter((m) => m.relation === 'head' && m.status === 'active').length;
    if (heads !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'household.head' satisfies FieldProblem });
    const ids = body.members.map((m) => m.idNumber).filter((id) => id !== null);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'household.duplicateId' satisfies FieldProblem,
      });
    }
  });
export type HouseholdsCreateBody = z.infer<typeof HouseholdsCreateBody>;

/** A change to a household file: only the fields given change. */
export const HouseholdsUpdateBody = z.strictObject({
  version,
  /** Moves the household to another group (or village) in the caller's area. */
  areaCode: areaCode.optional(),
  number: z.string().trim().min(1).max(30).optional(),
  address: z.string().trim().max(200).optional(),
  phone: phone.nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  status: z.enum(householdStatuses).optional(),
  tags: z.array(tagCode).max(20).optional(),
});
export type HouseholdsUpdateBody = z.infer<typeof HouseholdsUpdateBody>;

/** Hands the headship to another active member; the former head takes the relation given. */
export const HouseholdsChangeHeadBody = z.strictObject({
  version,
  residentId: z.uuid(),
  formerHeadRelation: z.enum(relations).exclude(['head']),
});
export type HouseholdsChangeHeadBody = z.infer<typeof HouseholdsChangeHeadBody>;

export const IndicatorYearParams = z.strictObject({
  id: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const HouseholdIdParams = z.strictObject({ id: z.uuid() });
export const ResidentIdParams = z.strictObject({ id: z.uuid() });

export const HouseholdsFilter = z.strictObject({
  areaCode: areaCode.optional(),
  tier: z.enum(tiers).optional(),
  tag: tagCode.optional(),
  status: z.enum(householdStatuses).optional(),
  q: z.string().trim().max(40).optional(),
  /** Per-capita income range (yuan per year) of the latest year's indicators. */
  perCapitaMin: z.coerce.number().int().min(0).optional(),
  perCapitaMax: z.coerce.number().int().min(0).optional(),
  /** Only households with at least this many hardship factors in the latest year. */
  hardshipsMin: z.coerce.number().int().min(1).max(8).optional(),
  /** Moved out of the priority tier on or after this China calendar day (连心户转出). */
  leftPriorityFrom: z.iso.date().optional(),
  /** Moved out of the priority tier on or before this China calendar day (inclusive). */
  leftPriorityTo: z.iso.date().optional(),
  /** With (`true`) or without (`false`) an active helper (结对). */
  paired: QueryFlag.optional(),
});
export type HouseholdsFilter = z.infer<typeof HouseholdsFilter>;

export const householdSorts = ['area', 'recent'] as const;
export type HouseholdSort = (typeof householdSorts)[number];

export const HouseholdsListQuery = HouseholdsFilter.extend({
  /** `area`: by village, group and household number; `recent`: last changed first. */
  sort: z.enum(householdSorts).default('area'),
  /** Opaque cursor from the previous page (keyset pagination: as fast on page 10,000 as on page 1). */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type HouseholdsListQuery = z.infer<typeof HouseholdsListQuery>;

export const TierReasonOut = z.record(z.string(), z.unknown());

export const Resident = z.object({
  id: z.string(),
  householdId: z.string(),
  name: z.string(),
  /** Masked (610902********1234) unless the caller may see full ID numbers and asked to reveal. */
  idNumber: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  relation: z.enum(relations),
  phone: z.string().nullable(),
  partyMember: z.boolean(),
  partyJoinYear: z.number().nullable(),
  employment: z.enum(employments).nullable(),
  education: z.enum(educations).nullable(),
  disabled: z.boolean(),
  seriouslyIll: z.boolean(),
  publicRoles: z.array(z.enum(publicRoles)),
  tags: z.array(z.string()),
  status: z.enum(residentStatuses),
  version: z.number(),
});
export type Resident = z.infer<typeof Resident>;

export const HouseholdSummary = z.object({
  id: z.string(),
  number: z.string(),
  areaCode: z.string(),
  villageCode: z.string(),
  areaName: z.string(),
  headName: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  memberCount: z.number(),
  status: z.enum(householdStatuses),
  tier: z.enum(tiers).nullable(),
  tierSource: z.enum(['rules', 'override']).nullable(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const Household = HouseholdSummary.extend({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  tags: z.array(z.string()),
  tierRuleVersion: z.number().nullable(),
  tierReasons: z.array(TierReasonOut),
  members: z.array(Resident),
  indicators: z.array(
    IndicatorsInput.extend({
      year: z.number(),
      perCapitaIncome: z.number(),
      mainIncomeSource: z.string().nullable(),
    }),
  ),
  tierHistory: z.array(
    z.object({
      at: z.string(),
      fromTier: z.enum(tiers).nullable(),
      toTier: z.enum(tiers),
      cause: z.string(),
      ruleVersion: z.number().nullable(),
      reasons: z.array(TierReasonOut),
    }),
  ),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof Household>;

export const HouseholdsPage = z.object({
  items: z.array(HouseholdSummary),
  nextCursor: z.string().nullable(),
  total: z.number(),
  tierCounts: z.object({ stable: z.number(), watch: z.number(), priority: z.number(), none: z.number() }),
});
export type HouseholdsPage = z.infer<typeof HouseholdsPage>;

export const tagAppliesTo = ['household', 'resident', 'both'] as const;

export const TagDefinition = z.object({
  code: z.string(),
  name: z.string(),
  appliesTo: z.enum(tagAppliesTo),
  builtin: z.boolean(),
});
export type TagDefinition = z.infer<typeof TagDefinition>;

export const TagsCreateBody = z.strictObject({
  code: tagCode,
  name: z.string().trim().min(1).max(20),
  appliesTo: z.enum(tagAppliesTo),
});
export type TagsCreateBody = z.infer<typeof TagsCreateBody>;
