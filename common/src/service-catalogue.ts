import { z } from 'zod';
import { materialForms, serviceCategories } from './services';
import { RecordVersion } from './versions';

// 便民服务事项清单: the service catalogue (each item's 办事指南, versioned) and the centres and
// stations (便民服务中心/站) with their hours, the items handled there and the duty roster (今日值班).
// The endpoints are in contracts/service-items.ts and contracts/service-centres.ts.

const text = (max: number) => z.string().trim().max(max);
const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);
const id = z.string().trim().min(1).max(64);
/** A day as written (2026-12-07). */
const day = z.iso.date();
/** An office phone (值班电话, 咨询电话): digits with an optional area code and extension. */
const officePhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/);
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** One material a guide asks for (申请材料): what, original or copy, how many, notes. */
export const ServiceMaterial = z.strictObject({
  name: text(120).min(1),
  form: z.enum(materialForms),
  count: z.number().int().min(1).max(20),
  notes: text(500).default(''),
});
export type ServiceMaterial = z.infer<typeof ServiceMaterial>;

/** The guide's fields (办事指南), as written by staff: every version keeps all of them. */
export const ServiceGuideFields = z.strictObject({
  name: text(100).min(1),
  category: z.enum(serviceCategories),
  /** The handling unit (办理机构): an active department, town office or service station in reach. */
  unitId: id,
  /** 受理条件 */
  conditions: text(4000).min(1),
  /** 设定依据: the law or rule the item rests on. */
  basis: text(1000).default(''),
  /** 申请材料 */
  materials: z.array(ServiceMaterial).max(40),
  /** 办理流程: the steps, in order. */
  steps: z.array(text(500).min(1)).min(1).max(30),
  /** 法定办结时限, working days; null: none set by law. */
  legalDays: z.number().int().min(0).max(365).nullable(),
  /** 承诺办结时限, working days: what a proxy request's deadline counts. */
  promisedDays: z.number().int().min(0).max(365),
  /** 收费标准: '' for free of charge. */
  fees: text(500).default(''),
  /** 办理地点 */
  place: text(300).min(1),
  /** 办理时间 */
  hours: text(300).min(1),
  /** 咨询电话: an office phone. */
  consultationPhone: officePhone.nullable(),
  /** 可代办: whether a village agent may carry it for the resident. */
  proxyAllowed: z.boolean(),
  /** 网上办理: the online service's address, if any. */
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  /** Other words the search should find it by (拼音首字母, common names): not shown. */
  keywords: text(200).default(''),
});
export type ServiceGuideFields = z.input<typeof ServiceGuideFields>;

/** A guide as stored and read back: the fields plus the handling unit's name at that version. */
export const ServiceGuide = z.object({
  name: z.string(),
  category: z.enum(serviceCategories),
  unitId: z.string(),
  unitName: z.string(),
  conditions: z.string(),
  basis: z.string(),
  materials: z.array(
    z.object({ name: z.string(), form: z.enum(materialForms), count: z.number().int(), notes: z.string() }),
  ),
  steps: z.array(z.string()),
  legalDays: z.number().int().nullable(),
  promisedDays: z.number().int(),
  fees: z.string(),
  place: z.string(),
  hours: z.string(),
  consultationPhone: z.string().nullable(),
  proxyAllowed: z.boolean(),
  onlineUrl: z.string().nullable(),
  keywords: z.string(),
});
export type ServiceGuide = z.infer<typeof ServiceGuide>;

