import { type IRunOptions, type ParagraphChild, TextRun } from 'docx';

/** The visible mark every unverified item carries, in every document kind. */
export const UNVERIFIED_MARK = '【待核实】';

/**
 * A piece of text the caller may flag as unverified: a legal citation taken from a weak source, a
 * figure the client has not confirmed. A plain string is verified.
 */
export type VerifiableText = string | { text: string; isUnverified?: boolean };

export function textOf(item: VerifiableText): string {
  return typeof item === 'string' ? item : item.text;
}

export function isUnverifiedText(item: VerifiableText): boolean {
  return typeof item !== 'string' && item.isUnverified === true;
}

export interface RunStyle {
  bold?: boolean;
  font?: string;
  size?: number;
  characterSpacing?: number;
}

/**
 * Counts the 【待核实】 marks a document writes. Every generator renders unverified items through
 * one instance and hands it to the packer, which closes the document with the explanatory note
 * whenever the count is above zero: a generator cannot mark an item and forget the note.
 */
export class UnverifiedMarks {
  private marked = 0;

  get count(): number {
    return this.marked;
  }

  /** The text as runs, the mark in bold red so it survives a black-and-white photocopy (bold) and a glance (red). */
  runs(item: VerifiableText, style: RunStyle = {}): ParagraphChild[] {
    const flagged = isUnverifiedText(item);
    const runs: ParagraphChild[] = [new TextRun({ text: textOf(item), ...fontStyle(style) })];
    if (flagged) {
      this.marked += 1;
      runs.push(createUnverifiedRun(style));
    }
    return runs;
  }

  /** Items joined by `separator`, each flagged item followed by its own mark. */
  join(items: readonly VerifiableText[], separator: string, style: RunStyle = {}): ParagraphChild[] {
    return items.flatMap((item, index) => [
      ...(index > 0 ? [new TextRun({ text: separator, ...fontStyle(style) })] : []),
      ...this.runs(item, style),
    ]);
  }
}

function createUnverifiedRun(style: RunStyle = {}): TextRun {
  return new TextRun({ text: UNVERIFIED_MARK, ...fontStyle(style), bold: true, color: 'C00000' });
}

function fontStyle(style: RunStyle): IRunOptions {
  return {
    ...(style.bold !== undefined ? { bold: style.bold } : {}),
    ...(style.size ? { size: style.size } : {}),
    ...(style.characterSpacing !== undefined ? { characterSpacing: style.characterSpacing } : {}),
    ...(style.font ? { font: { ascii: style.font, hAnsi: style.font, eastAsia: style.font, cs: style.font } } : {}),
  };
}

/** The sentence that closes a document carrying marks. */
export function describeUnverifiedMarks(count: number): string {
  return `本文件中标注“${UNVERIFIED_MARK}”的内容（共${count}处），其法律依据或事实数据来自未经核对的资料或尚待委托方确认，须由承办律师对照官方公布的法律法规文本或向有关单位核实后方可定稿、印发或执行；核实后删除该标注。`;
}
