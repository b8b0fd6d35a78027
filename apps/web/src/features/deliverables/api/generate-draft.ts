import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';
import { queryKeys, workQueryPrefixes } from '../../../lib/query-keys';
import type { DeliverableDetail } from './get-deliverable';

export type Generation = DeliverableDetail['generations'][number];

/** Asks a worker to draft the deliverable; the draft arrives as an upload, submitted with the task. */
export function useGenerateDraft(deliverableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.generateDeliverableDocument({ params: { id: deliverableId }, body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.deliverables.detail(deliverableId) }),
  });
}

/** Re-reads the deliverable (and the work lists) while a draft is being written, to show its progress. */
export function refreshWhileGenerating(queryClient: ReturnType<typeof useQueryClient>, deliverableId: string) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.deliverables.detail(deliverableId) }), ...workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))]);
}

/** Fetches a generated draft and hands it to the browser as a download. */
export async function downloadGeneration(deliverableId: string, generation: Generation): Promise<void> {
  saveDownloadedFile(await api.downloadGeneratedDocument({ params: { id: deliverableId, generationId: generation.id } }), generation.upload?.fileName ?? 'draft');
}
