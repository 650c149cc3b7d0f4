import { z } from 'zod';
import { chinaDate, chinaDayAfter, shiftMonth } from './calendar';
import { maskIdNumber, maskPhone } from './id-number';

// Village affairs disclosure (村务公开): what a village must publish and when. The Organic Law of
// Villagers' Committees (村民委员会组织法, 2018) art. 30: village affairs at least once a quarter,
// finances once a month where collective finances are busy, major matters at once.

export const disclosureCategories = [
  /** 村务: general village affairs, at least quarterly. */
  'general',
  /** 财务: collective finances, monthly (quarterly where the district allows it). */
  'finance',
  /** 重大事项: major matters, at once. */
  'major',
] as const;
export type DisclosureCategory = (typeof disclosureCategories)[number];

/** How often a village publishes its finances. */
export const financeCadences = ['monthly', 'quarterly'] as const;
export type FinanceCadence = (typeof financeCadences)[number];

/** Where a scheduled disclosure stands. */
export const disclosureStates = [
  /** Its period is not over yet. */
  'open',
  /** Its period is over; it is not due yet. */
  'due',
  /** Published by its due date. */
  'on_time',
  /** Published after its due date. */
  'published_late',
  /** Past its due date and not published. */
  'overdue',
] as const;
export type DisclosureState = (typeof disclosureStates)[number];

/** The district's rules for the schedule (one setting for the district). */
export const DisclosureSettings = z.strictObject({
  /** A village may publish its finances quarterly instead of monthly (art. 30: monthly "where busy"). */
  financeQuarterlyAllowed: z.boolean(),
  /** A period's disclosure is due by 24:00 China time of this day of the month after the period. */
  dueDay: z.number().int().min(1).max(28),
  /** A major matter is due by 24:00 China time of the N-th calendar day after the matter. */
  majorWithinDays: z.number().int().min(0).max(30),
});
export type DisclosureSettings = z.infer<typeof DisclosureSettings>;

/** The settings a district starts with: finances monthly, due by the 10th, major matters within 5 days. */
export const defaultDisclosureSettings: DisclosureSettings = {
  financeQuarterlyAllowed: false,
  dueDay: 10,
  majorWithinDays: 5,
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A period as written: a month (2026-11), a quarter (2026-Q4) or, for a major matter, its day (2026-11-03). */
export const DisclosurePeriod = z
  .string()
  .trim()
  // A day must exist (not 2026-02-30): the ISO date check, not Date.parse, which rolls it over.
  .refine((p) => MONTH.test(p) || QUARTER.test(p) || (DAY.test(p) && z.iso.date().safeParse(p).success), {
    message: 'period',
  });

export type PeriodShape = 'month' | 'quarter' | 'day';

export function periodShape(period: string): PeriodShape | undefined {
  if (MONTH.test(period)) return 'month';
  if (QUARTER.test(period)) return 'quarter';
  if (DAY.test(period)) return 'day';
  return undefined;
}

/** The shape a category's period must have in a village publishing its finances at `cadence`. */
export function expectedShape(category: DisclosureCategory, cadence: FinanceCadence): PeriodShape {
  if (category === 'major') return 'day';
  if (category === 'general') return 'quarter';
  return cadence === 'monthly' ? 'month' : 'quarter';
}

/** The first and last month (YYYY-MM) of a month or quarter period. */
function monthsOf(period: string): { first: string; last: string } {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const first = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { first, last: shiftMonth(first, 2) };
  }
  return { first: period, last: period };
}

/** The China day a period begins. */
export function periodStart(period: string): string {
  return periodShape(period) === 'day' ? period : `${monthsOf(period).first}-01`;
}

/**
 * The instant a disclosure is due: 24:00 China time of the settings' day of the month after a
 * month or a quarter, or of the N-th day after a major matter.
 */
export function disclosureDueAt(period: string, settings: DisclosureSettings): Date {
  if (periodShape(period) === 'day') {
    const day = new Date(Date.parse(`${period}T00:00:00.000Z`) + settings.majorWithinDays * 86_400_000);
    return chinaDayAfter(day.toISOString().slice(0, 10));
  }
  const next = shiftMonth(monthsOf(period).last, 1);
  return chinaDayAfter(`${next}-${String(settings.dueDay).padStart(2, '0')}`);
}

