import type { Answers } from '@gongzhi/domain';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type PublicQuestionnaire = Awaited<ReturnType<typeof api.getPublicQuestionnaire>>;

/** The shape of a link's token (the API's): anything else is no link of ours, without asking. */
export const isLinkToken = (token: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/**
 * What a respondent sees through a link, without signing in. Read once: a refetch after answering
 * would only say the link is used, which the page already knows.
 */
export const publicQuestionnaireQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.publicQuestionnaire(token),
    queryFn: ({ signal }) => api.getPublicQuestionnaire({ params: { token }, signal }),
    enabled: isLinkToken(token),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // A refusal the route's prefetch already met (used, closed, unknown) is the answer: asking again
    // on mount would only repeat it. Retry is the page's button.
    retryOnMount: false,
  });

export const usePublicQuestionnaire = (token: string) => useQuery(publicQuestionnaireQueryOptions(token));

/** One response per link: a second is 409 `link_used`; a 422 records nothing and keeps the link usable. */
export const useSubmitPublicQuestionnaire = (token: string) =>
  useMutation({
    mutationFn: (answers: Answers) => api.submitPublicQuestionnaire({ params: { token }, body: { answers } }),
  });
