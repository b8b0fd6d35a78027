import type { QueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isLinkToken, publicQuestionnaireQueryOptions } from '../../features/research/api/public-questionnaire';
import { PublicQuestionnairePage } from '../../features/research/components/public-questionnaire';

/** `/q/:token`: a respondent's questionnaire, outside the signed-in shell — no login, no menu. */
export default function PublicQuestionnaireRoute() {
  const { token = '' } = useParams();
  return <PublicQuestionnairePage token={token} />;
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (params.token && isLinkToken(params.token))
    void queryClient.query(publicQuestionnaireQueryOptions(params.token)).catch(() => undefined);
}
