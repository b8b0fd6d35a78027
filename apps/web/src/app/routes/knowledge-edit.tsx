import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { isKnowledgeKind } from '../../features/knowledge/api/get-knowledge';
import {
  EditNotAllowed,
  KnowledgeCreatePage,
  KnowledgeEditPage,
} from '../../features/knowledge/components/knowledge-edit-page';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import NotFoundRoute from './not-found';
import { useKnowledgeTranslation } from '../../features/knowledge/utils/use-knowledge-translation';

/** `/knowledge/new?kind=law` and `/knowledge/:kind/:key/edit`: administrators and PMs only (the API says so too). */
export default function KnowledgeEditRoute() {
  const { t } = useKnowledgeTranslation();
  const { kind, key } = useParams();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  useDocumentTitle(key ? t('edit') : t('create'));
  if (!hasRole(user.roles, 'admin', 'pm')) return <EditNotAllowed />;
  const crumbs = [{ label: t('title'), to: '/knowledge' }];
  if (kind === undefined) {
    const requested = params.get('kind');
    return <KnowledgeCreatePage initialKind={isKnowledgeKind(requested) ? requested : 'law'} crumbs={crumbs} />;
  }
  if (!isKnowledgeKind(kind) || !key) return <NotFoundRoute />;
  return <KnowledgeEditPage kind={kind} entryKey={key} crumbs={crumbs} />;
}
