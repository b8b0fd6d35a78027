import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type CreateEngagementBody = Parameters<typeof api.createEngagement>[0]['body'];

export function useCreateEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEngagementBody) => api.createEngagement({ body }),
    onSuccess: (engagement) => {
      queryClient.setQueryData(queryKeys.engagements.detail(engagement.id), engagement);
      void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
    },
  });
}
