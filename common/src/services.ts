// 便民服务: the words the services module shares between server, console, public pages and tests.
// The contracts of each resource live in `contracts/service-*.ts` and `contracts/proxy-requests.ts`.

/** The catalogue's categories (事项类别), in the order the public page lists them. */
export const serviceCategories = [
  'social_insurance', // 社保
  'medical_insurance', // 医保
  'civil_assistance', // 民政救助
  'household_registration', // 户籍
  'disability', // 残疾人
  'agriculture', // 农业补贴
  'real_estate', // 不动产
  'birth', // 生育
  'employment', // 就业
  'elderly', // 养老
  'veterans', // 退役军人
  'other', // 其他
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];

/** What a material must be: the original (returned with a receipt), a copy, or both. */
export const materialForms = ['original', 'copy', 'original_and_copy'] as const;
export type MaterialForm = (typeof materialForms)[number];

/** Where a proxy request came from: the public page, a cadre's visit, the station's counter. */
export const proxyChannels = ['public', 'visit', 'station'] as const;
export type ProxyChannel = (typeof proxyChannels)[number];

/**
 * A proxy request's steps, in order. `submitted` waits for an agent; `assigned` waits for the
 * resident's signed authorisation (代办委托书); `collecting` gathers the materials (originals
 * against a receipt); `lodged` is with the handling unit (its receipt number kept); `result_ready`
 * holds the unit's result; `delivered` hands it to the resident (the rating opens); `closed` after
 * the rating or the rating period; `cancelled` at any step before delivery, with a reason.
 */
export const proxyStatuses = [
  'submitted',
  'assigned',
  'collecting',
  'lodged',
  'result_ready',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type ProxyStatus = (typeof proxyStatuses)[number];

/** The statuses in which the promised time limit still runs (overdue counts only these). */
export const openProxyStatuses: readonly ProxyStatus[] = [
  'submitted',
  'assigned',
  'collecting',
  'lodged',
  'result_ready',
];

/** What a request's stored files are: the signed authorisation, a paper's photo, the result. */
export const proxyFileKinds = ['authorisation', 'paper', 'result'] as const;
export type ProxyFileKind = (typeof proxyFileKinds)[number];

/** The national five levels of 好差评, best first (stored as 5…1). */
export const ratingLevels = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof ratingLevels)[number];
export const ratingLevelKeys: Record<RatingLevel, string> = {
  5: 'very_satisfied', // 非常满意
  4: 'satisfied', // 满意
  3: 'fairly_satisfied', // 基本满意
  2: 'dissatisfied', // 不满意
  1: 'very_dissatisfied', // 非常不满意
};
/** 好评: 满意 or better. */
export const isGoodRating = (level: number) => level >= 4;
/** 差评: 不满意 or worse. */
export const isBadRating = (level: number) => level <= 2;

/** Whose work a rating (and a 差评's follow-up) judges: the agent's service or the unit's result. */
export const ratedParties = ['agent', 'unit'] as const;
export type RatedParty = (typeof ratedParties)[number];

/**
 * A 差评's follow-up: `open` until answered (rectified or explained) to the resident;
 * `review_requested` when the rated party contests it (申诉复核), decided `upheld` (the 差评 stands
 * and must still be answered: back to `open`) or `overturned` (it no longer counts).
 */
export const followUpStatuses = ['open', 'answered', 'review_requested', 'overturned'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export const followUpAnswers = ['rectified', 'explained'] as const;
export type FollowUpAnswer = (typeof followUpAnswers)[number];

/** The services settings and their defaults. */
export interface ServiceSettings {
  /** Working days to answer a 差评 to the resident (some places use 5). */
  followUpWorkingDays: number;
  /** Days after a request closes before its papers' photos and the authorisation are deleted. */
  paperRetentionDays: number;
  /** Days after delivery during which the resident may rate; the request then closes. */
  ratingPeriodDays: number;
  /** Working days before the promised limit at which the agent and station head are warned. */
  warnWorkingDaysBefore: number;
}
export const defaultServiceSettings: ServiceSettings = {
  followUpWorkingDays: 15,
  paperRetentionDays: 90,
  ratingPeriodDays: 15,
  warnWorkingDaysBefore: 1,
};
