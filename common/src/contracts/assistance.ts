import { z } from 'zod';
import { AssistanceSettings, QuotaOverrideBody } from '../assistance';
import { ContactPoint, ContactPointBody } from '../contact-points';
import { defineContract } from '../contract';
import { CoverageQuery, MustGoCoverage, MustVisitCoverage } from '../coverage';
import { HelpMeasure, HelpMeasureCreateBody, HelpMeasureUpdateBody } from '../help-measures';
import { HelperRatingBody, HelperRatings, PublicRatingView, RatingLink } from '../helper-ratings';
import {
  Pairing,
  PairingBoard,
  PairingCreateBody,
  PairingEndBody,
  PairingKeepBody,
  PairingsPage,
  PairingsQuery,
  Proposal,
  ProposalAcceptBody,
  ProposalBody,
} from '../pairings';
import { Visit, VisitCreateBody, VisitsQuery, Worklist } from '../visits';

// The endpoints of the contact-and-assistance domain (联系服务, 结对帮扶): one contract each.

const tag = 'assistance';
const IdParams = z.strictObject({ id: z.uuid() });

export const PairingIdParams = IdParams;
export const CadreIdParams = IdParams;
export const ContactPointIdParams = IdParams;
export const VisitIdParams = IdParams;
export const HelpMeasureIdParams = IdParams;
export const VisitPhotoParams = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
/** The one-time token of a household's link to rate its helper. */
export const PublicHelperRatingParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });

