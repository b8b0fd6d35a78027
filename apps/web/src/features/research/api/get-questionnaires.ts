import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type QuestionnaireList = Awaited<ReturnType<typeof api.listQuestionnaires>>;
export type QuestionnaireSummary = QuestionnaireList['items'][number];
export type Questionnaire = Awaited<ReturnType<typeof api.getQuestionnaire>>;
export type QuestionnaireQuestion = Questionnaire['questions'][number];
export type QuestionResult = Questionnaire['results']['questions'][number];
export type CommunityRef = NonNullable<Questionnaire['results']['byCommunity'][number]['community']>;

export const questionnairesQueryOptions = (engagementId: string) =>
  queryOptions({
    queryKey: queryKeys.engagements.questionnaires(engagementId),
    queryFn: ({ signal }) => api.listQuestionnaires({ params: { id: engagementId }, signal }),
  });

/** The engagement's questionnaires, newest first as the API lists them, and whether the caller may create one. */
export const useQuestionnaires = (engagementId: string) => useQuery(questionnairesQueryOptions(engagementId));

export const questionnaireQueryOptions = (engagementId: string, questionnaireId: string) =>
  queryOptions({
    queryKey: queryKeys.engagements.questionnaire(engagementId, questionnaireId),
    queryFn: ({ signal }) => api.getQuestionnaire({ params: { id: engagementId, questionnaireId }, signal }),
  });

/** One questionnaire: its current version's questions, every response's results, what the caller may do. */
export const useQuestionnaire = (engagementId: string, questionnaireId: string) =>
  useQuery(questionnaireQueryOptions(engagementId, questionnaireId));
