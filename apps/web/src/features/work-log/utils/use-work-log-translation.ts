import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNWorkLog } from '../../../locales/work-log/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'workLog', zhCNWorkLog, true, true);

export type WorkLogKey = CatalogueKey<typeof zhCNWorkLog>;
export type WorkLogT = (key: WorkLogKey, options?: Record<string, string | number>) => string;

/** `t` for the `workLog` namespace. */
export const useWorkLogTranslation = (): { t: WorkLogT } => useNamespaceTranslation<typeof zhCNWorkLog>('workLog');
