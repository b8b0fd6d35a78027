import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type DeliverableDetail = Awaited<ReturnType<typeof api.getDeliverable>>;
export type Revision = DeliverableDetail['revisions'][number];
export type Review = DeliverableDetail['reviews'][number];

export const deliverableQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.deliverables.detail(id),
    queryFn: ({ signal }) => api.getDeliverable({ params: { id }, signal }),
  });

export const useDeliverable = (id: string) => useQuery(deliverableQueryOptions(id));
