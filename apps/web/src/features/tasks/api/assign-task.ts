import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys, workQueryPrefixes } from '../../../lib/query-keys';

export function useAssignTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, assigneeId }: { taskId: string; assigneeId: string }) => api.assignTask({ params: { id: taskId }, body: { assigneeId } }),
    onSuccess: (task) => queryClient.setQueryData(queryKeys.tasks.detail(task.id), task),
    onSettled: () => Promise.all(workQueryPrefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
