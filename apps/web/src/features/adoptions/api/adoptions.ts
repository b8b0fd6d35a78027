import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';
import { isApiError } from '../../../lib/errors';
import { queryKeys } from '../../../lib/query-keys';

export type AdoptionList = Awaited<ReturnType<typeof api.listAdoptions>>;
export type Adoption = AdoptionList['items'][number];
export type AdoptionStatus = Adoption['status'];
export type AdoptionInstrument = Adoption['instrument'];
export type AdoptionMeeting = Adoption['meetings'][number];
export type MeetingFigures = AdoptionMeeting['figures'];
export type MeetingVerdict = AdoptionMeeting['verdict'];
export type AdoptionQuery = { community?: string };
export type OpenAdoptionBody = Parameters<typeof api.openAdoption>[0]['body'];
export type RecordMeetingBody = Parameters<typeof api.recordAdoptionMeeting>[0]['body'];
/** Each write carries the key of its dialog's opening: a retried click does it once. */
type Keyed<Body> = Body & { idempotencyKey: string };
export type RenoticeBody = Keyed<Parameters<typeof api.renoticeAdoption>[0]['body']>;
export type FileBody = Keyed<Parameters<typeof api.fileAdoption>[0]['body']>;
export type WithdrawBody = Keyed<Parameters<typeof api.withdrawAdoption>[0]['body']>;

/** The engagement's procedures (those in progress first), of one community or all. */
export const useAdoptions = (engagementId: string, query: AdoptionQuery) =>
  useQuery({
    queryKey: queryKeys.engagements.adoptions(engagementId, query),
    queryFn: ({ signal }) => api.listAdoptions({ params: { id: engagementId }, query, signal }),
    placeholderData: keepPreviousData,
    enabled: Boolean(engagementId),
  });

/** One procedure, shown at once from the list's copy while the fresh one loads. */
export const useAdoption = (engagementId: string, adoptionId: string, placeholder?: Adoption) =>
  useQuery({
    queryKey: queryKeys.engagements.adoption(engagementId, adoptionId),
    queryFn: ({ signal }) => api.getAdoption({ params: { id: engagementId, adoptionId }, signal }),
    ...(placeholder ? { placeholderData: placeholder } : {}),
  });

/**
 * After a change: the procedure as the API answered, every list of the engagement's, and the
 * outcomes (a convention's vote and filing are among them).
 */
function settle(queryClient: QueryClient, engagementId: string, adoption?: Adoption) {
  if (adoption) queryClient.setQueryData(queryKeys.engagements.adoption(engagementId, adoption.id), adoption);
  void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.adoptionsAll(engagementId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.outcomes(engagementId) });
}

/**
 * A 409: the procedure moved on meanwhile (the notice ended, another tab recorded the vote, it was
 * withdrawn). The API's message says so; show the procedure as it now is.
 */
function refreshWhenMoved(queryClient: QueryClient, engagementId: string, error: unknown) {
  if (isApiError(error) && error.status === 409) settle(queryClient, engagementId);
}

export function useOpenAdoption(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenAdoptionBody) => api.openAdoption({ params: { id: engagementId }, body }),
    onSuccess: (adoption) => settle(queryClient, engagementId, adoption),
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

export function useRecordMeeting(engagementId: string, adoptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordMeetingBody) =>
      api.recordAdoptionMeeting({ params: { id: engagementId, adoptionId }, body }),
    onSuccess: (adoption) => settle(queryClient, engagementId, adoption),
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

export function useRenoticeAdoption(engagementId: string, adoptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RenoticeBody) => api.renoticeAdoption({ params: { id: engagementId, adoptionId }, body }),
    onSuccess: (adoption) => settle(queryClient, engagementId, adoption),
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

export function useFileAdoption(engagementId: string, adoptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FileBody) => api.fileAdoption({ params: { id: engagementId, adoptionId }, body }),
    onSuccess: (adoption) => settle(queryClient, engagementId, adoption),
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

export function useWithdrawAdoption(engagementId: string, adoptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawBody) => api.withdrawAdoption({ params: { id: engagementId, adoptionId }, body }),
    onSuccess: (adoption) => settle(queryClient, engagementId, adoption),
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

// ─── 公示 comments and the procedure's record ─────────────────────────────────────────────────

export type AdoptionComments = Awaited<ReturnType<typeof api.listAdoptionComments>>;
export type AdoptionComment = AdoptionComments['items'][number];
export type IssuedCommentLinks = Awaited<ReturnType<typeof api.issueAdoptionCommentLinks>>;

/** The residents' comments on the notice (oldest first) with the answers, and how many links went out and came back. */
export const useAdoptionComments = (engagementId: string, adoptionId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.adoptionComments(engagementId, adoptionId),
    queryFn: ({ signal }) => api.listAdoptionComments({ params: { id: engagementId, adoptionId }, signal }),
  });

/** Answers a comment (again: replaces the answer); the list shows the API's copy at once. */
export function useAnswerAdoptionComment(engagementId: string, adoptionId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.engagements.adoptionComments(engagementId, adoptionId);
  return useMutation({
    mutationFn: ({ commentId, answer }: { commentId: string; answer: string }) =>
      api.answerAdoptionComment({ params: { id: engagementId, adoptionId, commentId }, body: { answer } }),
    onSuccess: (comment) => {
      queryClient.setQueryData<AdoptionComments>(key, (list) =>
        list ? { ...list, items: list.items.map((item) => (item.id === comment.id ? comment : item)) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

/** Single-use comment links, in this answer only (the server keeps their hashes). */
export function useIssueAdoptionCommentLinks(engagementId: string, adoptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (count: number) =>
      api.issueAdoptionCommentLinks({ params: { id: engagementId, adoptionId }, body: { count } }),
    // The section counts the links issued; a 409 (the notice ended) shows the procedure as it is.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.engagements.adoptionComments(engagementId, adoptionId) }),
    onError: (error) => refreshWhenMoved(queryClient, engagementId, error),
  });
}

/** The 民主程序记录 (Word), drafted on a worker from the procedure's record as of now. */
export const useDownloadAdoptionRecord = (engagementId: string, adoptionId: string) =>
  useMutation({
    mutationFn: async () =>
      saveDownloadedFile(
        await api.downloadAdoptionRecord({ params: { id: engagementId, adoptionId } }),
        'adoption-record.docx',
      ),
  });
