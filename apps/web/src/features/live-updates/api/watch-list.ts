import { queryOptions } from '@tanstack/react-query';
import { api, operationUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const RECENT_QUERY = { status: ['running', 'paused'], sort: '-updatedAt', page: 1, pageSize: 10 } as const;

/** The user's most recently active engagements: the candidates for an open event stream. */
export const recentEngagementsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.engagements.list(RECENT_QUERY),
    queryFn: ({ signal }) => api.listEngagements({ query: { status: [...RECENT_QUERY.status], sort: RECENT_QUERY.sort, page: 1, pageSize: RECENT_QUERY.pageSize }, signal }),
    staleTime: 60_000,
  });

export const streamUrl = (engagementId: string): Promise<string> => operationUrl('streamEngagementEvents', { params: { id: engagementId } });

/** The event schema and names, from the (lazily loaded) contract. */
export const loadEventContract = () => import('@gongzhi/contracts').then(({ engagementEventSchema, ENGAGEMENT_EVENT_TYPES }) => ({ engagementEventSchema, ENGAGEMENT_EVENT_TYPES }));
