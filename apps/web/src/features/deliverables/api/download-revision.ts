import { OFFICE_MIME_TYPES } from '@gongzhi/domain';
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

/** A Word or Excel revision as PDF (converted by LibreOffice on a worker), handed to the browser as a download. */
export function useDownloadRevisionPdf() {
  return useMutation({
    mutationFn: async ({ deliverableId, revision, fallbackName }: { deliverableId: string; revision: number; fallbackName: string }) =>
      saveDownloadedFile(await api.downloadDeliverableRevisionPdf({ params: { id: deliverableId, rev: revision } }), fallbackName.replace(/\.[^.]+$/, '.pdf')),
  });
}

/** The stored kinds the API converts to PDF. */
export const CONVERTIBLE_MIME_TYPES: readonly string[] = Object.values(OFFICE_MIME_TYPES);
