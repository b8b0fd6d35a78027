import type { Locale } from '@gongzhi/contracts';
import { articleLabel, type Provision } from '@gongzhi/domain';

export type ArticleRef = Pick<Provision, 'article' | 'articleSub' | 'articleTo' | 'paragraph' | 'item'>;

/**
 * Where in a law: 第七十八条第二款第三项 as statutes number it (the domain's rule), or
 * `Art. 78, para. 2, item 3` in English; '' when the provision names the law as a whole.
 */
export function formatArticle(ref: ArticleRef, locale: Locale): string {
  if (ref.article === undefined) return '';
  if (locale !== 'en') return articleLabel(ref);
  let label = ref.articleTo !== undefined ? `Arts. ${ref.article}–${ref.articleTo}` : `Art. ${ref.article}`;
  if (ref.articleSub !== undefined) label += `-${ref.articleSub}`;
  if (ref.paragraph !== undefined) label += `, para. ${ref.paragraph}`;
  if (ref.item !== undefined) label += `, item ${ref.item}`;
  return label;
}
