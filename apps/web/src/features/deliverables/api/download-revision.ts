import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Fetches a revision's file through the API client and hands it to the browser as a download. */
export async function downloadRevision(deliverableId: string, revision: number, fallbackName: string): Promise<void> {
  const file = await api.downloadDeliverableRevision({ params: { id: deliverableId, rev: revision } });
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

export function useDownloadRevision() {
  return useMutation({
    mutationFn: ({ deliverableId, revision, fallbackName }: { deliverableId: string; revision: number; fallbackName: string }) => downloadRevision(deliverableId, revision, fallbackName),
  });
}
