import { type VerifiableText } from './unverified';

/** 效力层级, highest first: the order compilations and annex lists follow. */
export const LAW_LEVELS = [
  '法律',
  '行政法规',
  '地方性法规',
  '部门规章',
  '地方政府规章',
  '规范性文件',
  '政策文件',
] as const;
export type LawLevel = (typeof LAW_LEVELS)[number];

export interface LawArticle {
  /** 第七十八条第二款, 第二十八条 */
  article: string;
  /** The provision's gist or verbatim text. */
  summary: VerifiableText;
}

/** A law, regulation or policy document as the caller's knowledge base describes it. */
export interface LawReference {
  /** Full title without book-title marks: 中华人民共和国行政处罚法, 北京市物业管理条例. */
  name: string;
  level: LawLevel;
  /** 制定机关: 全国人民代表大会常务委员会, 北京市人民代表大会常务委员会. */
  issuer?: string;
  /** Version and effect: 2021年1月22日修订，2021年7月15日施行. */
  version?: string;
  /** Set when the title, issuer or version comes from an unchecked source. */
  isUnverified?: boolean;
  /** The articles the engagement relies on (the compilation prints them; the annex list does not). */
  articles?: LawArticle[];
}

/** References grouped by level, highest first, keeping the caller's order within a level. */
export function groupByLevel(laws: readonly LawReference[]): { level: LawLevel; laws: LawReference[] }[] {
  return LAW_LEVELS.map((level) => ({ level, laws: laws.filter((law) => law.level === level) })).filter(
    (group) => group.laws.length > 0,
  );
}

/** 《中华人民共和国行政处罚法》 */
export function bookTitle(name: string): string {
  return `《${name}》`;
}
