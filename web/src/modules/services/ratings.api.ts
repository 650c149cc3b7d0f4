import {
  type FollowUpAnswerBody,
  type FollowUpCallbackBody,
  type FollowUpReviewDecisionBody,
  type FollowUpReviewRequestBody,
  proxyRatingLinksApi,
  type RatingFollowUpsQuery,
  ratingFollowUpsApi,
  type ServiceRatingsQuery,
  type ServiceSettings,
  type ServiceStatsQuery,
  serviceRatingsApi,
  serviceSettingsApi,
  serviceStatsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

// Ratings, follow-ups, settings and figures share one key with the requests: a rating changes all.
export const servicesKey = ['services'] as const;

export function useServiceSettings() {
  return useQuery({
    queryKey: [...servicesKey, 'settings'],
    queryFn: () => api(serviceSettingsApi.get, {}),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateServiceSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceSettings) => api(serviceSettingsApi.update, { body }),
    onSuccess: (data) => client.setQueryData([...servicesKey, 'settings'], data),
  });
}

export function useServiceRatings(query: Partial<ServiceRatingsQuery>) {
  return useQuery({
    queryKey: [...servicesKey, 'ratings', query],
    queryFn: () => api(serviceRatingsApi.list, { query: { limit: 50, ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useFollowUps(query: Partial<RatingFollowUpsQuery>) {
  return useQuery({
    queryKey: [...servicesKey, 'follow-ups', query],
    queryFn: () => api(ratingFollowUpsApi.list, { query: { limit: 100, ...query } }),
    placeholderData: keepPreviousData,
  });
}

type Step =
  | { kind: 'callback'; body: z.input<typeof FollowUpCallbackBody> }
  | { kind: 'answer'; body: z.input<typeof FollowUpAnswerBody> }
  | { kind: 'requestReview'; body: z.input<typeof FollowUpReviewRequestBody> }
  | { kind: 'decideReview'; body: z.input<typeof FollowUpReviewDecisionBody> };

/** One step of a 差评's follow-up: call back, answer, ask for review, decide the review. */
export function useFollowUpStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: Step }) => {
      const params = { id };
      switch (step.kind) {
        case 'callback':
          return api(ratingFollowUpsApi.callback, { params, body: step.body });
        case 'answer':
          return api(ratingFollowUpsApi.answer, { params, body: step.body });
        case 'requestReview':
          return api(ratingFollowUpsApi.requestReview, { params, body: step.body });
        case 'decideReview':
          return api(ratingFollowUpsApi.decideReview, { params, body: step.body });
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: servicesKey }),
  });
}

export function useServiceStats(query: ServiceStatsQuery) {
  return useQuery({
    queryKey: [...servicesKey, 'stats', query],
    queryFn: () => api(serviceStatsApi.get, { query }),
    placeholderData: keepPreviousData,
  });
}

/** A one-time rating link for a delivered request (the server sends it by SMS when it can). */
export function useCreateRatingLink() {
  return useMutation({
    mutationFn: (id: string) => api(proxyRatingLinksApi.create, { params: { id } }),
  });
}
