import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n';
import { zhCNKnowledge } from '../../../locales/knowledge/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'knowledge', zhCNKnowledge, true, true);

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** Every key of the knowledge base's catalogue (`copy.take`, `total` for `total_one`/`total_other`). */
export type KnowledgeKey = WithoutPlural<Leaves<typeof zhCNKnowledge>>;
export type KnowledgeT = (key: KnowledgeKey, options?: Record<string, string | number>) => string;

type LooseT = (key: string, options: Record<string, unknown>) => string;

/**
 * `t` for the `knowledge` namespace, its keys checked against the Chinese catalogue. The namespace
 * is not declared to i18next's types: declaring it adds every key, prefixed, to the app namespace's
 * key union, which then grows past what the compiler resolves (TS2589) in other features.
 */
export function useKnowledgeTranslation(): { t: KnowledgeT } {
  const { t } = useTranslation();
  const loose = t as unknown as LooseT;
  return { t: (key, options) => loose(key, { ...options, ns: 'knowledge' }) };
}

/**
 * A label for a value the domain may extend (a law level, a power category): the value itself
 * when the catalogue does not know it yet, rather than a raw key on screen.
 */
export function translateOr(t: KnowledgeT, key: string, fallback: string): string {
  return (t as unknown as LooseT)(key, { defaultValue: fallback });
}
