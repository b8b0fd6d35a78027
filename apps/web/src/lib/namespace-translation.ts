import { useTranslation } from 'react-i18next';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** Every key of a catalogue (`duration.hours`), plural forms under their base key. */
export type CatalogueKey<Catalogue> = WithoutPlural<Leaves<Catalogue>>;

type LooseT = (key: string, options: Record<string, unknown>) => string;

/**
 * `t` for a feature's own namespace, its keys checked against the feature's Chinese catalogue. Kept
 * out of i18next's declared types: every key declared there is part of one type the compiler
 * expands at each `t` call, and past a few hundred keys it gives up (TS2589).
 */
export function useNamespaceTranslation<Catalogue>(namespace: string): { t: (key: CatalogueKey<Catalogue>, options?: Record<string, string | number>) => string } {
  const { t } = useTranslation();
  const loose = t as unknown as LooseT;
  return { t: (key, options) => loose(key, { ...options, ns: namespace }) };
}
