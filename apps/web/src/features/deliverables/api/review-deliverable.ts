import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, workQueryPrefixes } from '../../../lib/query-keys';

export type ReviewBody = Parameters<typeof api.reviewDeliverable>[0]['body'];

export function useReviewDeliverable(deliverableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) => api.reviewDeliverable({ params: { id: deliverableId }, body }),
    onSuccess: (deliverable) => queryClient.setQueryData(queryKeys.deliverables.detail(deliverableId), deliverable),
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
