import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Hands a file fetched through the API client to the browser as a download. */
export function saveDownloadedFile(file: { blob: Blob; fileName?: string | null }, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Fetches a revision's file and hands it to the browser as a download. */
export async function downloadRevision(deliverableId: string, revision: number, fallbackName: string): Promise<void> {
  saveDownloadedFile(await api.downloadDeliverableRevision({ params: { id: deliverableId, rev: revision } }), fallbackName);
}

export function useDownloadRevision() {
  return useMutation({
    mutationFn: ({ deliverableId, revision, fallbackName }: { deliverableId: string; revision: number; fallbackName: string }) => downloadRevision(deliverableId, revision, fallbackName),
  });
}
