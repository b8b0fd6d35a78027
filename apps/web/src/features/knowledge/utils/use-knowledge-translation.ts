import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNKnowledge } from '../../../locales/knowledge/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'knowledge', zhCNKnowledge, true, true);

/** Every key of the knowledge base's catalogue (`copy.take`, `total` for `total_one`/`total_other`). */
export type KnowledgeKey = CatalogueKey<typeof zhCNKnowledge>;
export type KnowledgeT = (key: KnowledgeKey, options?: Record<string, string | number>) => string;

type LooseT = (key: string, options: Record<string, unknown>) => string;

/** `t` for the `knowledge` namespace (see lib/namespace-translation.ts). */
export const useKnowledgeTranslation = (): { t: KnowledgeT } => useNamespaceTranslation<typeof zhCNKnowledge>('knowledge');

/**
 * A label for a value the domain may extend (a law level, a power category): the value itself
 * when the catalogue does not know it yet, rather than a raw key on screen.
 */
export function translateOr(t: KnowledgeT, key: string, fallback: string): string {
  return (t as unknown as LooseT)(key, { defaultValue: fallback });
}
