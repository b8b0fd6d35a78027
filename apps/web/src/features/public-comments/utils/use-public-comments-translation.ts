import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNPublicComments } from '../../../locales/public-comments/zh-CN';

// The Chinese strings travel with the page's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'publicComments', zhCNPublicComments, true, true);

/** Every key of the comment page's catalogue (`card.clause`, `errors.fix` for `_one`/`_other`). */
export type PublicCommentsKey = CatalogueKey<typeof zhCNPublicComments>;
export type PublicCommentsT = (key: PublicCommentsKey, options?: Record<string, string | number>) => string;

/** `t` for the `publicComments` namespace (see lib/namespace-translation.ts). */
export const usePublicCommentsTranslation = (): { t: PublicCommentsT } =>
  useNamespaceTranslation<typeof zhCNPublicComments>('publicComments');
