/**
 * Splits two versions of a text into the part they share at the start, the part that differs and
 * the part they share at the end, so a changed clause stands out inside a long summary. Works on
 * code points (a Chinese character outside the BMP is one unit).
 */
export interface InlineDiff {
  prefix: string;
  removed: string;
  added: string;
  suffix: string;
}

export function inlineDiff(before: string, after: string): InlineDiff {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  return {
    prefix: a.slice(0, start).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    suffix: a.slice(a.length - end).join(''),
  };
}

/** Worth highlighting: both sides are prose sharing some of their text. */
export function isProseEdit(before: string | null, after: string | null): boolean {
  if (before === null || after === null || before.length < 8 || after.length < 8) return false;
  const diff = inlineDiff(before, after);
  return diff.prefix.length + diff.suffix.length >= 4;
}