/** The month or quarter period an instant falls in (China time). */
export function periodAt(at: Date, shape: 'month' | 'quarter'): string {
  const day = chinaDate(at);
  if (shape === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The period after a month or quarter period. */
export function nextPeriod(period: string): string {
  const quarter = QUARTER.exec(period);
  if (!quarter) return shiftMonth(period, 1);
  const q = Number(quarter[2]);
  return q === 4 ? `${Number(quarter[1]) + 1}-Q1` : `${quarter[1]}-Q${q + 1}`;
}

const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/);
const text = (max: number) => z.string().trim().max(max);

export const DisclosurePublishBody = z.strictObject({
  /** Client-made UUID: a retried publish is recognized. */
  id: z.uuid().optional(),
  villageCode: areaCode,
  category: z.enum(disclosureCategories),
  period: DisclosurePeriod,
  title: text(120).min(1),
  content: text(20_000).min(1),
});
export type DisclosurePublishBody = z.input<typeof DisclosurePublishBody>;

export const DisclosuresListQuery = z.strictObject({
  villageCode: areaCode.optional(),
  category: z.enum(disclosureCategories).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type DisclosuresListQuery = z.infer<typeof DisclosuresListQuery>;

export const DisclosureSummary = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  category: z.enum(disclosureCategories),
  period: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  dueAt: z.string(),
  onTime: z.boolean(),
  /** The staff member who published it. */
  publishedByName: z.string().nullable(),
});
export type DisclosureSummary = z.infer<typeof DisclosureSummary>;

export const Disclosure = DisclosureSummary.extend({ content: z.string() });
export type Disclosure = z.infer<typeof Disclosure>;

export const DisclosuresPage = z.object({ items: z.array(DisclosureSummary), total: z.number() });

export const DisclosureScheduleQuery = z.strictObject({
  villageCode: areaCode,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** One line of a village's schedule: a category's period, when it is due and where it stands. */
export const DisclosureScheduleItem = z.object({
  category: z.enum(disclosureCategories),
  period: z.string(),
  dueAt: z.string(),
  state: z.enum(disclosureStates),
  disclosureId: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type DisclosureScheduleItem = z.infer<typeof DisclosureScheduleItem>;

export const DisclosureSchedule = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  year: z.number(),
  financeCadence: z.enum(financeCadences),
  /** The first China day the schedule counts from; null: from the year's start. */
  startsOn: z.string().nullable(),
  items: z.array(DisclosureScheduleItem),
  /** Major matters published this year, each with its own due date. */
  major: z.array(DisclosureSummary),
  version: z.number(),
});
export type DisclosureSchedule = z.infer<typeof DisclosureSchedule>;

export const DisclosureScheduleUpdateBody = z.strictObject({
  /** The schedule's version as read; 0 for a village whose schedule was never set. */
  version: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 2),
  financeCadence: z.enum(financeCadences),
  startsOn: z.iso.date().nullable(),
});
export type DisclosureScheduleUpdateBody = z.infer<typeof DisclosureScheduleUpdateBody>;

export const DisclosureScheduleParams = z.strictObject({ villageCode: areaCode });

/** The town's view: the disclosures of its villages past their due date and not published. */
export const LateDisclosure = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  category: z.enum(disclosureCategories),
  period: z.string(),
  dueAt: z.string(),
  /** Whole days past the due date. */
  daysLate: z.number(),
});
export type LateDisclosure = z.infer<typeof LateDisclosure>;

export const LateDisclosuresResponse = z.object({ items: z.array(LateDisclosure) });

/** The village page's section (`disclosures`): the archive of what the village published (no personal data). */
export const DisclosuresVillageSection = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      category: z.enum(disclosureCategories),
      period: z.string(),
      title: z.string(),
      content: z.string(),
      publishedAt: z.string(),
    }),
  ),
  /** Periods past due and not published (the public sees what is missing too). */
  overdue: z.number(),
});
export type DisclosuresVillageSection = z.infer<typeof DisclosuresVillageSection>;

// A run of digits standing alone: not part of a longer number, an amount or an identifier.
const ID_NUMBER_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/g;

/**
 * What residents read of a committee's text: an ID number or a mobile number written into it is
 * masked (610902********1234, 139****5678), as every other public page shows them.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, maskIdNumber).replace(MOBILE_IN_TEXT, maskPhone);
}
