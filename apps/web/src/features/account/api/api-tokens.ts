import type { TokenScope } from '@gongzhi/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type ApiToken = Awaited<ReturnType<typeof api.listApiTokens>>['items'][number];
export type CreatedApiToken = Awaited<ReturnType<typeof api.createApiToken>>;

export interface NewApiToken {
  name: string;
  scopes: TokenScope[];
  expiresInDays?: number;
}

export const apiTokensQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.apiTokens.all,
    queryFn: ({ signal }) => api.listApiTokens({ signal }),
  });

export const useApiTokens = () => useQuery(apiTokensQueryOptions());

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiToken) => api.createApiToken({ body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens.all }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeApiToken({ params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens.all }),
  });
}

/** What a token's row says about it now: usable, revoked, or past its expiry. */
export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}
