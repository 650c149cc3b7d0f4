import {
  type SecuritySettings,
  securitySettingsApi,
  type User,
  type UsersCreateBody,
  type UsersListQuery,
  type UsersUpdateBody,
  usersApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { securitySettingsKey } from '../../shared/watermark';

export const usersKey = ['users'] as const;

export type UsersFilter = Partial<Pick<UsersListQuery, 'areaCode' | 'role' | 'status' | 'q'>>;

export function useUsers(filter: UsersFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...usersKey, 'list', filter, page, pageSize],
    queryFn: () => api(usersApi.list, { query: { ...filter, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function fetchUser(id: string): Promise<User> {
  return api(usersApi.get, { params: { id } });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UsersCreateBody) => api(usersApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UsersUpdateBody }) =>
      api(usersApi.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      api(disabled ? usersApi.disable : usersApi.enable, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api(usersApi.resetPassword, { params: { id }, body: { password } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecuritySettings) => api(securitySettingsApi.update, { body }),
    // A read still on its way would otherwise land after the answer and show the old setting.
    onMutate: () => queryClient.cancelQueries({ queryKey: securitySettingsKey }),
    onSuccess: (settings) => queryClient.setQueryData(securitySettingsKey, settings),
  });
}
