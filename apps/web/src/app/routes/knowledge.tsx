import type { QueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { knowledgeListQueryOptions } from '../../features/knowledge/api/get-knowledge';
import { KnowledgeList, knowledgeQueryOf } from '../../features/knowledge/components/knowledge-list';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useKnowledgeTranslation } from '../../features/knowledge/utils/use-knowledge-translation';

export default function KnowledgeRoute() {
  const { t } = useKnowledgeTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canEdit = hasRole(user.roles, 'admin', 'pm');
  useDocumentTitle(t('title'));
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canEdit ? (
            <Button
              type="primary"
              icon={<Icon name="plus" />}
              onClick={() => void navigate('/knowledge/new')}
              data-testid="new-knowledge-entry"
            >
              {t('create')}
            </Button>
          ) : null
        }
      />
      <KnowledgeList />
    </>
  );
}

export function prefetch(queryClient: QueryClient): void {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  void queryClient.query(knowledgeListQueryOptions(knowledgeQueryOf(params))).catch(() => undefined);
}
