import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { queryKeys } from '../../../lib/query-keys';

export type CaseList = Awaited<ReturnType<typeof api.listCases>>;
export type CaseSummary = CaseList['items'][number];
export type CaseDetail = Awaited<ReturnType<typeof api.getCase>>;
export type CaseActionBody = Parameters<typeof api.actOnCase>[0]['body'];
export type ReportCaseBody = Parameters<typeof api.reportCase>[0]['body'];
export type DepartmentScorecard = Awaited<ReturnType<typeof api.listDepartmentScorecards>>['items'][number];

/** Every case of the engagement (the board filters on the page: an engagement has hundreds at most). */
export const useCases = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.cases(engagementId),
    queryFn: ({ signal }) => api.listCases({ params: { id: engagementId }, query: {}, signal }),
    placeholderData: keepPreviousData,
  });

export const useCase = (engagementId: string, caseId: string | null) =>
  useQuery({
    queryKey: queryKeys.engagements.case(engagementId, caseId ?? ''),
    queryFn: ({ signal }) => api.getCase({ params: { id: engagementId, caseId: caseId ?? '' }, signal }),
    enabled: caseId !== null,
  });

export type CaseFigures = Awaited<ReturnType<typeof api.getCaseFigures>>;

export const useCaseFigures = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.caseFigures(engagementId),
    queryFn: ({ signal }) => api.getCaseFigures({ params: { id: engagementId }, signal }),
  });

export const useDepartmentScorecards = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.caseScorecards(engagementId),
    queryFn: ({ signal }) => api.listDepartmentScorecards({ params: { id: engagementId }, signal }),
  });

/** The catalogue violations of the engagement's knowledge copy, for the report form. */
export const useCaseViolations = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.knowledge(engagementId),
    queryFn: ({ signal }) => api.listEngagementKnowledge({ params: { id: engagementId }, signal }),
    select: (data) => data.items.filter((row) => row.kind === 'violation').map((row) => ({ key: row.key, title: row.title, unverified: row.unverified })),
  });

function useRefreshCases(engagementId: string) {
  const queryClient = useQueryClient();
  return (detail: CaseDetail) => {
    queryClient.setQueryData(queryKeys.engagements.case(engagementId, detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.cases(engagementId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.caseScorecards(engagementId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.caseFigures(engagementId) });
  };
}

/** Reports a problem; one idempotency key per form opening, so a retried click files one case. */
export function useReportCase(engagementId: string) {
  const refresh = useRefreshCases(engagementId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReportCaseBody; idempotencyKey: string }) => api.reportCase({ params: { id: engagementId }, body: { ...body, idempotencyKey } }),
    onSuccess: refresh,
  });
}

export function useActOnCase(engagementId: string, caseId: string) {
  const refresh = useRefreshCases(engagementId);
  return useMutation({
    mutationFn: (body: CaseActionBody) => api.actOnCase({ params: { id: engagementId, caseId }, body: { ...body, idempotencyKey: body.idempotencyKey ?? newIdempotencyKey() } }),
    onSuccess: refresh,
  });
}

/** A case's 案件移送函, handed to the browser as a download. */
/** Saves the case's drafted 倡议书 (.docx). */
export function useDownloadCaseLetter(engagementId: string, caseId: string) {
  return useMutation({
    mutationFn: async (fileName: string) => saveDownloadedFile(await api.downloadCaseLetter({ params: { id: engagementId, caseId } }), fileName),
  });
}

export function useDownloadReferralLetter(engagementId: string, caseId: string) {
  return useMutation({
    mutationFn: async ({ documentId, fileName }: { documentId: string; fileName: string }) =>
      saveDownloadedFile(await api.downloadCaseReferralLetter({ params: { id: engagementId, caseId, documentId } }), fileName),
  });
}

export type CaseSettings = Awaited<ReturnType<typeof api.getCaseSettings>>;
export type CaseSettingsBody = Parameters<typeof api.saveCaseSettings>[0]['body'];

export const useCaseSettings = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.caseSettings(engagementId),
    queryFn: ({ signal }) => api.getCaseSettings({ params: { id: engagementId }, signal }),
  });

/** The engagement's periods as a new version (409 `conflict` when someone saved since `body.expectedVersion`). */
export function useSaveCaseSettings(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseSettingsBody) => api.saveCaseSettings({ params: { id: engagementId }, body }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.engagements.caseSettings(engagementId), saved),
  });
}
