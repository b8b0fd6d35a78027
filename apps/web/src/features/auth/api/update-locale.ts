import type { Locale } from '@gongzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Remembers the language on the account too, so notifications and other devices follow it. */
export function useUpdateMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.updateMe({ body: { locale } }),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.me, user),
  });
}
