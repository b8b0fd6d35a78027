import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNCases } from '../../../locales/cases/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'cases', zhCNCases, true, true);

/** Every key of the cases catalogue (`actions.refer`, `due.left`). */
export type CasesKey = CatalogueKey<typeof zhCNCases>;
export type CasesT = (key: CasesKey, options?: Record<string, string | number>) => string;

/** `t` for the `cases` namespace (see lib/namespace-translation.ts). */
export const useCasesTranslation = (): { t: CasesT } => useNamespaceTranslation<typeof zhCNCases>('cases');
