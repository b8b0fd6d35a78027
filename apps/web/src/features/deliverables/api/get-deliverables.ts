import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type DeliverablePage = Awaited<ReturnType<typeof api.listDeliverables>>;
export type DeliverableSummary = DeliverablePage['items'][number];
export type DeliverableListQuery = NonNullable<NonNullable<Parameters<typeof api.listDeliverables>[0]>['query']>;

export const deliverablesQueryOptions = (query: DeliverableListQuery) =>
  queryOptions({
    queryKey: queryKeys.deliverables.list(query),
    queryFn: ({ signal }) => api.listDeliverables({ query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export const useDeliverables = (query: DeliverableListQuery, enabled = true) => useQuery({ ...deliverablesQueryOptions(query), enabled });

/** 待审阅: submitted deliverables of engagements where the caller is the partner, oldest first. */
export const REVIEW_QUEUE_QUERY: DeliverableListQuery = { awaitingMyReview: true, sort: 'submittedAt', page: 1, pageSize: 100 };
