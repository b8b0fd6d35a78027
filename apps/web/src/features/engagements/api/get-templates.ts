import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type TemplateSummary = Awaited<ReturnType<typeof api.listTemplates>>['items'][number];

export const templatesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.templates.all,
    queryFn: ({ signal }) => api.listTemplates({ signal }),
    staleTime: 10 * 60_000,
  });

export const useTemplates = () => useQuery(templatesQueryOptions());
