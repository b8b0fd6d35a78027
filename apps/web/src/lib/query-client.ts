import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, shouldRetry } from './errors';

/**
 * One client per app. A 401 from any request means the session ended (expired, revoked, signed
 * out elsewhere): `onSessionEnded` sends the user back to the login page.
 */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error, 'unauthenticated')) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 20_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
