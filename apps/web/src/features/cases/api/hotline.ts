import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';
import { queryKeys } from '../../../lib/query-keys';

export type HotlineImport = Awaited<ReturnType<typeof api.getHotlineImport>>;
export type HotlineMapping = HotlineImport['suggestedMapping'];
export type HotlineSettings = Awaited<ReturnType<typeof api.getHotlineSettings>>;
export type HotlineSettingsBody = Parameters<typeof api.saveHotlineSettings>[0]['body'];
export type HotlineFigures = Awaited<ReturnType<typeof api.getHotlineFigures>>;

export const useHotlineImports = (engagementId: string) =>
  useQuery({ queryKey: queryKeys.engagements.hotlineImports(engagementId), queryFn: ({ signal }) => api.listHotlineImports({ params: { id: engagementId }, signal }) });

export const useHotlineSettings = (engagementId: string) =>
  useQuery({ queryKey: queryKeys.engagements.hotlineSettings(engagementId), queryFn: ({ signal }) => api.getHotlineSettings({ params: { id: engagementId }, signal }) });

export const useHotlineFigures = (engagementId: string) =>
  useQuery({ queryKey: queryKeys.engagements.hotlineFigures(engagementId), queryFn: ({ signal }) => api.getHotlineFigures({ params: { id: engagementId }, signal }) });

const useRefreshHotline = (engagementId: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['engagements', 'hotline', engagementId] });
};

/** Uploads a month's extract; one idempotency key per dialog opening, so a retried click stages one import. */
export function useStageHotlineImport(engagementId: string) {
  const refresh = useRefreshHotline(engagementId);
  return useMutation({
    mutationFn: (body: { file: File; month: string; idempotencyKey: string }) => api.stageHotlineImport({ params: { id: engagementId }, body }),
    onSuccess: () => void refresh(),
  });
}

/** Imports a staged file with a mapping: all its rows or none (422 `hotline_rows_invalid` lists them). */
export function useCommitHotlineImport(engagementId: string) {
  const refresh = useRefreshHotline(engagementId);
  return useMutation({
    mutationFn: ({ importId, mapping }: { importId: string; mapping: HotlineMapping }) => api.commitHotlineImport({ params: { id: engagementId, importId }, body: { mapping } }),
    onSuccess: () => void refresh(),
  });
}

export function useSaveHotlineSettings(engagementId: string) {
  const refresh = useRefreshHotline(engagementId);
  return useMutation({
    mutationFn: (body: HotlineSettingsBody) => api.saveHotlineSettings({ params: { id: engagementId }, body }),
    onSuccess: () => void refresh(),
  });
}

export function useDownloadHotlineReport(engagementId: string) {
  return useMutation({ mutationFn: async () => saveDownloadedFile(await api.downloadHotlineReport({ params: { id: engagementId } }), '12345-report.xlsx') });
}
