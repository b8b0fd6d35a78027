import type { QueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { DEFAULT_PORTFOLIO_QUERY, PortfolioTable } from '../../features/engagements/components/portfolio-table';
import { engagementsQueryOptions } from '../../features/engagements/api/get-engagements';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function PortfolioRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canCreate = hasRole(user.roles, 'pm', 'admin');
  useDocumentTitle(t('nav.portfolio'));
  return (
    <>
      <PageHeader
        title={t('portfolio.title')}
        subtitle={t('portfolio.subtitle')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<Icon name="plus" />} onClick={() => void navigate('/engagements/new')} data-testid="new-engagement">
              {t('portfolio.create')}
            </Button>
          ) : null
        }
      />
      <PortfolioTable canCreate={canCreate} onCreate={() => void navigate('/engagements/new')} />
    </>
  );
}

export function prefetch(queryClient: QueryClient): void {
  void queryClient.query(engagementsQueryOptions(DEFAULT_PORTFOLIO_QUERY)).catch(() => undefined);
}
