import type { KnowledgeKind } from '@gongzhi/domain';

/**
 * Drops what a form leaves behind when a field is cleared — `undefined`, `null`, blank text — so
 * an optional field the lawyer emptied is absent rather than invalid; text is trimmed.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty).filter((item) => item !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const pruned = pruneEmpty(item);
      if (pruned !== undefined) out[key] = pruned;
    }
    return out;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Optional 待核实 marks (on a provision, an excerpt, an enforcer) are absent when false, as the
 * built-in data writes them: a box ticked and unticked again must not show up as a change.
 */
function dropFalseMarks(value: unknown, isRoot: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => dropFalseMarks(item, false));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'unverified' && item === false && !isRoot) continue;
    // The hotline mapping's mark is required, not optional.
    out[key] = key === 'hotlineCategories' ? item : dropFalseMarks(item, false);
  }
  return out;
}

/** The structured form's values as the content the API expects for the kind. */
export function normalizeContent(kind: KnowledgeKind, values: unknown): Record<string, unknown> {
  const content = dropFalseMarks(pruneEmpty(values), true) as Record<string, unknown>;
  if (
    kind === 'law' &&
    isRecord(content.version) &&
    Array.isArray(content.version.amended) &&
    content.version.amended.length === 0
  ) {
    delete content.version.amended;
  }
  if (kind === 'violation') {
    const coercion = content.coercion;
    if (
      isRecord(coercion) &&
      coercion.summary === undefined &&
      (!Array.isArray(coercion.basis) || coercion.basis.length === 0)
    )
      delete content.coercion;
    if (Array.isArray(content.reporters)) {
      for (const reporter of content.reporters) {
        if (isRecord(reporter) && isRecord(reporter.basis) && reporter.basis.lawKey === undefined)
          delete reporter.basis;
      }
    }
  }
  return content;
}

/** `content.excerpts.0.summary` (a field error's name) → the form's name path `['excerpts', 0, 'summary']`; null for the content as a whole. */
export function contentFieldPath(field: string): (string | number)[] | null {
  if (!field.startsWith('content.')) return null;
  return field
    .slice('content.'.length)
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The same path as `diffKnowledgeContent` writes it (`excerpts[0].summary`), to describe it in words. */
export function toChangePath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

/** The same content, whatever the order of its keys (a form writes them in its own order). */
export function isSameContent(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => isSameContent(item, b[index]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && isSameContent(a[key], b[key]));
  }
  return a === b;
}
