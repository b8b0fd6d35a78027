import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { isApiError } from '../../../lib/errors';
import { queryKeys } from '../../../lib/query-keys';

export type CurrentUser = Awaited<ReturnType<typeof api.getMe>>['user'];

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<CurrentUser | null> => {
      try {
        // getMe also hands the client this session's CSRF token, so a reloaded page can write.
        return (await api.getMe()).user;
      } catch (error) {
        if (isApiError(error, 'unauthenticated')) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());

/** The signed-in user, inside the authenticated part of the app (the guard has loaded it). */
export function useCurrentUser(): CurrentUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the authenticated routes');
  return data;
}
