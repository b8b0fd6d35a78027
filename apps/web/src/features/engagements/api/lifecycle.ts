import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workQueryPrefixes } from '../../../lib/query-keys';

export type LifecycleAction = 'pause' | 'resume';

/** Pause or resume: the workflow stops or restarts its timers; every open view refetches. */
export function useEngagementLifecycle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: LifecycleAction; reason?: string }) => {
      const body = reason ? { reason } : {};
      return action === 'pause' ? api.pauseEngagement({ params: { id }, body }) : api.resumeEngagement({ params: { id }, body });
    },
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
