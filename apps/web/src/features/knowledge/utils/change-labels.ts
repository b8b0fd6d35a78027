import type { Locale } from '@gongzhi/contracts';
import type { KnowledgeKind } from '@gongzhi/domain';
import type { KnowledgeT } from './use-knowledge-translation';
import { findEntry, type KnowledgeDirectory } from '../api/directory';
import { type ArticleRef, formatArticle } from './article-label';
import { translateOr } from './use-knowledge-translation';

/** `penalties[0].article` → ['penalties', 0, 'article'] (the paths `diffKnowledgeContent` writes). */
export function parseChangePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** Arrays of provisions, whose items read best as the citation they are. */
const PROVISION_LISTS = new Set(['prohibitions', 'penalties', 'related', 'legalBasis', 'basis']);

const childOf = (value: unknown, segment: string | number): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;

interface LabelContext {
  t: KnowledgeT;
  locale: Locale;
  directory: KnowledgeDirectory;
}

function itemLabel(list: string, item: unknown, index: number, { t, locale, directory }: LabelContext): string {
  if (list === 'templates' && typeof item === 'string') return findEntry(directory, 'template', item)?.title ?? item;
  if (list === 'sourceKeys' && typeof item === 'string') return item;
  const record = (item ?? {}) as Record<string, unknown>;
  if (list === 'excerpts' && typeof record.article === 'number') return formatArticle(record as ArticleRef, locale);
  if (PROVISION_LISTS.has(list) && typeof record.lawKey === 'string') {
    const law = findEntry(directory, 'law', record.lawKey);
    const article = formatArticle(record as ArticleRef, locale);
    return `${t('lawCitation', { title: law?.title ?? record.lawKey })}${article}`;
  }
  if (list === 'enforcers' && typeof record.body === 'string') return record.body;
  if (list === 'reporters' && typeof record.party === 'string') return record.party;
  if (list === 'process' || list === 'requiredElements') return t('changes.step', { n: index + 1 });
  return t('changes.item', { n: index + 1 });
}

/**
 * A change's path in words: `excerpts[3].summary` → 条文摘要 › 第七十八条第二款 › 摘要, items named
 * by what they are in `content` (the newer version, or the older one for a removed item).
 */
export function describeChangePath(path: string, contents: readonly unknown[], context: LabelContext): string {
  const segments = parseChangePath(path);
  const labels: string[] = [];
  let nodes = [...contents];
  let parent = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      const item = nodes.map((node) => childOf(node, segment)).find((value) => value !== undefined);
      labels.push(itemLabel(parent, item, segment, context));
    } else {
      labels.push(translateOr(context.t, `fields.${segment}`, segment));
      parent = segment;
    }
    nodes = nodes.map((node) => childOf(node, segment));
  }
  return labels.join(context.t('changes.separator'));
}

/** The last named field of a path: what kind of value changed. */
export function fieldOfPath(path: string): string {
  const names = parseChangePath(path).filter((segment): segment is string => typeof segment === 'string');
  return names[names.length - 1] ?? '';
}

/** A changed value as people read it: yes/no for flags, the law's title for a law key, labels for enumerations. */
export function formatChangeValue(
  value: string,
  field: string,
  kind: KnowledgeKind,
  { t, directory }: LabelContext,
): string {
  if (value === '[]') return t('changes.emptyList');
  if (value === 'true' || value === 'false') {
    if (field === 'weak') return value === 'true' ? t('source.weakShort') : t('source.strongShort');
    return value === 'true' ? t('changes.yes') : t('changes.no');
  }
  if (field === 'delegatedToStreet') return translateOr(t, `delegation.${value}`, value);
  if (field === 'level') return translateOr(t, `level.${value}`, value);
  if (field === 'category') return translateOr(t, `category.${value}`, value);
  if (field === 'holder') return translateOr(t, `holder.${value}`, value);
  if (field === 'lawKey') {
    const law = findEntry(directory, 'law', value);
    return law ? `${t('lawCitation', { title: law.title })} (${value})` : value;
  }
  if ((field === 'templates' || field === 'sourceKeys') && kind !== 'source') {
    const target = findEntry(directory, field === 'templates' ? 'template' : 'source', value);
    return target && field === 'templates' ? `${target.title} (${value})` : value;
  }
  return value;
}
