import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { RiskView } from '../../features/engagements/components/risk-view';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function RiskRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.risk'));
  return (
    <>
      <PageHeader title={t('risk.title')} subtitle={t('risk.subtitle')} />
      <RiskView />
    </>
  );
}
