import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';

/** Fetches a revision's file and hands it to the browser as a download. */
export async function downloadRevision(deliverableId: string, revision: number, fallbackName: string): Promise<void> {
  saveDownloadedFile(await api.downloadDeliverableRevision({ params: { id: deliverableId, rev: revision } }), fallbackName);
}

export function useDownloadRevision() {
  return useMutation({
    mutationFn: ({ deliverableId, revision, fallbackName }: { deliverableId: string; revision: number; fallbackName: string }) => downloadRevision(deliverableId, revision, fallbackName),
  });
}
