import {
  AppealCategory,
  PublicAppeal,
  type PublicAppealBody,
  type PublicRateBody,
  PublicVillage,
  type TrackBody,
} from '@lianxin/common';
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../api/client';

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
