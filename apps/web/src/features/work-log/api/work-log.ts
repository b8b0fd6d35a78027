import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';
import { queryKeys } from '../../../lib/query-keys';

export type WorkLog = Awaited<ReturnType<typeof api.listWorkLog>>;
export type WorkLogEntry = WorkLog['items'][number];
export type LogWorkBody = Parameters<typeof api.logWork>[0]['body'];
export type WorkLogQuery = { community?: string; loggedBy?: string };

export const useWorkLog = (engagementId: string, query: WorkLogQuery) =>
  useQuery({
    queryKey: queryKeys.engagements.workLog(engagementId, query),
    queryFn: ({ signal }) => api.listWorkLog({ params: { id: engagementId }, query, signal }),
    placeholderData: keepPreviousData,
  });

function useRefresh(engagementId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.workLogAll(engagementId) });
}

/** Logs one entry; the caller's idempotency key (one per form opening) makes a retried click one entry. */
export function useLogWork(engagementId: string) {
  const refresh = useRefresh(engagementId);
  return useMutation({ mutationFn: (body: LogWorkBody) => api.logWork({ params: { id: engagementId }, body }), onSuccess: refresh });
}

export function useShareWorkLogEntry(engagementId: string) {
  const refresh = useRefresh(engagementId);
  return useMutation({
    mutationFn: ({ entryId, sharedWithClient }: { entryId: string; sharedWithClient: boolean }) => api.shareWorkLogEntry({ params: { id: engagementId, entryId }, body: { sharedWithClient } }),
    onSuccess: refresh,
  });
}

export function useWithdrawWorkLogEntry(engagementId: string) {
  const refresh = useRefresh(engagementId);
  return useMutation({
    mutationFn: ({ entryId, reason }: { entryId: string; reason: string }) => api.withdrawWorkLogEntry({ params: { id: engagementId, entryId }, body: { reason } }),
    onSuccess: refresh,
  });
}

/** The 工作台账 workbook (drafted on a worker), of the community filtered on or of all. */
export const useDownloadWorkLedger = (engagementId: string) =>
  useMutation({ mutationFn: async (community: string | undefined) => saveDownloadedFile(await api.downloadWorkLedger({ params: { id: engagementId }, query: community ? { community } : {} }), 'work-ledger.xlsx') });
