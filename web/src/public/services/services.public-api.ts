import {
  type ProxyTrackBody,
  type PublicProxyRequestBody,
  type PublicServiceItemsQuery,
  type PublicServiceRateBody,
  publicProxyRatingApi,
  publicProxyRequestsApi,
  publicServiceCentresApi,
  publicServiceItemsApi,
  publicServiceRatingsApi,
  type ServiceRateBody,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

// The catalogue and the centres change a few times a month: five minutes of cache is plenty.
const STALE_MS = 5 * 60_000;

export function usePublicServiceItems(query: Partial<PublicServiceItemsQuery>) {
  return useQuery({
    queryKey: ['public', 'service-items', query],
    queryFn: () => api(publicServiceItemsApi.list, { query: { limit: 100, ...query } }),
    staleTime: STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function usePublicServiceItem(id: string) {
  return useQuery({
    queryKey: ['public', 'service-item', id],
    queryFn: () => api(publicServiceItemsApi.get, { params: { id } }),
    staleTime: STALE_MS,
  });
}

export function usePublicServiceCentres(areaCode?: string) {
  return useQuery({
    queryKey: ['public', 'service-centres', areaCode],
    queryFn: () => api(publicServiceCentresApi.list, { query: areaCode ? { areaCode } : {} }),
    staleTime: 60_000,
  });
}

export function usePublicServiceCentre(id: string) {
  return useQuery({
    queryKey: ['public', 'service-centre', id],
    queryFn: () => api(publicServiceCentresApi.get, { params: { id } }),
    staleTime: 60_000,
  });
}

export function useSubmitProxyRequest() {
  return useMutation({
    mutationFn: (body: z.input<typeof PublicProxyRequestBody>) =>
      api(publicProxyRequestsApi.create, { body }),
  });
}

export function useTrackProxyRequest() {
  return useMutation({ mutationFn: (body: ProxyTrackBody) => api(publicProxyRequestsApi.track, { body }) });
}

export function useRateProxyRequest() {
  return useMutation({
    mutationFn: (body: PublicServiceRateBody) => api(publicProxyRatingApi.rate, { body }),
  });
}

export function useRatingLink(token: string) {
  return useQuery({
    queryKey: ['public', 'service-rating', token],
    queryFn: () => api(publicServiceRatingsApi.get, { params: { token } }),
    retry: false,
  });
}

export function useRateByLink(token: string) {
  return useMutation({
    mutationFn: (body: ServiceRateBody) => api(publicServiceRatingsApi.rate, { params: { token }, body }),
  });
}
