import { z } from 'zod';
import { type ClientKind, clientGovernmentTerm } from '../vocabulary';
import { type Provision } from './citation';
import { type DocumentTemplate, documentTemplateSchema, documentTemplates } from './document-templates';
import {
  type KnowledgeSource,
  knowledgeSourceSchema,
  knowledgeSources,
  type Law,
  type LawLevel,
  laws,
  lawSchema,
} from './laws';
import { type Power, powers, powerSchema } from './powers';
import { type ViolationEntry, violationEntries, violationEntrySchema } from './violations';

export {
  ARTICLE_NOT_GIVEN,
  articleLabel,
  type CitableLaw,
  type CitationOptions,
  citeProvision,
  citeProvisions,
  type Provision,
  provisionSchema,
  toChineseNumeral,
  UNVERIFIED_MARK,
} from './citation';
export { describeKnowledgeProblem } from './problems';
export {
  type BuiltInKnowledgeEntry,
  diffKnowledgeContent,
  type KnowledgeChange,
  type KnowledgeContent,
  knowledgeContentSchemas,
  knowledgeEntriesOf,
  type KnowledgeEntryFacts,
  knowledgeEntryFacts,
  knowledgeSearchText,
  searchQueryTokens,
  searchTokens,
} from './entries';
export {
  type DocumentTemplate,
  documentTemplateSchema,
  documentTemplates,
  findDocumentTemplate,
} from './document-templates';
export {
  type ArticleExcerpt,
  findLaw,
  type KnowledgeSource,
  knowledgeSources,
  LAW_LEVELS,
  type Law,
  type LawLevel,
  laws,
  lawSchema,
  SOURCE_KEYS,
  type SourceKey,
} from './laws';
export {
  findPower,
  type Power,
  POWER_CATEGORIES,
  POWER_HOLDERS,
  type PowerCategory,
  type PowerHolder,
  powers,
  powerSchema,
} from './powers';
export {
  COMPLAINT_CHANNEL,
  DELEGATION_STATUSES,
  type DelegationStatus,
  type Enforcer,
  findViolation,
  renderEnforcers,
  renderLegalBasis,
  type Reporter,
  toLegacyViolation,
  type Violation,
  violationCatalogue,
  type ViolationEntry,
  violationEntries,
  violationEntrySchema,
} from './violations';

/** The client government's name in documents: 街道办事处 or 乡镇人民政府. */
export function clientGovernmentName(kind: ClientKind): string {
  return clientGovernmentTerm[kind].zh;
}

/**
 * Bumped by hand when the knowledge base is re-curated; the content hash after the `+` changes by
 * itself whenever any data changes, so a stored copy can tell it is behind the built-in one.
 */
export const KNOWLEDGE_EDITION = '2026.1';

export const knowledgeSeedSchema = z
  .object({
    seedVersion: z.string().min(1),
    sources: z.array(knowledgeSourceSchema),
    laws: z.array(lawSchema),
    violations: z.array(violationEntrySchema),
    powers: z.array(powerSchema),
    templates: z.array(documentTemplateSchema),
  })
  .strict();
export type KnowledgeSeed = z.infer<typeof knowledgeSeedSchema>;

/** FNV-1a over UTF-16 code units: a stable fingerprint, no crypto needed (and none available to workflow code). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Everything in the knowledge base as one snapshot the product stores, versions and lets lawyers
 * edit. A fresh copy each call: callers may change it without touching the built-in data.
 */
export function knowledgeSeed(): KnowledgeSeed {
  const content = {
    sources: knowledgeSources,
    laws,
    violations: violationEntries,
    powers,
    templates: documentTemplates,
  };
  const json = JSON.stringify(content);
  return {
    seedVersion: `${KNOWLEDGE_EDITION}+${fingerprint(json)}`,
    ...(JSON.parse(json) as Omit<KnowledgeSeed, 'seedVersion'>),
  };
}

/** Levels whose text has articles: naming one without an article means the article is still to be found. */
const LEVELS_WITH_ARTICLES: readonly LawLevel[] = ['法律', '行政法规', '部门规章', '地方性法规', '政府规章'];

