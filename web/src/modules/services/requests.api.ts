import {
  type ProxyAppealBody,
  type ProxyAssignBody,
  type ProxyAuthoriseBody,
  type ProxyCancelBody,
  type ProxyCloseBody,
  type ProxyCollectBody,
  type ProxyDeliverBody,
  type ProxyFileKind,
  type ProxyLodgeBody,
  type ProxyRequestCreateBody,
  type ProxyRequestsListQuery,
  type ProxyResultBody,
  proxyRequestsApi,
  publicCategoriesApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrlOf, upload } from '../../api/client';
import { servicesKey } from './ratings.api';

export function useProxyRequests(query: Partial<ProxyRequestsListQuery>) {
  return useQuery({
    queryKey: [...servicesKey, 'requests', query],
    queryFn: () => api(proxyRequestsApi.list, { query: { limit: 50, ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useProxyBoard(stationId?: string) {
  return useQuery({
    queryKey: [...servicesKey, 'board', stationId],
    queryFn: () => api(proxyRequestsApi.board, { query: stationId ? { stationId } : {} }),
    placeholderData: keepPreviousData,
  });
}

export function useProxyRequest(id: string | null) {
  return useQuery({
    queryKey: [...servicesKey, 'request', id],
    queryFn: () => api(proxyRequestsApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

function useServicesMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: servicesKey }),
  });
}

export const useCreateProxyRequest = () =>
  useServicesMutation((body: z.input<typeof ProxyRequestCreateBody>) =>
    api(proxyRequestsApi.create, { body }),
  );

/** Each step of a request by name, with its body; the answer is the request as it now stands. */
export type ProxyStep =
  | { kind: 'assign'; body: ProxyAssignBody }
  | { kind: 'authorise'; body: ProxyAuthoriseBody }
  | { kind: 'collect'; body: z.input<typeof ProxyCollectBody> }
  | { kind: 'lodge'; body: ProxyLodgeBody }
  | { kind: 'result'; body: ProxyResultBody }
  | { kind: 'deliver'; body: z.input<typeof ProxyDeliverBody> }
  | { kind: 'close'; body: ProxyCloseBody }
  | { kind: 'cancel'; body: ProxyCancelBody };

export const useProxyStep = () =>
  useServicesMutation(({ id, step }: { id: string; step: ProxyStep }) => {
    const params = { id };
    switch (step.kind) {
      case 'assign':
        return api(proxyRequestsApi.assign, { params, body: step.body });
      case 'authorise':
        return api(proxyRequestsApi.authorise, { params, body: step.body });
      case 'collect':
        return api(proxyRequestsApi.collect, { params, body: step.body });
      case 'lodge':
        return api(proxyRequestsApi.lodge, { params, body: step.body });
      case 'result':
        return api(proxyRequestsApi.result, { params, body: step.body });
      case 'deliver':
        return api(proxyRequestsApi.deliver, { params, body: step.body });
      case 'close':
        return api(proxyRequestsApi.close, { params, body: step.body });
      case 'cancel':
        return api(proxyRequestsApi.cancel, { params, body: step.body });
    }
  });

export const useProxyToAppeal = () =>
  useServicesMutation(({ id, body }: { id: string; body: ProxyAppealBody }) =>
    api(proxyRequestsApi.appeal, { params: { id }, body }),
  );

/**
 * The appeal categories a request may become an appeal under: the public list, since an agent
 * making the appeal need not read appeals (asked only when the form opens).
 */
export function useAppealCategoryChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['public', 'categories'],
    queryFn: () => api(publicCategoriesApi.list, {}),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export const useUploadProxyFile = () =>
  useServicesMutation(
    ({ id, file, kind, materialId }: { id: string; file: File; kind: ProxyFileKind; materialId?: string }) =>
      upload(
        proxyRequestsApi.uploadFile,
        { params: { id }, query: { kind, fileName: file.name, ...(materialId ? { materialId } : {}) } },
        file,
        { contentType: file.type },
      ),
  );

/** Where the browser fetches a request's stored file (the session cookie goes with it). */
export function proxyFileUrl(id: string, fileId: string): string {
  return apiUrlOf(proxyRequestsApi.getFile, { params: { id, fileId } });
}

export const authorisationPdfUrl = (id: string) =>
  apiUrlOf(proxyRequestsApi.authorisationPdf, { params: { id } });
export const receiptPdfUrl = (id: string) => apiUrlOf(proxyRequestsApi.receiptPdf, { params: { id } });
