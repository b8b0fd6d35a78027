import { useConsultationsTranslation } from '../utils/use-consultations-translation';

/**
 * The engagement page's 会诊 tab label, in the feature's own words: imported by the page itself
 * (the tab shows before its content loads), so it stays this small.
 */
export function ConsultationsTabLabel() {
  const { t } = useConsultationsTranslation();
  return <span data-testid="consultations-tab">{t('tab')}</span>;
}
