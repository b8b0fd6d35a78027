import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { CreateEngagementWizard } from '../../features/engagements/components/create-engagement-wizard';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function NewEngagementRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  useDocumentTitle(t('wizard.title'));
  return (
    <>
      <PageHeader crumbs={[{ label: t('nav.portfolio'), to: '/engagements' }, { label: t('wizard.title') }]} title={t('wizard.title')} subtitle={t('wizard.subtitle')} />
      <CreateEngagementWizard
        currentUserId={user.id}
        onCreated={(engagement) => void navigate(`/engagements/${engagement.id}`)}
        onCancel={() => void navigate('/engagements')}
      />
    </>
  );
}
