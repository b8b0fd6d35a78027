import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { EngagementSummary } from '../../engagements/api/get-engagements';

export type CalendarFeed = Awaited<ReturnType<typeof api.listCalendarFeeds>>['items'][number];
export type CreatedCalendarFeed = Awaited<ReturnType<typeof api.createCalendarFeed>>;

export interface NewCalendarFeed {
  name: string;
  /** Left out for the person's own calendar. */
  engagementId?: string;
}

export const calendarFeedsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.calendarFeeds.all,
    queryFn: ({ signal }) => api.listCalendarFeeds({ signal }),
  });

export const useCalendarFeeds = () => useQuery(calendarFeedsQueryOptions());

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCalendarFeed) => api.createCalendarFeed({ body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeeds.all }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeCalendarFeed({ params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeeds.all }),
  });
}

/** The engagements whose calendar the person may subscribe to: the API answers 403 to any other team role. */
export const subscribableEngagements = (engagements: readonly EngagementSummary[]): EngagementSummary[] =>
  engagements.filter((engagement) => engagement.myRole === 'pm' || engagement.myRole === 'partner');

/**
 * The addresses a calendar app subscribes to: the API answers `path` from its own origin, which the
 * dashboard shares (`/api` is proxied). A webcal:// link opens straight into the iPhone or Mac calendar.
 */
export function feedAddresses(
  path: string,
  origin: string = window.location.origin,
): { https: string; webcal: string } {
  const https = `${origin}${path}`;
  return { https, webcal: https.replace(/^https?:\/\//, 'webcal://') };
}
