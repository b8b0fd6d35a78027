import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNAdoptions } from '../../../locales/adoptions/zh-CN';

// The Chinese strings travel with the feature's code, not with the shell; English comes with the
// rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'adoptions', zhCNAdoptions, true, true);

/** Every key of the adoptions catalogue (`form.noticeFrom`, `detail.recordMeeting`). */
export type AdoptionsKey = CatalogueKey<typeof zhCNAdoptions>;
export type AdoptionsT = (key: AdoptionsKey, options?: Record<string, string | number>) => string;

/** `t` for the `adoptions` namespace (see lib/namespace-translation.ts). */
export const useAdoptionsTranslation = (): { t: AdoptionsT } =>
  useNamespaceTranslation<typeof zhCNAdoptions>('adoptions');
