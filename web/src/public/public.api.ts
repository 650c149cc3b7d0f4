import {
  AppealCategory,
  type HelperRatingBody,
  PublicAppeal,
  type PublicAppealBody,
  type PublicRateBody,
  PublicRatingView,
  PublicVillage,
  type TrackBody,
} from '@lianxin/common';
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, apiSendEmpty, isApiError } from '../api/client';

const Submitted = z.object({ trackingCode: z.string(), expectedBy: z.string() });
export type Submitted = z.infer<typeof Submitted>;

// The lists change a few times a year; the server lets them be cached for five minutes.
const LIST_STALE_MS = 5 * 60_000;

export function usePublicVillages() {
  return useQuery({
    queryKey: ['public', 'villages'],
    queryFn: () => apiGet('/public/villages', z.array(PublicVillage)),
    staleTime: LIST_STALE_MS,
  });
}

export function usePublicCategories() {
  return useQuery({
    queryKey: ['public', 'categories'],
    queryFn: () => apiGet('/public/categories', z.array(AppealCategory)),
    staleTime: LIST_STALE_MS,
  });
}

export function useSubmitAppeal() {
  return useMutation({
    mutationFn: (body: PublicAppealBody) => apiSend('POST', '/public/appeals', body, Submitted),
  });
}

export function useTrackAppeal() {
  return useMutation({
    mutationFn: (body: TrackBody) => apiSend('POST', '/public/appeals/track', body, PublicAppeal),
  });
}

export function useRateAppeal() {
  return useMutation({
    mutationFn: (body: PublicRateBody) => apiSend('POST', '/public/appeals/rate', body, PublicAppeal),
  });
}

/**
 * A household's one-time link to rate its helper: whom it rates, and whether it is still good;
 * null for a link the server does not know (answered on the page, not as an error toast).
 */
export function useHelperRatingLink(token: string, options: { enabled: boolean }) {
  return useQuery({
    queryKey: ['public', 'helper-rating', token],
    queryFn: async () => {
      try {
        return await apiGet(`/public/helper-ratings/${token}`, PublicRatingView);
      } catch (error) {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return null;
        throw error;
      }
    },
    enabled: options.enabled,
  });
}

export function useRateHelper(token: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof HelperRatingBody>) =>
      apiSendEmpty('POST', `/public/helper-ratings/${token}`, body),
  });
}
