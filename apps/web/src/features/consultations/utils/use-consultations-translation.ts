import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNConsultations } from '../../../locales/consultations/zh-CN';

// The Chinese strings travel with the feature's code, not with the shell; English comes with the
// rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'consultations', zhCNConsultations, true, true);

/** Every key of the consultations catalogue (`form.topic`, `detail.submitOpinion`). */
export type ConsultationsKey = CatalogueKey<typeof zhCNConsultations>;
export type ConsultationsT = (key: ConsultationsKey, options?: Record<string, string | number>) => string;

/** `t` for the `consultations` namespace (see lib/namespace-translation.ts). */
export const useConsultationsTranslation = (): { t: ConsultationsT } =>
  useNamespaceTranslation<typeof zhCNConsultations>('consultations');
