import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorPage } from '../../components/error-page';
import { PageSkeleton } from '../../components/loading';
import { engagementQueryOptions, useEngagement } from '../../features/engagements/api/get-engagement';
import { useWatchEngagement } from '../../features/live-updates/components/live-updates-provider';
import { questionnaireQueryOptions, useQuestionnaire } from '../../features/research/api/get-questionnaires';
import { researchCrumbs, researchEngagementOf } from '../../features/research/components/questionnaire-edit-page';
import { QuestionnaireView } from '../../features/research/components/questionnaire-view';
import { useResearchTranslation } from '../../features/research/utils/use-research-translation';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/engagements/:id/questionnaires/:questionnaireId`: a questionnaire, its results and its actions. */
export default function QuestionnaireRoute() {
  const { t: tc } = useTranslation();
  const { t } = useResearchTranslation();
  const { id = '', questionnaireId = '' } = useParams();
  // Responses arriving through links update the engagement's stream: the results refresh.
  useWatchEngagement(id);
  const engagement = useEngagement(id);
  const questionnaire = useQuestionnaire(id, questionnaireId);
  useDocumentTitle(questionnaire.data?.title ?? t('title'));
  if (engagement.isPending) return <PageSkeleton rows={10} />;
  if (engagement.isError)
    return <ErrorPage error={engagement.error} onRetry={() => void engagement.refetch()} backTo="/" />;
  return (
    <QuestionnaireView
      engagement={researchEngagementOf(engagement.data)}
      questionnaireId={questionnaireId}
      crumbs={researchCrumbs(
        engagement.data,
        engagement.data.myRole === 'client'
          ? { label: tc('nav.home'), to: '/' }
          : { label: tc('nav.portfolio'), to: '/engagements' },
        t,
      )}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (!params.id) return;
  void queryClient.query(engagementQueryOptions(params.id)).catch(() => undefined);
  if (params.questionnaireId)
    void queryClient.query(questionnaireQueryOptions(params.id, params.questionnaireId)).catch(() => undefined);
}
