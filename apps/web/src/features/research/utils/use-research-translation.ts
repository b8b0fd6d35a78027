import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNResearch } from '../../../locales/research/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'research', zhCNResearch, true, true);

/** Every key of field research's catalogue (`links.copyAll`, `list.responses` for `_one`/`_other`). */
export type ResearchKey = CatalogueKey<typeof zhCNResearch>;
export type ResearchT = (key: ResearchKey, options?: Record<string, string | number>) => string;

/** `t` for the `research` namespace (see lib/namespace-translation.ts). */
export const useResearchTranslation = (): { t: ResearchT } => useNamespaceTranslation<typeof zhCNResearch>('research');
