// The endpoints of the appeals domain: one contract each (see ../contract.ts).
import { z } from 'zod';
import { CallbackBody, CallbackTask } from '../appeal-callbacks';
import { AppealCategory, AppealCategoryBody, AppealSettings } from '../appeal-settings';
import { AppealStats, AppealStatsQuery } from '../appeal-stats';
import {
  Appeal,
  AppealActionBodies,
  AppealAttachment,
  AppealCreateBody,
  AppealIdParams,
  AppealsListQuery,
  AppealsPage,
  AttachmentUploadQuery,
  SimilarAppeal,
  SimilarAppealsQuery,
} from '../appeals';
import { defineContract } from '../contract';
import {
  Mediation,
  MediationCreateBody,
  MediationOutcomeBody,
  MediationSessionBody,
  Screening,
  ScreeningBody,
} from '../mediation';
import { Notification, notificationStatuses } from '../notifications';
import { PublicAppeal, PublicAppealBody, PublicRateBody, PublicVillage, TrackBody } from '../public-appeals';
import { roles } from '../roles';

const Limit = z.coerce.number().int().min(1).max(200).default(50);

/** A staff intake may carry an Idempotency-Key: a retried POST finds the appeal it made. */
export const AppealsCreateHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

export const AppealsRevealPhoneResponse = z.object({ phone: z.string().nullable() });
export type AppealsRevealPhoneResponse = z.infer<typeof AppealsRevealPhoneResponse>;

/** An active account whose role works on appeals: a handler to assign, a mediator to choose. */
export const AppealCandidate = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  areaCode: z.string(),
});
export type AppealCandidate = z.infer<typeof AppealCandidate>;

export const AppealsListHandlersResponse = z.array(AppealCandidate);
export const AppealsListMediatorsResponse = z.array(AppealCandidate);
export const AppealsListSimilarResponse = z.array(SimilarAppeal);

/** `/appeals`: the three-level repository's appeals, their intake, figures and callbacks. */
export const appealsApi = {
  list: defineContract({
    method: 'GET',
    path: '/appeals',
    tag: 'appeals',
    query: AppealsListQuery,
    response: AppealsPage,
  }),
  create: defineContract({
    method: 'POST',
    path: '/appeals',
    tag: 'appeals',
    summary: 'Take in an appeal from any channel (Idempotency-Key or a client id makes retries count once)',
    body: AppealCreateBody,
    headers: AppealsCreateHeaders,
    response: Appeal,
    status: 201,
  }),
  listSimilar: defineContract({
    method: 'GET',
    path: '/appeals/similar',
    tag: 'appeals',
    summary: 'Open appeals of the same village and category in the last 30 days that read alike',
    query: SimilarAppealsQuery,
    response: AppealsListSimilarResponse,
  }),
  getStats: defineContract({
    method: 'GET',
    path: '/appeals/stats',
    tag: 'appeals',
    query: AppealStatsQuery,
    response: AppealStats,
  }),
  get: defineContract({
    method: 'GET',
    path: '/appeals/:id',
    tag: 'appeals',
    params: AppealIdParams,
    response: Appeal,
  }),
  revealPhone: defineContract({
    method: 'POST',
    path: '/appeals/:id/reveal-phone',
    tag: 'appeals',
    summary: 'The reporter’s full phone number, to call back (each reveal is audited)',
    params: AppealIdParams,
    response: AppealsRevealPhoneResponse,
  }),
  listMediators: defineContract({
    method: 'GET',
    path: '/appeals/:id/mediators',
    tag: 'mediation',
    summary:
      'Who may mediate this dispute: active accounts of its village, town and district that handle appeals',
    params: AppealIdParams,
    response: AppealsListMediatorsResponse,
  }),
  listHandlers: defineContract({
    method: 'GET',
    path: '/appeals/:id/handlers',
    tag: 'appeals',
    summary: 'Who may be assigned: active accounts of the unit that holds the appeal',
    params: AppealIdParams,
    response: AppealsListHandlersResponse,
  }),
  recordCallback: defineContract({
    method: 'POST',
    path: '/appeals/:id/callback',
    tag: 'appeals',
    summary: 'Record a callback (回访): by someone other than the handler',
    params: AppealIdParams,
    body: CallbackBody,
    response: Appeal,
  }),
};

