import type { QueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isCommentToken, publicAdoptionDraftQueryOptions } from '../../features/public-comments/api/public-comments';
import { PublicCommentsPage } from '../../features/public-comments/components/public-comments';

/** `/c/:token`: a resident's comments on a draft on public notice, outside the signed-in shell — no login, no menu. */
export default function PublicCommentsRoute() {
  const { token = '' } = useParams();
  return <PublicCommentsPage token={token} />;
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (params.token && isCommentToken(params.token))
    void queryClient.query(publicAdoptionDraftQueryOptions(params.token)).catch(() => undefined);
}