export const ServiceItemsListQuery = z.strictObject({
  /** Matches the name, keywords and pinyin initials (拼音首字母) given in the keywords. */
  q: text(50).optional(),
  category: z.enum(serviceCategories).optional(),
  /** Items of this area (the district's list, or a town's local items). */
  areaCode: areaCode.optional(),
  unitId: id.optional(),
  proxyAllowed: boolQuery.optional(),
  /** Default: active only; 'false' lists the deactivated ones. */
  active: boolQuery.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ServiceItemsListQuery = z.infer<typeof ServiceItemsListQuery>;

export const ServiceItemSummary = z.object({
  id: z.string(),
  code: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  category: z.enum(serviceCategories),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  proxyAllowed: z.boolean(),
  promisedDays: z.number().int(),
  currentVersion: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ServiceItemSummary = z.infer<typeof ServiceItemSummary>;

export const ServiceItemsPage = z.object({ items: z.array(ServiceItemSummary), total: z.number().int() });
export type ServiceItemsPage = z.infer<typeof ServiceItemsPage>;

/** One version of an item's guide, in the history list. */
export const ServiceItemVersionSummary = z.object({
  versionNo: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ServiceItemVersionSummary = z.infer<typeof ServiceItemVersionSummary>;

/** An item: its current guide, its version number and every earlier version's line. */
export const ServiceItem = ServiceItemSummary.extend({
  guide: ServiceGuide,
  versions: z.array(ServiceItemVersionSummary),
  /** Whether the caller may edit it (a town's local items: that town only). */
  editable: z.boolean(),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

/** An earlier (or the current) version's guide: what a request made on it was told. */
export const ServiceItemVersion = z.object({
  itemId: z.string(),
  code: z.string(),
  versionNo: z.number().int(),
  current: z.boolean(),
  guide: ServiceGuide,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ServiceItemVersion = z.infer<typeof ServiceItemVersion>;

export const ServiceItemsCreateBody = ServiceGuideFields.extend({
  /** The district (its list) or a town (a local item). */
  areaCode,
  /** 事项编码; made up when left out. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,40}$/)
    .optional(),
});
export type ServiceItemsCreateBody = z.input<typeof ServiceItemsCreateBody>;

/** An edit writes a new version of the guide; the old one stays readable. */
export const ServiceItemsUpdateBody = ServiceGuideFields.extend({ version: RecordVersion });
export type ServiceItemsUpdateBody = z.input<typeof ServiceItemsUpdateBody>;

export const ServiceItemsDeactivateBody = z.strictObject({
  version: RecordVersion,
  /** false: deactivate (the default); true: make it active again. */
  active: z.boolean().default(false),
});
export type ServiceItemsDeactivateBody = z.input<typeof ServiceItemsDeactivateBody>;

// ---- Centres and stations -----------------------------------------------------------------------

/** A town's centre (便民服务中心) or a village's station (便民服务站). */
export const serviceCentreLevels = ['town', 'village'] as const;
export type ServiceCentreLevel = (typeof serviceCentreLevels)[number];

/** One line of the duty roster (值班): an account of the station, or a name with an office phone. */
export const ServiceDuty = z.object({
  id: z.string(),
  date: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  /** The duty's office phone (值班电话), never an account's personal mobile. */
  phone: z.string().nullable(),
  note: z.string().nullable(),
});
export type ServiceDuty = z.infer<typeof ServiceDuty>;

export const ServiceCentresListQuery = z.strictObject({
  /** Centres and stations within this area (a town: its centre and its villages' stations). */
  areaCode: areaCode.optional(),
  level: z.enum(serviceCentreLevels).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ServiceCentresListQuery = z.infer<typeof ServiceCentresListQuery>;

export const ServiceCentreSummary = z.object({
  unitId: z.string(),
  name: z.string(),
  level: z.enum(serviceCentreLevels),
  areaCode: z.string(),
  areaName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  hoursText: z.string().nullable(),
  itemCount: z.number().int(),
  /** Names of today's duty staff. */
  todayDuty: z.array(z.string()),
  active: z.boolean(),
});
export type ServiceCentreSummary = z.infer<typeof ServiceCentreSummary>;

export const ServiceCentresPage = z.object({ items: z.array(ServiceCentreSummary), total: z.number().int() });
export type ServiceCentresPage = z.infer<typeof ServiceCentresPage>;

export const ServiceCentreItem = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(serviceCategories),
  proxyAllowed: z.boolean(),
  promisedDays: z.number().int(),
});
export type ServiceCentreItem = z.infer<typeof ServiceCentreItem>;

export const ServiceCentreGetQuery = z.strictObject({
  /** The Monday of the roster's week; default this week. */
  weekStart: day.optional(),
});
export type ServiceCentreGetQuery = z.infer<typeof ServiceCentreGetQuery>;

export const ServiceCentre = ServiceCentreSummary.extend({
  intro: z.string().nullable(),
  holidayHoursText: z.string().nullable(),
  items: z.array(ServiceCentreItem),
  today: z.array(ServiceDuty),
  weekStart: z.string(),
  week: z.array(ServiceDuty),
  /** The accounts bound to the station (its head and agents). */
  staff: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  /** Whether the caller may edit the profile and items, and put the roster. */
  canEdit: z.boolean(),
  canPutRoster: z.boolean(),
  /** 0 while the centre has no profile yet. */
  version: z.number().int(),
});
export type ServiceCentre = z.infer<typeof ServiceCentre>;

export const ServiceCentresUpdateBody = z.strictObject({
  intro: text(2000).nullable(),
  hoursText: text(300).nullable(),
  holidayHoursText: text(300).nullable(),
  /** The items handled there (active items in reach). */
  itemIds: z.array(id).max(500),
  /** The profile's version; 0 when it has none yet. */
  version: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 2),
});
export type ServiceCentresUpdateBody = z.input<typeof ServiceCentresUpdateBody>;

export const ServiceDutyInput = z
  .strictObject({
    date: day,
    /** An account bound to the station; its name is taken from it. */
    userId: id.nullable().default(null),
    name: text(40).default(''),
    phone: officePhone.nullable().default(null),
    note: text(200).nullable().default(null),
  })
  .refine((d) => d.userId !== null || d.name.length > 0, { message: 'name', path: ['name'] });

/** A week's roster: replaces every line of that week (Monday to Sunday). */
export const ServiceRosterPutBody = z.strictObject({
  weekStart: day,
  duties: z.array(ServiceDutyInput).max(100),
});
export type ServiceRosterPutBody = z.input<typeof ServiceRosterPutBody>;

export const ServiceRoster = z.object({
  unitId: z.string(),
  weekStart: z.string(),
  duties: z.array(ServiceDuty),
});
export type ServiceRoster = z.infer<typeof ServiceRoster>;

// ---- Public (no sign-in) ------------------------------------------------------------------------

export const PublicServiceItemsQuery = z.strictObject({
  q: text(50).optional(),
  category: z.enum(serviceCategories).optional(),
  /** A village or town: the district's items and that town's local ones. */
  areaCode: areaCode.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type PublicServiceItemsQuery = z.infer<typeof PublicServiceItemsQuery>;

export const PublicServiceItemSummary = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(serviceCategories),
  unitName: z.string(),
  promisedDays: z.number().int(),
  proxyAllowed: z.boolean(),
});
export type PublicServiceItemSummary = z.infer<typeof PublicServiceItemSummary>;

export const PublicServiceItemsPage = z.object({
  items: z.array(PublicServiceItemSummary),
  total: z.number().int(),
});
export type PublicServiceItemsPage = z.infer<typeof PublicServiceItemsPage>;

/** The printable guide. */
export const PublicServiceItem = z.object({
  id: z.string(),
  code: z.string(),
  versionNo: z.number().int(),
  updatedAt: z.string(),
  guide: ServiceGuide.omit({ keywords: true }),
  unit: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
});
export type PublicServiceItem = z.infer<typeof PublicServiceItem>;

export const PublicServiceCentresQuery = z.strictObject({
  /** A town (its centre and its villages' stations) or a village (its station). */
  areaCode: areaCode.optional(),
});
export type PublicServiceCentresQuery = z.infer<typeof PublicServiceCentresQuery>;

/** Today's duty as residents see it: the name and the office phone only. */
export const PublicDuty = z.object({ name: z.string(), phone: z.string().nullable() });

export const PublicServiceCentreSummary = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(serviceCentreLevels),
  areaCode: z.string(),
  areaName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  hoursText: z.string().nullable(),
  holidayHoursText: z.string().nullable(),
  todayDuty: z.array(PublicDuty),
  itemCount: z.number().int(),
});
export type PublicServiceCentreSummary = z.infer<typeof PublicServiceCentreSummary>;

export const PublicServiceCentresResponse = z.object({ items: z.array(PublicServiceCentreSummary) });

export const PublicServiceCentre = PublicServiceCentreSummary.extend({
  intro: z.string().nullable(),
  items: z.array(PublicServiceItemSummary),
});
export type PublicServiceCentre = z.infer<typeof PublicServiceCentre>;

/** The village page's section: the stations serving the village (its own, else its town's centre). */
export const ServicesVillageSection = z.object({
  stations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.enum(serviceCentreLevels),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      hoursText: z.string().nullable(),
      todayDuty: z.array(z.string()),
      itemCount: z.number().int(),
    }),
  ),
});
export type ServicesVillageSection = z.infer<typeof ServicesVillageSection>;
