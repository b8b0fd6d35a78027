import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { ReviewQueue } from '../../features/deliverables/components/review-queue';
import { ClientHome } from '../../features/engagements/components/client-home';
import { RiskView } from '../../features/engagements/components/risk-view';
import { primaryRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Each role starts where its work is: the PM at the portfolio, the lawyer at 我的任务, the partner at reviews and risk. */
export default function HomeRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const role = primaryRole(user.roles);
  useDocumentTitle(t('nav.home'));
  if (role === 'pm' || role === 'admin') return <Navigate to="/engagements" replace />;
  if (role === 'lawyer') return <Navigate to="/tasks" replace />;
  if (role === 'partner') {
    return (
      <>
        <PageHeader title={t('home.partnerTitle', { name: user.displayName })} subtitle={t('home.partnerSubtitle')} />
        <Flex vertical gap={16}>
          <ReviewQueue compact />
          <RiskView />
        </Flex>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('home.clientTitle', { name: user.displayName })} subtitle={t('home.clientSubtitle')} />
      <ClientHome />
    </>
  );
}
