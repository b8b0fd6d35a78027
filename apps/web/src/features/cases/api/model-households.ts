import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type ModelHousehold = Awaited<ReturnType<typeof api.listModelHouseholds>>['items'][number];
export type RecordModelHouseholdBody = Parameters<typeof api.recordModelHousehold>[0]['body'];

export const useModelHouseholds = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.modelHouseholds(engagementId),
    queryFn: ({ signal }) => api.listModelHouseholds({ params: { id: engagementId }, signal }),
  });

/** Records one; the caller's idempotency key (one per form opening) makes a retried click one record. */
export function useRecordModelHousehold(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordModelHouseholdBody) => api.recordModelHousehold({ params: { id: engagementId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.modelHouseholds(engagementId) }),
  });
}

export function useWithdrawModelHousehold(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ householdId, reason }: { householdId: string; reason: string }) => api.withdrawModelHousehold({ params: { id: engagementId, householdId }, body: { reason } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.engagements.modelHouseholds(engagementId) }),
  });
}
