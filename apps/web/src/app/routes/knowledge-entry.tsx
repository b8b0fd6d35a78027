import type { QueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useCurrentUser } from '../../features/auth/api/get-me';
import {
  isKnowledgeKind,
  knowledgeEntryQueryOptions,
  useKnowledgeEntry,
} from '../../features/knowledge/api/get-knowledge';
import { KnowledgeEntryView } from '../../features/knowledge/components/knowledge-entry-view';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import NotFoundRoute from './not-found';
import { useKnowledgeTranslation } from '../../features/knowledge/utils/use-knowledge-translation';

export default function KnowledgeEntryRoute() {
  const { t } = useKnowledgeTranslation();
  const { kind = '', key = '' } = useParams();
  const user = useCurrentUser();
  const isKind = isKnowledgeKind(kind);
  const query = useKnowledgeEntry(isKind ? kind : 'law', key, { enabled: isKind });
  useDocumentTitle(query.data?.title ?? t('title'));
  if (!isKind) return <NotFoundRoute />;
  return (
    <KnowledgeEntryView
      kind={kind}
      entryKey={key}
      canEdit={hasRole(user.roles, 'admin', 'pm')}
      crumbs={[{ label: t('title'), to: '/knowledge' }]}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (isKnowledgeKind(params.kind) && params.key)
    void queryClient.query(knowledgeEntryQueryOptions(params.kind, params.key)).catch(() => undefined);
}
