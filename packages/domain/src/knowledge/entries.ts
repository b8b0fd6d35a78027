import { type z } from 'zod';
import { type KnowledgeKind } from '../vocabulary';
import { type CitableLaw, citeProvision, provisionSchema } from './citation';
import { documentTemplateSchema } from './document-templates';
import { knowledgeSourceSchema, lawSchema } from './laws';
import { powerSchema } from './powers';
import { violationEntrySchema } from './violations';

/**
 * The knowledge base as the product stores it: one entry per source, law, violation, power and
 * template, each identified by its kind and key and typed by the kind's schema. Lawyers edit the
 * content; the title, key, position and 待核实 flag are read from it, never entered twice.
 */
export const knowledgeContentSchemas = {
  source: knowledgeSourceSchema,
  law: lawSchema,
  violation: violationEntrySchema,
  power: powerSchema,
  template: documentTemplateSchema,
} as const satisfies Record<KnowledgeKind, z.ZodType>;

export type KnowledgeContent<K extends KnowledgeKind = KnowledgeKind> = z.infer<(typeof knowledgeContentSchemas)[K]>;

/** What the store keeps beside an entry's content, derived from it. */
export interface KnowledgeEntryFacts {
  key: string;
  title: string;
  unverified: boolean;
}

const SOURCE_TITLE_LENGTH = 40;

/** The key, title and 待核实 flag of one entry's content (already parsed by its kind's schema). */
export function knowledgeEntryFacts(kind: KnowledgeKind, content: KnowledgeContent): KnowledgeEntryFacts {
  switch (kind) {
    case 'source': {
      const source = content as KnowledgeContent<'source'>;
      const title =
        source.description.length > SOURCE_TITLE_LENGTH
          ? `${source.description.slice(0, SOURCE_TITLE_LENGTH)}…`
          : source.description;
      return { key: source.key, title: `[${source.key}] ${title}`, unverified: source.weak };
    }
    case 'law': {
      const law = content as KnowledgeContent<'law'>;
      return { key: law.key, title: law.title, unverified: law.unverified || law.excerpts.some((e) => e.unverified === true) };
    }
    case 'violation': {
      const violation = content as KnowledgeContent<'violation'>;
      return { key: violation.key, title: violation.title, unverified: violation.unverified };
    }
    case 'power': {
      const power = content as KnowledgeContent<'power'>;
      return { key: power.key, title: power.title, unverified: power.unverified };
    }
    case 'template': {
      const template = content as KnowledgeContent<'template'>;
      return { key: template.key, title: template.title, unverified: template.unverified };
    }
  }
}

/** An entry of the built-in knowledge base, ready to import. */
export interface BuiltInKnowledgeEntry extends KnowledgeEntryFacts {
  kind: KnowledgeKind;
  position: number;
  content: KnowledgeContent;
}

/** The built-in knowledge base as entries, in catalogue order within each kind. */
export function knowledgeEntriesOf(seed: {
  sources: readonly KnowledgeContent<'source'>[];
  laws: readonly KnowledgeContent<'law'>[];
  violations: readonly KnowledgeContent<'violation'>[];
  powers: readonly KnowledgeContent<'power'>[];
  templates: readonly KnowledgeContent<'template'>[];
}): BuiltInKnowledgeEntry[] {
  const byKind: [KnowledgeKind, readonly KnowledgeContent[]][] = [
    ['source', seed.sources],
    ['law', seed.laws],
    ['violation', seed.violations],
    ['power', seed.powers],
    ['template', seed.templates],
  ];
  return byKind.flatMap(([kind, items]) =>
    items.map((content, index) => ({
      kind,
      position: kind === 'violation' ? (content as KnowledgeContent<'violation'>).no : index + 1,
      content,
      ...knowledgeEntryFacts(kind, content),
    })),
  );
}

// ─── Chinese full-text search ────────────────────────────────────────────────────────────────

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Runs of Han characters, or of other letters and digits. */
const RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;

/**
 * The words of a text for a PostgreSQL `simple` text-search configuration, which has no Chinese
 * word breaker: every Han character on its own and every overlapping pair, and other letters and
 * digits as lower-case words. A query's pairs then match wherever its characters stand together.
 */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const run of text.match(RUNS) ?? []) {
    if (!HAN.test(run)) {
      tokens.add(run.toLowerCase());
      continue;
    }
    const characters = [...run];
    characters.forEach((character, index) => {
      tokens.add(character);
      if (index + 1 < characters.length) tokens.add(character + characters[index + 1]);
    });
  }
  return [...tokens];
}

/**
 * The tokens a query must all match: the pairs of each Han run (the character itself for a run of
 * one), other words as they are. Empty when the query has nothing searchable.
 */
export function searchQueryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const run of query.match(RUNS) ?? []) {
    if (!HAN.test(run)) {
      tokens.add(run.toLowerCase());
      continue;
    }
    const characters = [...run];
    if (characters.length === 1) tokens.add(characters[0]!);
    for (let index = 0; index + 1 < characters.length; index++) tokens.add(characters[index]! + characters[index + 1]);
  }
  return [...tokens];
}

function textLeaves(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) textLeaves(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) textLeaves(item, out);
}

function provisionsIn(value: unknown, out: z.infer<typeof provisionSchema>[]): void {
  if (Array.isArray(value)) for (const item of value) provisionsIn(item, out);
  else if (value !== null && typeof value === 'object') {
    const parsed = provisionSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
    else for (const item of Object.values(value)) provisionsIn(item, out);
  }
}

/**
 * What an entry is found by: its text, and each provision it cites as written
 * (《北京市物业管理条例》第七十八条…), so a search for an article finds what cites it.
 */
export function knowledgeSearchText(content: unknown, laws: readonly CitableLaw[]): string {
  const texts: string[] = [];
  textLeaves(content, texts);
  const provisions: z.infer<typeof provisionSchema>[] = [];
  provisionsIn(content, provisions);
  for (const provision of provisions) {
    if (laws.some((law) => law.key === provision.lawKey)) texts.push(citeProvision(provision, laws));
  }
  return searchTokens(texts.join('\n')).join(' ');
}

// ─── Comparing versions ─────────────────────────────────────────────────────────────────────

/** One difference between two versions of an entry's content, at a JSON path like `penalties[0].article`. */
export interface KnowledgeChange {
  path: string;
  before: string | null;
  after: string | null;
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** What changed from `before` to `after`, field by field, in the order of the newer content. */
export function diffKnowledgeContent(before: unknown, after: unknown): KnowledgeChange[] {
  const old = new Map<string, string>();
  const next = new Map<string, string>();
  flatten(before, '', old);
  flatten(after, '', next);
  const changes: KnowledgeChange[] = [];
  for (const [path, value] of next) {
    const previous = old.get(path);
    if (previous !== value) changes.push({ path, before: previous ?? null, after: value });
  }
  for (const [path, value] of old) if (!next.has(path)) changes.push({ path, before: value, after: null });
  return changes;
}