/** One action on an appeal (`POST /appeals/:id/<segment>`), answered with the whole appeal. */
function actionContract<const Body extends z.ZodType>(segment: string, body: Body) {
  return defineContract({
    method: 'POST',
    path: `/appeals/:id/${segment}`,
    tag: 'appeals',
    params: AppealIdParams,
    body,
    response: Appeal,
  });
}

/** `/appeals/:id/<action>`: each transition on the timeline, keyed by its action. */
export const appealActionsApi = {
  accept: actionContract('accept', AppealActionBodies.accept),
  start: actionContract('start', AppealActionBodies.start),
  assign: actionContract('assign', AppealActionBodies.assign),
  escalate: actionContract('escalate', AppealActionBodies.escalate),
  send_down: actionContract('send-down', AppealActionBodies.send_down),
  return: actionContract('return', AppealActionBodies.return),
  defer: actionContract('defer', AppealActionBodies.defer),
  approve_deferral: actionContract('approve-deferral', AppealActionBodies.approve_deferral),
  reject_deferral: actionContract('reject-deferral', AppealActionBodies.reject_deferral),
  resolve: actionContract('resolve', AppealActionBodies.resolve),
  merge: actionContract('merge', AppealActionBodies.merge),
  note: actionContract('notes', AppealActionBodies.note),
};

export const AppealAttachmentsGetParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** `/appeals/:id/attachments`: photos and documents, each sent and read as the file it is. */
export const appealAttachmentsApi = {
  create: defineContract({
    method: 'POST',
    path: '/appeals/:id/attachments',
    tag: 'appeals',
    summary: 'Add a photo (JPG, PNG) or a PDF, the raw file as the body; photos lose their location data',
    params: AppealIdParams,
    query: AttachmentUploadQuery,
    response: AppealAttachment,
    status: 201,
    bodyKind: 'binary',
  }),
  get: defineContract({
    method: 'GET',
    path: '/appeals/:id/attachments/:attachmentId',
    tag: 'appeals',
    params: AppealAttachmentsGetParams,
    responseKind: 'file',
  }),
};

export const AppealCategoriesListResponse = z.array(AppealCategory);
export const AppealCategoriesUpdateParams = z.strictObject({ code: z.string().max(40) });

/** `/appeal-categories`: what appeals are about, and the level each starts at. */
export const appealCategoriesApi = {
  list: defineContract({
    method: 'GET',
    path: '/appeal-categories',
    tag: 'appeals',
    response: AppealCategoriesListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/appeal-categories',
    tag: 'appeals',
    body: AppealCategoryBody,
    response: AppealCategory,
    status: 201,
  }),
  update: defineContract({
    method: 'PUT',
    path: '/appeal-categories/:code',
    tag: 'appeals',
    params: AppealCategoriesUpdateParams,
    body: AppealCategoryBody,
    response: AppealCategory,
  }),
};

/** `/appeal-settings`: deadlines and callback rules. */
export const appealSettingsApi = {
  get: defineContract({ method: 'GET', path: '/appeal-settings', tag: 'appeals', response: AppealSettings }),
  update: defineContract({
    method: 'PUT',
    path: '/appeal-settings',
    tag: 'appeals',
    body: AppealSettings,
    response: AppealSettings,
  }),
};

export const CallbacksListQuery = z.strictObject({ limit: Limit });
export const CallbacksListResponse = z.object({ items: z.array(CallbackTask) });

/** `/callbacks`: the callback worklist. */
export const callbacksApi = {
  list: defineContract({
    method: 'GET',
    path: '/callbacks',
    tag: 'appeals',
    summary: 'The callback worklist: resolved appeals in the caller’s area waiting for a callback',
    query: CallbacksListQuery,
    response: CallbacksListResponse,
  }),
};

