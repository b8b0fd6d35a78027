import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AuditPage = Awaited<ReturnType<typeof api.listEngagementAudit>>;
export type AuditEvent = AuditPage['items'][number];

export const engagementAuditQueryOptions = (id: string, query: { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: queryKeys.engagements.audit(id, query),
    queryFn: ({ signal }) => api.listEngagementAudit({ params: { id }, query, signal }),
    placeholderData: keepPreviousData,
  });

export const useEngagementAudit = (id: string, query: { page: number; pageSize: number }, enabled = true) =>
  useQuery({ ...engagementAuditQueryOptions(id, query), enabled });
