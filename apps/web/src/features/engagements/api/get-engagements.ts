import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type EngagementPage = Awaited<ReturnType<typeof api.listEngagements>>;
export type EngagementSummary = EngagementPage['items'][number];
export type EngagementStatus = EngagementSummary['status'];

export interface EngagementListQuery {
  status?: EngagementStatus[];
  q?: string;
  sort?: 'name' | 'startDate' | '-startDate' | 'nextDeadline' | '-updatedAt';
  page?: number;
  pageSize?: number;
}

export const engagementsQueryOptions = (query: EngagementListQuery) =>
  queryOptions({
    queryKey: queryKeys.engagements.list(query),
    queryFn: ({ signal }) => api.listEngagements({ query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export const useEngagements = (query: EngagementListQuery) => useQuery(engagementsQueryOptions(query));
