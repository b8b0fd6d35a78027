/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL cannot store: NUL, or invalid Unicode (a lone UTF-16 surrogate such as
 * `"\ud800"`, which JSON can carry). Refused wherever input enters, so it never reaches a write.
 */
export const isUnstorableText = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The path of the first unstorable string (or key) in a JSON-like value; null when all can be stored. Iterative, for deep input. */
export function findUnstorableText(data: unknown): (string | number)[] | null {
  interface Entry {
    value: unknown;
    key: string | number | null;
    parent: Entry | null;
  }
  const pathOf = (entry: Entry, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let current: Entry | null = entry; current && current.key !== null; current = current.parent) path.unshift(current.key);
    return path;
  };
  const stack: Entry[] = [{ value: data, key: null, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === 'string') {
      if (isUnstorableText(value)) return pathOf(entry);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, key: index, parent: entry }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (isUnstorableText(key)) return pathOf(entry, key);
        stack.push({ value: item, key, parent: entry });
      }
    }
  }
  return null;
}
