import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorPage } from '../../components/error-page';
import { PageSkeleton } from '../../components/loading';
import { engagementQueryOptions, useEngagement } from '../../features/engagements/api/get-engagement';
import { questionnaireQueryOptions } from '../../features/research/api/get-questionnaires';
import {
  QuestionnaireCreatePage,
  QuestionnaireRevisePage,
  researchCrumbs,
  researchEngagementOf,
} from '../../features/research/components/questionnaire-edit-page';
import { useResearchTranslation } from '../../features/research/utils/use-research-translation';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * `/engagements/:id/questionnaires/new` and `…/:questionnaireId/edit`. The API decides who may
 * write (the engagement's PM and lawyers, administrators); the pages say so when it refuses.
 */
export default function QuestionnaireEditRoute() {
  const { t: tc } = useTranslation();
  const { t } = useResearchTranslation();
  const { id = '', questionnaireId } = useParams();
  const engagement = useEngagement(id);
  useDocumentTitle(questionnaireId ? t('revise') : t('create'));
  if (engagement.isPending) return <PageSkeleton rows={12} />;
  if (engagement.isError)
    return <ErrorPage error={engagement.error} onRetry={() => void engagement.refetch()} backTo="/" />;
  const crumbs = researchCrumbs(engagement.data, { label: tc('nav.portfolio'), to: '/engagements' }, t);
  if (!questionnaireId)
    return <QuestionnaireCreatePage engagement={researchEngagementOf(engagement.data)} crumbs={crumbs} />;
  return (
    <QuestionnaireRevisePage
      engagement={researchEngagementOf(engagement.data)}
      questionnaireId={questionnaireId}
      crumbs={crumbs}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (!params.id) return;
  void queryClient.query(engagementQueryOptions(params.id)).catch(() => undefined);
  if (params.questionnaireId)
    void queryClient.query(questionnaireQueryOptions(params.id, params.questionnaireId)).catch(() => undefined);
}