interface Citing {
  where: string;
  provisions: Provision[];
  unverified: boolean;
}

function citingParts(seed: Pick<KnowledgeSeed, 'violations' | 'powers' | 'templates'>): Citing[] {
  return [
    ...seed.violations.map((entry: ViolationEntry) => ({
      where: `violation ${entry.no}`,
      provisions: [
        ...entry.prohibitions,
        ...entry.penalties,
        ...entry.related,
        ...(entry.coercion?.basis ?? []),
        ...entry.reporters.flatMap((reporter) => (reporter.basis ? [reporter.basis] : [])),
      ],
      unverified: entry.unverified,
    })),
    ...seed.powers.map((power: Power) => ({
      where: `power ${power.key}`,
      provisions: power.legalBasis,
      unverified: power.unverified,
    })),
    ...seed.templates.map((template: DocumentTemplate) => ({
      where: `template ${template.key}`,
      provisions: template.legalBasis,
      unverified: template.unverified,
    })),
  ];
}

function duplicates<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/**
 * The cross-references a schema cannot check on one record: every cited law exists, every power's
 * templates and catalogue items exist, source keys are known, keys are unique, and 待核实 travels
 * upward — a provision citing an unverified law (or a law without its article) is unverified, and
 * so is anything citing an unverified provision. Empty when the knowledge base is consistent; the
 * product runs it before saving a lawyer's edit.
 */
export function validateKnowledge(
  seed: Pick<KnowledgeSeed, 'sources' | 'laws' | 'violations' | 'powers' | 'templates'>,
): string[] {
  const issues: string[] = [];
  const lawByKey = new Map<string, Law>(seed.laws.map((law) => [law.key, law]));
  const sourceKeys = new Set<string>(seed.sources.map((source: KnowledgeSource) => source.key));
  const templateKeys = new Set(seed.templates.map((template) => template.key));
  const violationNos = new Set(seed.violations.map((entry) => entry.no));

  for (const [what, keys] of [
    ['law key', seed.laws.map((law) => law.key)],
    ['violation no', seed.violations.map((entry) => String(entry.no))],
    ['violation key', seed.violations.map((entry) => entry.key)],
    ['power key', seed.powers.map((power) => power.key)],
    ['template key', seed.templates.map((template) => template.key)],
  ] as const) {
    for (const key of duplicates(keys)) issues.push(`duplicate ${what}: ${key}`);
  }

  for (const part of citingParts(seed)) {
    for (const provision of part.provisions) {
      const law = lawByKey.get(provision.lawKey);
      if (!law) {
        issues.push(`${part.where} cites unknown law ${provision.lawKey}`);
        continue;
      }
      const isUnverified = provision.unverified === true;
      if (law.unverified && !isUnverified)
        issues.push(`${part.where} cites unverified law ${law.key} without marking the provision unverified`);
      if (provision.article === undefined && LEVELS_WITH_ARTICLES.includes(law.level) && !isUnverified) {
        issues.push(`${part.where} cites ${law.key} without an article and without marking it unverified`);
      }
      if (isUnverified && !part.unverified)
        issues.push(`${part.where} cites an unverified provision of ${law.key} but is not marked unverified`);
    }
  }

  for (const power of seed.powers) {
    for (const key of power.templates)
      if (!templateKeys.has(key)) issues.push(`power ${power.key} uses unknown template ${key}`);
    for (const no of power.violationNos)
      if (!violationNos.has(no)) issues.push(`power ${power.key} refers to unknown violation ${no}`);
  }

  const sourced: { where: string; keys: readonly string[] }[] = [
    ...seed.laws.map((law) => ({ where: `law ${law.key}`, keys: law.sourceKeys })),
    ...seed.violations.map((entry) => ({ where: `violation ${entry.no}`, keys: entry.sourceKeys })),
  ];
  for (const { where, keys } of sourced)
    for (const key of keys) if (!sourceKeys.has(key)) issues.push(`${where} names unknown source ${key}`);

  return issues;
}
