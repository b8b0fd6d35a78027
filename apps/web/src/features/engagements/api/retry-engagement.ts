import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workQueryPrefixes } from '../../../lib/query-keys';

/** An admin asks the engagement's workflows to retry the writes they wait on; every open view refetches. */
export function useRetryEngagement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.retryEngagement({ params: { id }, body: {} }),
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