export const NotificationsListQuery = z.strictObject({
  status: z.enum(notificationStatuses).optional(),
  appealId: z.uuid().optional(),
  limit: Limit,
});
export type NotificationsListQuery = z.infer<typeof NotificationsListQuery>;
export const NotificationsListResponse = z.object({ items: z.array(Notification) });

/** `/notifications`: the outbox. */
export const notificationsApi = {
  list: defineContract({
    method: 'GET',
    path: '/notifications',
    tag: 'appeals',
    summary: 'The notification outbox for the caller’s area (the log driver’s record)',
    query: NotificationsListQuery,
    response: NotificationsListResponse,
  }),
};

export const MediationIdParams = z.strictObject({ id: z.uuid() });
export const MediationsListQuery = z.strictObject({
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  appealId: z.uuid().optional(),
  limit: Limit,
});
export const MediationsListResponse = z.object({ items: z.array(Mediation) });

/** `/mediations`: the mediation (调解) of disputes. */
export const mediationsApi = {
  list: defineContract({
    method: 'GET',
    path: '/mediations',
    tag: 'mediation',
    query: MediationsListQuery,
    response: MediationsListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/mediations',
    tag: 'mediation',
    body: MediationCreateBody,
    response: Mediation,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/mediations/:id',
    tag: 'mediation',
    params: MediationIdParams,
    response: Mediation,
  }),
  addSession: defineContract({
    method: 'POST',
    path: '/mediations/:id/sessions',
    tag: 'mediation',
    params: MediationIdParams,
    body: MediationSessionBody,
    response: Mediation,
    status: 201,
  }),
  recordOutcome: defineContract({
    method: 'POST',
    path: '/mediations/:id/outcome',
    tag: 'mediation',
    params: MediationIdParams,
    body: MediationOutcomeBody,
    response: Mediation,
  }),
};

export const ScreeningsListQuery = z.strictObject({ limit: Limit });
export const ScreeningsListResponse = z.object({ items: z.array(Screening) });

/** `/screenings`: screening sweeps (大排查) of a village. */
export const screeningsApi = {
  list: defineContract({
    method: 'GET',
    path: '/screenings',
    tag: 'mediation',
    query: ScreeningsListQuery,
    response: ScreeningsListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/screenings',
    tag: 'mediation',
    summary: 'Record a screening sweep (大排查) of a village: each dispute found becomes an appeal',
    body: ScreeningBody,
    response: Screening,
    status: 201,
  }),
};

export const PublicVillagesListResponse = z.array(PublicVillage);
export const PublicCategoriesListResponse = z.array(AppealCategory);
export const PublicAppealsCreateResponse = z.object({ trackingCode: z.string(), expectedBy: z.string() });
export type PublicAppealsCreateResponse = z.infer<typeof PublicAppealsCreateResponse>;

/** `/public/villages`: where a resident may report from (the residents' pages, no login). */
export const publicVillagesApi = {
  list: defineContract({
    method: 'GET',
    path: '/public/villages',
    tag: 'public',
    response: PublicVillagesListResponse,
  }),
};

/** `/public/categories`: the active categories a resident chooses from. */
export const publicCategoriesApi = {
  list: defineContract({
    method: 'GET',
    path: '/public/categories',
    tag: 'public',
    response: PublicCategoriesListResponse,
  }),
};

/** `/public/appeals`: a resident submits, follows and rates their own appeal. */
export const publicAppealsApi = {
  create: defineContract({
    method: 'POST',
    path: '/public/appeals',
    tag: 'public',
    summary: 'A resident submits an appeal; the answer carries the tracking code',
    body: PublicAppealBody,
    response: PublicAppealsCreateResponse,
    status: 201,
  }),
  track: defineContract({
    method: 'POST',
    path: '/public/appeals/track',
    tag: 'public',
    summary: 'Follow an appeal with its tracking code and the last four digits of the phone',
    body: TrackBody,
    response: PublicAppeal,
  }),
  rate: defineContract({
    method: 'POST',
    path: '/public/appeals/rate',
    tag: 'public',
    summary: 'Rate a resolved appeal: satisfied / basically satisfied / unsatisfied (reopens it)',
    body: PublicRateBody,
    response: PublicAppeal,
  }),
};
