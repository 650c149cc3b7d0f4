import {
  type ServiceCentresListQuery,
  type ServiceCentresUpdateBody,
  type ServiceItemsCreateBody,
  type ServiceItemsListQuery,
  type ServiceItemsUpdateBody,
  type ServiceRosterPutBody,
  serviceCentresApi,
  serviceItemsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

// The catalogue and the centres change together (a centre lists the items it handles).
export const catalogueKey = ['services', 'catalogue'] as const;

type ItemsQuery = Partial<Omit<ServiceItemsListQuery, 'active' | 'proxyAllowed'>> & {
  active?: 'true' | 'false';
  proxyAllowed?: 'true' | 'false';
};

export function useServiceItems(query: ItemsQuery) {
  return useQuery({
    queryKey: [...catalogueKey, 'items', query],
    queryFn: () => api(serviceItemsApi.list, { query: { limit: 50, ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useServiceItem(id: string | null) {
  return useQuery({
    queryKey: [...catalogueKey, 'item', id],
    queryFn: () => api(serviceItemsApi.get, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useServiceItemVersion(id: string, no: number | null) {
  return useQuery({
    queryKey: [...catalogueKey, 'item', id, 'version', no],
    queryFn: () => api(serviceItemsApi.version, { params: { id, no: no ?? 1 } }),
    enabled: no !== null,
  });
}

function useCatalogueMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: catalogueKey }),
  });
}

export const useCreateServiceItem = () =>
  useCatalogueMutation((body: ServiceItemsCreateBody) => api(serviceItemsApi.create, { body }));

export const useUpdateServiceItem = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: ServiceItemsUpdateBody }) =>
    api(serviceItemsApi.update, { params: { id }, body }),
  );

export const useSetServiceItemActive = () =>
  useCatalogueMutation(({ id, version, active }: { id: string; version: number; active: boolean }) =>
    api(serviceItemsApi.deactivate, { params: { id }, body: { version, active } }),
  );

export function useServiceCentres(query: Partial<ServiceCentresListQuery>) {
  return useQuery({
    queryKey: [...catalogueKey, 'centres', query],
    queryFn: () => api(serviceCentresApi.list, { query: { limit: 200, ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useServiceCentre(id: string | null, weekStart?: string) {
  return useQuery({
    queryKey: [...catalogueKey, 'centre', id, weekStart],
    queryFn: () =>
      api(serviceCentresApi.get, { params: { id: id ?? '' }, query: weekStart ? { weekStart } : {} }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export const useUpdateServiceCentre = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: ServiceCentresUpdateBody }) =>
    api(serviceCentresApi.update, { params: { id }, body }),
  );

export const usePutRoster = () =>
  useCatalogueMutation(({ id, body }: { id: string; body: ServiceRosterPutBody }) =>
    api(serviceCentresApi.putRoster, { params: { id }, body }),
  );
