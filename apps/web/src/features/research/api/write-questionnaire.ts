import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Questionnaire } from './get-questionnaires';

export type QuestionnaireBody = Parameters<typeof api.createQuestionnaire>[0]['body'];
export type ReviseQuestionnaireBody = Parameters<typeof api.reviseQuestionnaire>[0]['body'];

/** Version 1, open for responses; written by the engagement's workflow before the API answers. */
export function useCreateQuestionnaire(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuestionnaireBody) => api.createQuestionnaire({ params: { id: engagementId }, body }),
    onSuccess: (questionnaire: Questionnaire) =>
      queryClient.setQueryData(queryKeys.engagements.questionnaire(engagementId, questionnaire.id), questionnaire),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.questionnaires(engagementId) }),
  });
}

/**
 * A new version, saved only if nobody saved another since `expectedVersion` (409 `conflict`
 * otherwise); responses already given keep the version they answered.
 */
export function useReviseQuestionnaire(engagementId: string, questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviseQuestionnaireBody) =>
      api.reviseQuestionnaire({ params: { id: engagementId, questionnaireId }, body }),
    onSuccess: (questionnaire: Questionnaire) =>
      queryClient.setQueryData(queryKeys.engagements.questionnaire(engagementId, questionnaireId), questionnaire),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.questionnaires(engagementId) }),
  });
}

/** Stops collecting: links not yet used stop working, the results stay. */
export function useCloseQuestionnaire(engagementId: string, questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.closeQuestionnaire({ params: { id: engagementId, questionnaireId } }),
    onSuccess: (questionnaire: Questionnaire) =>
      queryClient.setQueryData(queryKeys.engagements.questionnaire(engagementId, questionnaireId), questionnaire),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.questionnaires(engagementId) }),
  });
}
