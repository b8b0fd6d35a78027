import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';

/**
 * The engagement page's 民主程序 tab label, in the feature's own words: imported by the page itself
 * (the tab shows before its content loads), so it stays this small.
 */
export function AdoptionsTabLabel() {
  const { t } = useAdoptionsTranslation();
  return <span data-testid="adoptions-tab">{t('tab')}</span>;
}
