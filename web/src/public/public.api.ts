import {
  type ContractInput,
  type PublicAppealBody,
  type PublicAppealsCreateResponse,
  type PublicRateBody,
  publicAppealsApi,
  publicCategoriesApi,
  publicHelperRatingsApi,
  publicVillagesApi,
  type TrackBody,
} from '@lianxin/common';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../api/client';

export type Submitted = PublicAppealsCreateResponse;

// The lists change a few times a year; the server lets them be cached for five minutes.
const LIST_STALE_MS = 5 * 60_000;

export function usePublicVillages() {
  return useQuery({
    queryKey: ['public', 'villages'],
    queryFn: () => api(publicVillagesApi.list, {}),
    staleTime: LIST_STALE_MS,
  });
}

export function usePublicCategories() {
  return useQuery({
    queryKey: ['public', 'categories'],
    queryFn: () => api(publicCategoriesApi.list, {}),
    staleTime: LIST_STALE_MS,
  });
}

export function useSubmitAppeal() {
  return useMutation({
    mutationFn: (body: PublicAppealBody) => api(publicAppealsApi.create, { body }),
  });
}

export function useTrackAppeal() {
  return useMutation({
    mutationFn: (body: TrackBody) => api(publicAppealsApi.track, { body }),
  });
}

export function useRateAppeal() {
  return useMutation({
    mutationFn: (body: PublicRateBody) => api(publicAppealsApi.rate, { body }),
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
        return await api(publicHelperRatingsApi.get, { params: { token } });
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
    mutationFn: (body: ContractInput<typeof publicHelperRatingsApi.create>['body']) =>
      api(publicHelperRatingsApi.create, { params: { token }, body }),
  });
}
