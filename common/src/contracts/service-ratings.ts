import { z } from 'zod';
import { defineContract } from '../contract';
import {
  FollowUpAnswerBody,
  FollowUpCallbackBody,
  FollowUpReviewDecisionBody,
  FollowUpReviewRequestBody,
  PublicServiceRateBody,
  PublicServiceRatingView,
  RatingFollowUp,
  RatingFollowUpsPage,
  RatingFollowUpsQuery,
  ServiceRateBody,
  ServiceRateResult,
  ServiceRatingLink,
  ServiceRatingsPage,
  ServiceRatingsQuery,
  ServiceRatingToken,
  ServiceSettingsSchema,
  ServiceStats,
  ServiceStatsQuery,
} from '../service-ratings';

// 好差评 and the services settings and figures: `/service-settings`, `/service-ratings`,
// `/proxy-requests/:id/rating-links`, `/rating-follow-ups`, `/service-stats` and the resident's
// public rating (`/public/proxy-requests/rate`, `/public/service-ratings/:token`).

const tag = 'services';
const IdParams = z.strictObject({ id: z.uuid() });
const TokenParams = z.strictObject({ token: ServiceRatingToken });

/** `/service-settings`: the follow-up period, the rating period, papers' retention, the warning. */
export const serviceSettingsApi = {
  get: defineContract({
    method: 'GET',
    path: '/service-settings',
    tag,
    response: ServiceSettingsSchema,
  }),
  update: defineContract({
    method: 'PUT',
    path: '/service-settings',
    tag,
    summary: 'The services settings: 差评 follow-up working days, rating period, papers kept, warning',
    body: ServiceSettingsSchema,
    response: ServiceSettingsSchema,
  }),
};

/** `/service-ratings`: the ratings of the requests in the caller's reach. */
export const serviceRatingsApi = {
  list: defineContract({
    method: 'GET',
    path: '/service-ratings',
    tag,
    query: ServiceRatingsQuery,
    response: ServiceRatingsPage,
  }),
};

/** `/proxy-requests/:id/rating-links`: a one-time link for the resident to rate a delivered request. */
export const proxyRatingLinksApi = {
  create: defineContract({
    method: 'POST',
    path: '/proxy-requests/:id/rating-links',
    tag,
    summary: 'A one-time link (sent by SMS) for the resident to rate a delivered request',
    params: IdParams,
    response: ServiceRatingLink,
    status: 201,
  }),
};

/** `/public/proxy-requests/rate`: the resident rates on the tracking page (code + phone's last four). */
export const publicProxyRatingApi = {
  rate: defineContract({
    method: 'POST',
    path: '/public/proxy-requests/rate',
    tag: 'public',
    summary: "Rate a delivered request: the agent's service and the unit's result, five levels each",
    body: PublicServiceRateBody,
    response: ServiceRateResult,
    status: 201,
  }),
};

/** `/public/service-ratings/:token`: the resident rates through a one-time link (no login). */
export const publicServiceRatingsApi = {
  get: defineContract({
    method: 'GET',
    path: '/public/service-ratings/:token',
    tag: 'public',
    params: TokenParams,
    response: PublicServiceRatingView,
  }),
  rate: defineContract({
    method: 'POST',
    path: '/public/service-ratings/:token',
    tag: 'public',
    params: TokenParams,
    body: ServiceRateBody,
    response: ServiceRateResult,
    status: 201,
  }),
};

/** `/rating-follow-ups`: each 差评's call back, answer to the resident and review (申诉复核). */
export const ratingFollowUpsApi = {
  list: defineContract({
    method: 'GET',
    path: '/rating-follow-ups',
    tag,
    query: RatingFollowUpsQuery,
    response: RatingFollowUpsPage,
  }),
  get: defineContract({
    method: 'GET',
    path: '/rating-follow-ups/:id',
    tag,
    params: IdParams,
    response: RatingFollowUp,
  }),
  callback: defineContract({
    method: 'POST',
    path: '/rating-follow-ups/:id/callback',
    tag,
    summary: 'Record the call back (回访) to the resident who gave the 差评',
    params: IdParams,
    body: FollowUpCallbackBody,
    response: RatingFollowUp,
  }),
  answer: defineContract({
    method: 'POST',
    path: '/rating-follow-ups/:id/answer',
    tag,
    summary: 'Answer the 差评 to the resident: rectified or explained',
    params: IdParams,
    body: FollowUpAnswerBody,
    response: RatingFollowUp,
  }),
  requestReview: defineContract({
    method: 'POST',
    path: '/rating-follow-ups/:id/request-review',
    tag,
    summary: 'The rated party asks for a review (申诉复核) of a 差评 it thinks unfounded',
    params: IdParams,
    body: FollowUpReviewRequestBody,
    response: RatingFollowUp,
  }),
  decideReview: defineContract({
    method: 'POST',
    path: '/rating-follow-ups/:id/decide-review',
    tag,
    summary: 'Decide a review: upheld (must still be answered) or overturned (no longer counts)',
    params: IdParams,
    body: FollowUpReviewDecisionBody,
    response: RatingFollowUp,
  }),
};

/** `/service-stats`: requests, on-time rate, 好评率 and 差评整改率 per child area and per unit. */
export const serviceStatsApi = {
  get: defineContract({
    method: 'GET',
    path: '/service-stats',
    tag,
    query: ServiceStatsQuery,
    response: ServiceStats,
  }),
};
