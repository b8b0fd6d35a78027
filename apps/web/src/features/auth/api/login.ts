import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.login({ body }),
    onSuccess: ({ user }) => {
      // Another user may have used this tab: nothing cached for them may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
}
