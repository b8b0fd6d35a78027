import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type PublicAdoptionDraft = Awaited<ReturnType<typeof api.getPublicAdoptionDraft>>;
export type PublicCommentsBody = Parameters<typeof api.submitPublicAdoptionComments>[0]['body'];

/** The shape of a comment link's token (the API's): anything else is no link of ours, without asking. */
export const isCommentToken = (token: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/**
 * The draft a resident comments on through a link, without signing in. Read once: a refetch after
 * sending would only say the link is used, which the page already knows.
 */
export const publicAdoptionDraftQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.publicAdoptionDraft(token),
    queryFn: ({ signal }) => api.getPublicAdoptionDraft({ params: { token }, signal }),
    enabled: isCommentToken(token),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // A refusal the route's prefetch already met (used, notice over, unknown) is the answer: asking
    // again on mount would only repeat it. Retry is the page's button.
    retryOnMount: false,
  });

export const usePublicAdoptionDraft = (token: string) => useQuery(publicAdoptionDraftQueryOptions(token));

/** One set of comments per link: a second is 409 `link_used`; a 422 records nothing and keeps the link usable. */
export const useSubmitPublicComments = (token: string) =>
  useMutation({
    mutationFn: (body: PublicCommentsBody) => api.submitPublicAdoptionComments({ params: { token }, body }),
  });
