import { useOutcomesTranslation } from '../utils/use-outcomes-translation';

/**
 * The engagement page's 项目成效 tab label, in the feature's own words: imported by the page itself
 * (the tab shows before its content loads), so it stays this small.
 */
export function OutcomesTabLabel() {
  const { t } = useOutcomesTranslation();
  return <span data-testid="outcomes-tab">{t('tab')}</span>;
}
