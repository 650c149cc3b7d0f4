import {
  type IntegrationKeysRotateBody,
  type IntegrationsCreateBody,
  type IntegrationsUpdateBody,
  integrationKeysApi,
  integrationsApi,
  type WebhookDeliveryStatus,
  type WebhooksCreateBody,
  type WebhooksUpdateBody,
  webhooksApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const integrationsKey = ['integrations'] as const;

export function useIntegrations() {
  return useQuery({ queryKey: [...integrationsKey, 'list'], queryFn: () => api(integrationsApi.list, {}) });
}

export function useIntegration(id: string | null) {
  return useQuery({
    queryKey: [...integrationsKey, 'detail', id],
    queryFn: () => api(integrationsApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

function useInvalidating<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationsKey }),
  });
}

export function useCreateIntegration() {
  return useInvalidating((body: IntegrationsCreateBody) => api(integrationsApi.create, { body }));
}

export function useUpdateIntegration() {
  return useInvalidating(({ id, body }: { id: string; body: IntegrationsUpdateBody }) =>
    api(integrationsApi.update, { params: { id }, body }),
  );
}

export function useCreateKey() {
  return useInvalidating((id: string) => api(integrationKeysApi.create, { params: { id }, body: {} }));
}

export function useRotateKey() {
  return useInvalidating(
    ({ id, keyId, body }: { id: string; keyId: string; body: IntegrationKeysRotateBody }) =>
      api(integrationKeysApi.rotate, { params: { id, keyId }, body }),
  );
}

export function useRevokeKey() {
  return useInvalidating(({ id, keyId }: { id: string; keyId: string }) =>
    api(integrationKeysApi.revoke, { params: { id, keyId } }),
  );
}

export function useWebhooks(id: string) {
  return useQuery({
    queryKey: [...integrationsKey, 'webhooks', id],
    queryFn: () => api(webhooksApi.list, { params: { id } }),
  });
}

export function useCreateWebhook() {
  return useInvalidating(({ id, body }: { id: string; body: WebhooksCreateBody }) =>
    api(webhooksApi.create, { params: { id }, body }),
  );
}

export function useUpdateWebhook() {
  return useInvalidating(
    ({ id, webhookId, body }: { id: string; webhookId: string; body: WebhooksUpdateBody }) =>
      api(webhooksApi.update, { params: { id, webhookId }, body }),
  );
}

export function useDeleteWebhook() {
  return useInvalidating(({ id, webhookId }: { id: string; webhookId: string }) =>
    api(webhooksApi.remove, { params: { id, webhookId } }),
  );
}

export function useDeliveries(
  id: string,
  filter: { status?: WebhookDeliveryStatus; before?: string; limit: number },
) {
  return useQuery({
    queryKey: [...integrationsKey, 'deliveries', id, filter],
    queryFn: () => api(webhooksApi.deliveries, { params: { id }, query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useRedeliver() {
  return useInvalidating(({ id, deliveryId }: { id: string; deliveryId: string }) =>
    api(webhooksApi.redeliver, { params: { id, deliveryId } }),
  );
}
