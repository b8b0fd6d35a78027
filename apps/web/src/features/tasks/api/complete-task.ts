import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, workQueryPrefixes } from '../../../lib/query-keys';
import type { TaskDetail } from './get-task';

type FormData = Parameters<typeof api.completeTask>[0]['body']['formData'];

/** A key per submission attempt, so a retried request after a dropped answer is not a double completion. */
export function useCompleteTask(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      formData,
      file,
      note,
      standInReason,
      idempotencyKey,
    }: {
      formData: FormData;
      file?: { sha256: string } | undefined;
      note?: string | undefined;
      standInReason?: string | undefined;
      idempotencyKey: string;
    }) => api.completeTask({ params: { id: taskId }, body: { formData, idempotencyKey, ...(file ? { file } : {}), ...(note ? { note } : {}), ...(standInReason ? { standInReason } : {}) } }),
    onSuccess: (task: TaskDetail) => {
      queryClient.setQueryData(queryKeys.tasks.detail(taskId), task);
    },
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
