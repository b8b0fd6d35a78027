import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { isApiError } from '../../../lib/errors';
import { queryKeys } from '../../../lib/query-keys';

export type ConsultationList = Awaited<ReturnType<typeof api.listConsultations>>;
export type Consultation = ConsultationList['items'][number];
export type ConsultationStatus = Consultation['status'];
export type ConsultationQuery = { task?: string; status?: ConsultationStatus };
export type OpenConsultationBody = Parameters<typeof api.openConsultation>[0]['body'];
export type ConsultationSearchPage = Awaited<ReturnType<typeof api.searchConsultations>>;
export type ConsultationSummary = ConsultationSearchPage['items'][number];
export type Team = Awaited<ReturnType<typeof api.getEngagement>>['team'];

export const SEARCH_PAGE_SIZE = 10;

/** The engagement's consultations (open first), filtered by status or by the task they came from. */
export const useConsultations = (engagementId: string, query: ConsultationQuery, enabled = true) =>
  useQuery({
    queryKey: queryKeys.engagements.consultations(engagementId, query),
    queryFn: ({ signal }) => api.listConsultations({ params: { id: engagementId }, query, signal }),
    placeholderData: keepPreviousData,
    enabled: enabled && Boolean(engagementId),
  });

/** One consultation, shown at once from the list's copy while the fresh one loads. */
export const useConsultation = (engagementId: string, consultationId: string, placeholder?: Consultation) =>
  useQuery({
    queryKey: queryKeys.engagements.consultation(engagementId, consultationId),
    queryFn: ({ signal }) => api.getConsultation({ params: { id: engagementId, consultationId }, signal }),
    ...(placeholder ? { placeholderData: placeholder } : {}),
  });

/**
 * The engagement's team, for whom to ask: the same key and request as the engagement page's
 * detail query (and the task page's reassignment), so they share one cache entry.
 */
export const useConsultationTeam = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.detail(engagementId),
    queryFn: ({ signal }) => api.getEngagement({ params: { id: engagementId }, signal }),
    select: (engagement): Team => engagement.team,
  });

/** After a change: the consultation as the API answered, and every list of the engagement's (a task's hold among them). */
function settle(queryClient: QueryClient, engagementId: string, consultation?: Consultation) {
  if (consultation)
    queryClient.setQueryData(queryKeys.engagements.consultation(engagementId, consultation.id), consultation);
  void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.consultationsAll(engagementId) });
}

/** A 409 `consultation_closed`: someone concluded or withdrew it meanwhile; show it as it is now. */
function refreshWhenClosed(queryClient: QueryClient, engagementId: string, error: unknown) {
  if (isApiError(error, 'consultation_closed')) settle(queryClient, engagementId);
}

/** Opens one; the caller's idempotency key (one per form opening) makes a retried click one consultation. */
export function useOpenConsultation(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenConsultationBody) => api.openConsultation({ params: { id: engagementId }, body }),
    onSuccess: (consultation) => settle(queryClient, engagementId, consultation),
  });
}

/** An opinion; the key is the draft's (a new one once it is sent). */
export function useGiveOpinion(engagementId: string, consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; idempotencyKey: string }) =>
      api.giveConsultationOpinion({ params: { id: engagementId, consultationId }, body }),
    onSuccess: (consultation) => settle(queryClient, engagementId, consultation),
    onError: (error) => refreshWhenClosed(queryClient, engagementId, error),
  });
}

export function useConcludeConsultation(engagementId: string, consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conclusion: string) =>
      api.concludeConsultation({ params: { id: engagementId, consultationId }, body: { conclusion } }),
    onSuccess: (consultation) => {
      settle(queryClient, engagementId, consultation);
      // A new conclusion for the firm's know-how.
      void queryClient.invalidateQueries({ queryKey: queryKeys.consultations.all });
    },
    onError: (error) => refreshWhenClosed(queryClient, engagementId, error),
  });
}

export function useWithdrawConsultation(engagementId: string, consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api.withdrawConsultation({ params: { id: engagementId, consultationId }, body: { reason } }),
    onSuccess: (consultation) => settle(queryClient, engagementId, consultation),
    onError: (error) => refreshWhenClosed(queryClient, engagementId, error),
  });
}

/** The firm's concluded consultations matching `q` (every engagement's), the most recent first; nothing is asked until there is a query. */
export const useSearchConsultations = (q: string, page: number) =>
  useQuery({
    queryKey: queryKeys.consultations.search({ q, page }),
    queryFn: ({ signal }) => api.searchConsultations({ query: { q, page, pageSize: SEARCH_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    enabled: q.length > 0,
  });
