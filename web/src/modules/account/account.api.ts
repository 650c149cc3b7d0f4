import { ApiToken, type AuthPasswordBody, type TokensCreateBody, TokensCreated } from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, apiSendEmpty } from '../../api/client';

export const tokensKey = ['account', 'tokens'] as const;

const TokenList = z.object({ items: z.array(ApiToken) });

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: AuthPasswordBody) => apiSendEmpty('POST', '/auth/password', body),
  });
}

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await apiGet('/auth/tokens', TokenList)).items,
    enabled,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof TokensCreateBody>) =>
      apiSend('POST', '/auth/tokens', body, TokensCreated),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: ApiToken) => apiSendEmpty('DELETE', `/auth/tokens/${token.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
