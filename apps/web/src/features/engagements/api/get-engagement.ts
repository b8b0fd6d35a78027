import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type EngagementDetail = Awaited<ReturnType<typeof api.getEngagement>>;
export type EngagementStage = EngagementDetail['stages'][number];
export type MatrixRow = EngagementDetail['matrix'][number];
export type Team = EngagementDetail['team'];

export const engagementQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.engagements.detail(id),
    queryFn: ({ signal }) => api.getEngagement({ params: { id }, signal }),
    refetchInterval: 60_000,
  });

export const useEngagement = (id: string) => useQuery(engagementQueryOptions(id));