export const PairingsBoardQuery = z.strictObject({
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export const PairingsAcceptResponse = z.object({ created: z.number() });
export const ContactPointsListResponse = z.object({ items: z.array(ContactPoint) });
export const ContactPointsEndBody = z.strictObject({ endDate: z.iso.date() });
export const WorklistQuery = z.strictObject({ cadreId: z.uuid().optional() });
export const VisitsListResponse = z.object({ items: z.array(Visit) });
export const HelpMeasuresListQuery = z.strictObject({
  householdId: z.uuid().optional(),
  cadreId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const HelpMeasuresListResponse = z.object({ items: z.array(HelpMeasure) });

/** `/assistance-settings`: quotas per group, visit intervals, village days, must-visit thresholds. */
export const assistanceSettingsApi = {
  get: defineContract({ method: 'GET', path: '/assistance-settings', tag, response: AssistanceSettings }),
  update: defineContract({
    method: 'PUT',
    path: '/assistance-settings',
    tag,
    body: AssistanceSettings,
    response: AssistanceSettings,
  }),
};

/** `/cadres/:id/quota`: a cadre's own quota of paired households. */
export const cadreQuotasApi = {
  update: defineContract({
    method: 'PUT',
    path: '/cadres/:id/quota',
    tag,
    summary: 'Set a cadre’s own quota (null: back to the group’s)',
    params: CadreIdParams,
    body: QuotaOverrideBody,
  }),
};

/** `/cadres/:id/ratings`: how the households a cadre helps rated them (counts only). */
export const cadreRatingsApi = {
  get: defineContract({
    method: 'GET',
    path: '/cadres/:id/ratings',
    tag,
    params: CadreIdParams,
    response: HelperRatings,
  }),
};

/** `/pairings`: one cadre helping one household (一对一帮扶), under the cadre's quota. */
export const pairingsApi = {
  list: defineContract({
    method: 'GET',
    path: '/pairings',
    tag,
    query: PairingsQuery,
    response: PairingsPage,
  }),
  board: defineContract({
    method: 'GET',
    path: '/pairings/board',
    tag,
    summary: 'Quota fill per cadre, unpaired priority households, pairings to review, overdue visits',
    query: PairingsBoardQuery,
    response: PairingBoard,
  }),
  create: defineContract({
    method: 'POST',
    path: '/pairings',
    tag,
    body: PairingCreateBody,
    response: Pairing,
    status: 201,
  }),
  propose: defineContract({
    method: 'POST',
    path: '/pairings/proposal',
    tag,
    summary: 'A balanced pairing proposal for a town’s unpaired priority households (nothing saved)',
    body: ProposalBody,
    response: Proposal,
  }),
  accept: defineContract({
    method: 'POST',
    path: '/pairings/accept',
    tag,
    summary: 'Accept a reviewed proposal: every pairing checked, all or nothing',
    body: ProposalAcceptBody,
    response: PairingsAcceptResponse,
    status: 201,
  }),
  end: defineContract({
    method: 'POST',
    path: '/pairings/:id/end',
    tag,
    params: PairingIdParams,
    body: PairingEndBody,
    response: Pairing,
  }),
  keep: defineContract({
    method: 'POST',
    path: '/pairings/:id/keep',
    tag,
    summary: 'Keep a pairing whose household left the priority tier',
    params: PairingIdParams,
    body: PairingKeepBody,
    response: Pairing,
  }),
};

/** `/pairings/:id/ratings`: the household's rating of its helper, asked at a callback. */
export const pairingRatingsApi = {
  create: defineContract({
    method: 'POST',
    path: '/pairings/:id/ratings',
    tag,
    summary: 'Record the household’s rating of its helper, asked at a callback (not by the helper)',
    params: PairingIdParams,
    body: HelperRatingBody,
    status: 201,
  }),
};

/** `/pairings/:id/rating-links`: a one-time link for the household to rate its helper itself. */
export const pairingRatingLinksApi = {
  create: defineContract({
    method: 'POST',
    path: '/pairings/:id/rating-links',
    tag,
    summary: 'A one-time link for the household to rate its helper',
    params: PairingIdParams,
    response: RatingLink,
    status: 201,
  }),
};

/** `/contact-points`: the village a leader keeps in touch with (联系点). */
export const contactPointsApi = {
  list: defineContract({ method: 'GET', path: '/contact-points', tag, response: ContactPointsListResponse }),
  create: defineContract({
    method: 'POST',
    path: '/contact-points',
    tag,
    body: ContactPointBody,
    response: ContactPoint,
    status: 201,
  }),
  end: defineContract({
    method: 'POST',
    path: '/contact-points/:id/end',
    tag,
    params: ContactPointIdParams,
    body: ContactPointsEndBody,
  }),
};

/** `/worklist`: a cadre's households due and overdue for a visit. */
export const worklistApi = {
  get: defineContract({
    method: 'GET',
    path: '/worklist',
    tag,
    summary: 'My households: who is due and who is overdue for a visit; my village days this month',
    query: WorklistQuery,
    response: Worklist,
  }),
};

/** `/visits`: visits to households and villages (走访). */
export const visitsApi = {
  list: defineContract({
    method: 'GET',
    path: '/visits',
    tag,
    query: VisitsQuery,
    response: VisitsListResponse,
  }),
  /** 201 for a new visit; 200 with the stored one when the same client UUID comes again. */
  create: defineContract({
    method: 'POST',
    path: '/visits',
    tag,
    summary: 'Record a visit; its client UUID makes a re-synced visit count once',
    body: VisitCreateBody,
    response: Visit,
    status: 201,
  }),
  get: defineContract({ method: 'GET', path: '/visits/:id', tag, params: VisitIdParams, response: Visit }),
};

/** `/visits/:id/photos`: the photos of a visit, stripped of their location data. */
export const visitPhotosApi = {
  upload: defineContract({
    method: 'POST',
    path: '/visits/:id/photos',
    tag,
    summary: 'Add a photo (JPG or PNG, the raw file as the body); its location data is removed',
    params: VisitIdParams,
    bodyKind: 'binary',
    response: Visit,
    status: 201,
  }),
  download: defineContract({
    method: 'GET',
    path: '/visits/:id/photos/:photoId',
    tag,
    params: VisitPhotoParams,
    responseKind: 'file',
  }),
};

/** `/help-measures`: help given to a household (帮扶措施). */
export const helpMeasuresApi = {
  list: defineContract({
    method: 'GET',
    path: '/help-measures',
    tag,
    query: HelpMeasuresListQuery,
    response: HelpMeasuresListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/help-measures',
    tag,
    body: HelpMeasureCreateBody,
    response: HelpMeasure,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/help-measures/:id',
    tag,
    params: HelpMeasureIdParams,
    body: HelpMeasureUpdateBody,
    response: HelpMeasure,
  }),
};

/** `/coverage/must-visit`: the must-visit households (五必访) and how many were visited. */
export const mustVisitCoverageApi = {
  get: defineContract({
    method: 'GET',
    path: '/coverage/must-visit',
    tag,
    summary: 'Must-visit households (五必访) in the area and how many were visited in the period',
    query: CoverageQuery,
    response: MustVisitCoverage,
  }),
  export: defineContract({
    method: 'GET',
    path: '/coverage/must-visit/export',
    tag,
    summary:
      'The must-visit report as an .xlsx: figures by area and group, every household not visited (audited)',
    query: CoverageQuery,
    responseKind: 'file',
  }),
};

/** `/coverage/must-go`: the must-go villages (五必去) and their village visits. */
export const mustGoCoverageApi = {
  get: defineContract({
    method: 'GET',
    path: '/coverage/must-go',
    tag,
    summary: 'Must-go villages (五必去) in the area and their village visits in the period',
    query: CoverageQuery,
    response: MustGoCoverage,
  }),
};

/** `/public/helper-ratings/:token`: the household rates its helper through a one-time link (no login). */
export const publicHelperRatingsApi = {
  get: defineContract({
    method: 'GET',
    path: '/public/helper-ratings/:token',
    tag: 'public',
    params: PublicHelperRatingParams,
    response: PublicRatingView,
  }),
  create: defineContract({
    method: 'POST',
    path: '/public/helper-ratings/:token',
    tag: 'public',
    params: PublicHelperRatingParams,
    body: HelperRatingBody,
    status: 201,
  }),
};
