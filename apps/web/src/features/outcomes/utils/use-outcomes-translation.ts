import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNOutcomes } from '../../../locales/outcomes/zh-CN';

// The Chinese strings travel with the feature's code, not with the shell; English comes with the
// rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'outcomes', zhCNOutcomes, true, true);

/** Every key of the outcomes catalogue (`cards.hotline`, `conventions.pending`). */
export type OutcomesKey = CatalogueKey<typeof zhCNOutcomes>;
export type OutcomesT = (key: OutcomesKey, options?: Record<string, string | number>) => string;

/** `t` for the `outcomes` namespace (see lib/namespace-translation.ts). */
export const useOutcomesTranslation = (): { t: OutcomesT } => useNamespaceTranslation<typeof zhCNOutcomes>('outcomes');
