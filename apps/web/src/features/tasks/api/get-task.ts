import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type TaskDetail = Awaited<ReturnType<typeof api.getTask>>;
export type FormField = TaskDetail['form'][number];

export const taskQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.tasks.detail(id),
    queryFn: ({ signal }) => api.getTask({ params: { id }, signal }),
  });

export const useTask = (id: string) => useQuery(taskQueryOptions(id));

/**
 * The engagement's team, to offer reassignment candidates. Same key and request as the
 * engagement page's detail query, so both share one cache entry.
 */
export const engagementTeamQueryOptions = (engagementId: string) =>
  queryOptions({
    queryKey: queryKeys.engagements.detail(engagementId),
    queryFn: ({ signal }) => api.getEngagement({ params: { id: engagementId }, signal }),
    select: (engagement) => engagement.team,
  });

export const useEngagementTeam = (engagementId: string | undefined, enabled: boolean) =>
  useQuery({ ...engagementTeamQueryOptions(engagementId ?? ''), enabled: enabled && Boolean(engagementId) });
