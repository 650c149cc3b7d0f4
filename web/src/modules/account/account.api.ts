import {
  type ApiToken,
  type AuthPasswordBody,
  accountApi,
  type ContractInput,
  tokensApi,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const tokensKey = ['account', 'tokens'] as const;

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: AuthPasswordBody) => api(accountApi.changePassword, { body }),
  });
}

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await api(tokensApi.list, {})).items,
    enabled,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput<typeof tokensApi.create>['body']) => api(tokensApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: ApiToken) => api(tokensApi.revoke, { params: { id: token.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
