import {
  pageOf,
  User,
  type UsersCreateBody,
  type UsersListQuery,
  type UsersUpdateBody,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, apiSendEmpty } from '../../api/client';

export const usersKey = ['users'] as const;

const UserPage = pageOf(User);

export type UsersFilter = Partial<Pick<UsersListQuery, 'areaCode' | 'role' | 'status' | 'q'>>;

export function useUsers(filter: UsersFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...usersKey, 'list', filter, page, pageSize],
    queryFn: () => apiGet('/users', UserPage, { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function fetchUser(id: string): Promise<User> {
  return apiGet(`/users/${id}`, User);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UsersCreateBody) => apiSend('POST', '/users', body, User),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UsersUpdateBody }) =>
      apiSend('PATCH', `/users/${id}`, body, User),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      apiSend('POST', `/users/${id}/${disabled ? 'disable' : 'enable'}`, undefined, User),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      apiSendEmpty('POST', `/users/${id}/password`, { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
