import { UPLOAD_LIMITS } from '@gongzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workQueryPrefixes } from '../../../lib/query-keys';

export const ACCEPTED_FILE_TYPES = [...UPLOAD_LIMITS.mimeTypes, '.docx', '.xlsx', '.pptx', '.pdf', '.doc', '.xls', '.png', '.jpg', '.jpeg', '.zip'].join(',');

/** Why a file cannot be uploaded, before sending 50 MB to be refused; null when it can. */
export function checkUploadFile(file: Pick<File, 'size' | 'type'>): 'empty' | 'too_large' | 'type' | null {
  if (file.size === 0) return 'empty';
  if (file.size > UPLOAD_LIMITS.maxBytes) return 'too_large';
  // Some systems send no type for Office files; the server checks the content type it receives.
  if (file.type && !(UPLOAD_LIMITS.mimeTypes as readonly string[]).includes(file.type)) return 'type';
  return null;
}

export function useUploadRevision(deliverableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, note }: { file: File; note?: string }) => api.uploadDeliverableRevision({ params: { id: deliverableId }, body: { file, ...(note ? { note } : {}) } }),
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
