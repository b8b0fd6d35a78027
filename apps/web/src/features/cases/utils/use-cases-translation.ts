import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n';
import { zhCNCases } from '../../../locales/cases/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'cases', zhCNCases, true, true);

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** Every key of the cases catalogue (`actions.refer`, `due.left`). */
export type CasesKey = WithoutPlural<Leaves<typeof zhCNCases>>;
export type CasesT = (key: CasesKey, options?: Record<string, string | number>) => string;

type LooseT = (key: string, options: Record<string, unknown>) => string;

/**
 * `t` for the `cases` namespace, its keys checked against the Chinese catalogue (not declared
 * to i18next's types, for the reason use-knowledge-translation.ts gives).
 */
export function useCasesTranslation(): { t: CasesT } {
  const { t } = useTranslation();
  const loose = t as unknown as LooseT;
  return { t: (key, options) => loose(key, { ...options, ns: 'cases' }) };
}
