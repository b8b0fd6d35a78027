import type { Answers } from '@gongzhi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A response typed in from a paper form or an interview, for a community (its key; null: the whole street) on a day. */
export function useRecordQuestionnaireResponse(engagementId: string, questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { community: string | null; answeredOn: string; answers: Answers; idempotencyKey: string }) =>
      api.recordQuestionnaireResponse({ params: { id: engagementId, questionnaireId }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.questionnaires(engagementId) }),
  });
}
