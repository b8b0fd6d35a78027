import { DELIVERABLE_FILE_EXTENSIONS, UPLOAD_LIMITS } from '@gongzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workQueryPrefixes } from '../../../lib/query-keys';
import type { DeliverableDetail } from './get-deliverable';

type Kind = DeliverableDetail['kind'];

/** The file picker's `accept`: the extensions a deliverable of this kind takes. */
export const acceptedFileTypes = (kind: Kind): string => DELIVERABLE_FILE_EXTENSIONS[kind].join(',');

/** Whether a deliverable of this kind takes a photo (.jpg), so a phone may offer its camera. */
export const acceptsPhotos = (kind: Kind): boolean => (DELIVERABLE_FILE_EXTENSIONS[kind] as readonly string[]).includes('.jpg');

/** Why a file cannot be uploaded, before sending 50 MB to be refused; null when it can. The server judges the content. */
export function checkUploadFile(file: Pick<File, 'size' | 'name'>, kind: Kind): 'empty' | 'too_large' | 'type' | null {
  if (file.size === 0) return 'empty';
  if (file.size > UPLOAD_LIMITS.maxBytes) return 'too_large';
  const extension = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0];
  if (!extension || !(DELIVERABLE_FILE_EXTENSIONS[kind] as readonly string[]).includes(extension)) return 'type';
  return null;
}

/** Stores a file for the deliverable; nothing is submitted until the task is completed naming it. */
export function useUploadFile(deliverableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file }: { file: File }) => api.uploadDeliverableFile({ params: { id: deliverableId }, body: { file } }),
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
