import { z } from 'zod';

/** Shown after anything a lawyer still has to check against the official text (the product's 待核实). */
export const UNVERIFIED_MARK = '【待核实】';

export const knowledgeKeySchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case slug');

const articleNumber = z.number().int().positive();

/**
 * A pointer into a law: 第N条（之M）（至第K条）第P款第Q项. Without `article` it points at the
 * document as a whole: normal for a decision or a policy document, but for a law it means the
 * sources name the law and not the article, so `validateKnowledge` requires it to be unverified.
 * A provision is a reference, never statute text.
 */
export const provisionSchema = z
  .object({
    lawKey: knowledgeKeySchema,
    article: articleNumber.optional(),
    /** 第二百九十一条之二 → article 291, articleSub 2. */
    articleSub: z.number().int().min(2).optional(),
    /** A run of articles, 第一千二百四十五条至第一千二百五十条. */
    articleTo: articleNumber.optional(),
    /** 款 */
    paragraph: articleNumber.optional(),
    /** 项 */
    item: articleNumber.optional(),
    /** What this provision says for the item citing it: a summary in the firm's words, not statute text. */
    note: z.string().min(1).optional(),
    unverified: z.boolean().optional(),
  })
  .strict()
  .superRefine((provision, context) => {
    const hasArticle = provision.article !== undefined;
    if (
      !hasArticle &&
      (provision.articleSub ?? provision.articleTo ?? provision.paragraph ?? provision.item) !== undefined
    ) {
      context.addIssue({ code: 'custom', message: 'articleSub, articleTo, paragraph and item need an article' });
    }
    if (provision.articleTo !== undefined) {
      if (provision.article === undefined || provision.articleTo <= provision.article) {
        context.addIssue({ code: 'custom', message: 'articleTo must come after article' });
      }
      if (provision.paragraph !== undefined || provision.item !== undefined || provision.articleSub !== undefined) {
        context.addIssue({ code: 'custom', message: 'a run of articles has no paragraph, item or 之' });
      }
    }
  });
export type Provision = z.infer<typeof provisionSchema>;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** 1 → 一, 10 → 十, 15 → 十五, 105 → 一百零五, 118 → 一百一十八, 1254 → 一千二百五十四 (as statutes number articles). */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) throw new RangeError(`cannot number ${value} in Chinese`);
  const digits = String(value).split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] ?? '';
    if (digit === 0) {
      pendingZero = text !== '';
      return;
    }
    if (pendingZero) text += DIGITS[0];
    pendingZero = false;
    text += `${DIGITS[digit]}${unit}`;
  });
  // 十五, not 一十五: only when 十 leads the number.
  return text.startsWith('一十') ? text.slice(1) : text;
}

/** The article part of a citation: 第七十八条第二款第三项, 第二百九十一条之二, 第五十二条至第五十九条; '' without an article. */
export function articleLabel(
  provision: Pick<Provision, 'article' | 'articleSub' | 'articleTo' | 'paragraph' | 'item'>,
): string {
  if (provision.article === undefined) return '';
  let label = `第${toChineseNumeral(provision.article)}条`;
  if (provision.articleSub !== undefined) label += `之${toChineseNumeral(provision.articleSub)}`;
  if (provision.articleTo !== undefined) label += `至第${toChineseNumeral(provision.articleTo)}条`;
  if (provision.paragraph !== undefined) label += `第${toChineseNumeral(provision.paragraph)}款`;
  if (provision.item !== undefined) label += `第${toChineseNumeral(provision.item)}项`;
  return label;
}

/** What a citation needs to know about a law (a `Law` from laws.ts fits). */
export interface CitableLaw {
  key: string;
  /** Full official title, without 《》. */
  title: string;
  /** The name as usually cited, without 《》. */
  shortName: string;
}

export interface CitationOptions {
  /** `full` (default): 《中华人民共和国城乡规划法》; `short`: 《城乡规划法》. */
  form?: 'full' | 'short';
  /** Append 【待核实】 to an unverified provision (default true): a citation must not look checked when it is not. */
  markUnverified?: boolean;
}

/**
 * A provision as Chinese citation text: 《北京市物业管理条例》第七十八条第二款第三项. Throws on an
 * unknown law key: a citation to a law nobody can look up is a data error, not something to print.
 */
export function citeProvision(
  provision: Provision,
  laws: readonly CitableLaw[],
  options: CitationOptions = {},
): string {
  const law = laws.find((candidate) => candidate.key === provision.lawKey);
  if (!law) throw new Error(`unknown law key: ${provision.lawKey}`);
  const name = options.form === 'short' ? law.shortName : law.title;
  const mark = (options.markUnverified ?? true) && provision.unverified === true ? UNVERIFIED_MARK : '';
  return `《${name}》${articleLabel(provision)}${mark}`;
}

/** How a whole-law reference reads inside a grouped citation: the sources name the law, not the article. */
export const ARTICLE_NOT_GIVEN = '（具体条款待核实）';

/**
 * Several provisions as one citation, articles of the same law grouped the way a Chinese legal text
 * writes them: 《北京市物业管理条例》第七十八条第二款第三项、第九十八条第三项；《中华人民共和国城乡规划法》第六十四条.
 */
export function citeProvisions(
  provisions: readonly Provision[],
  laws: readonly CitableLaw[],
  options: CitationOptions = {},
): string {
  const markUnverified = options.markUnverified ?? true;
  const groups = new Map<string, string[]>();
  for (const provision of provisions) {
    const label = articleLabel(provision);
    const part =
      label === ''
        ? ARTICLE_NOT_GIVEN
        : `${label}${markUnverified && provision.unverified === true ? UNVERIFIED_MARK : ''}`;
    groups.set(provision.lawKey, [...(groups.get(provision.lawKey) ?? []), part]);
  }
  return [...groups]
    .map(
      ([lawKey, parts]) =>
        `${citeProvision({ lawKey }, laws, { ...options, markUnverified: false })}${parts.join('、')}`,
    )
    .join('；');
}
