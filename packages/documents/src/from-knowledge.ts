// From an engagement's copy of the knowledge base to the generators' inputs. Every legal statement a
// document makes comes from the knowledge (titles, articles, summaries, steps); this file adds only
// document wording around it. Whatever the knowledge marks unverified stays visibly 【待核实】: a
// citation, an excerpt, a delegation that depends on 京政发〔2020〕9号's annex, a template whose
// elements are the firm's drafting practice.
import {
  ARTICLE_NOT_GIVEN,
  type ArticleExcerpt,
  articleLabel,
  citeProvisions,
  type CivilDate,
  type ClientKind,
  type CommunityProfileDetails,
  type DocumentTemplate,
  type Law,
  type LawLevel as KnowledgeLawLevel,
  type Power,
  type PowerCategory as KnowledgePowerCategory,
  type Provision,
  type ViolationEntry,
  wordForClient,
} from '@gongzhi/domain';
import { type CaseReferralViolation } from './case-referral';
import { formatChineseDate } from './chinese-text';
import { type ClientProfile, termsFor } from './client-terms';
import { type DepartmentSymposium, type JointEnforcementPlanInput, type PriorityProblem } from './joint-enforcement-plan';
import { type LawCompilationInput } from './law-compilation';
import { type LawArticle, type LawLevel, type LawReference } from './law-references';
import { type OpenLetterInput } from './open-letter';
import {
  type DocumentTemplateEntry,
  type PartyRole,
  type PowerCategory,
  type PowerEntry,
  type PowersManualInput,
  type ProblemGuide,
} from './powers-manual';
import { type PowersTableInput } from './powers-table';
import { type CommunityIssue, type SelfGovernanceHandbookInput } from './self-governance-handbook';
import { isUnverifiedText, textOf, type VerifiableText } from './unverified';
import { violationListItemsFromKnowledge, type ViolationsListInput } from './violations-list';

/** The parts of the knowledge base the documents are generated from (an engagement's copy or the master). */
export interface DocumentKnowledge {
  laws: readonly Law[];
  violations: readonly ViolationEntry[];
  powers: readonly Power[];
  templates: readonly DocumentTemplate[];
}

/** What every convenience builder takes: who the document is for, who drafted it, when, and the knowledge. */
export interface KnowledgeDocumentRequest {
  client: ClientProfile;
  preparedBy: string;
  date: CivilDate;
  knowledge: DocumentKnowledge;
}

/** Items whose citations decide which laws (and which articles) a document lists. */
export interface CitingKnowledge {
  powers?: readonly Power[];
  violations?: readonly ViolationEntry[];
  templates?: readonly DocumentTemplate[];
}

/** Wording options: with a client kind, neutral phrases (本街道（乡镇）) read as that client's. */
export interface ClientWordingOptions {
  clientKind?: ClientKind;
}

// ─── Vocabulary ──────────────────────────────────────────────────────────────────────────────

/**
 * The knowledge base follows 立法法's levels (部门规章 apart from 政府规章, party documents with policy
 * documents); the documents print the annex headings a Chinese compilation uses. A Record, so a new
 * level in the domain fails to compile here until it is placed.
 */
const LEVEL_OF: Record<KnowledgeLawLevel, LawLevel> = {
  法律: '法律',
  行政法规: '行政法规',
  部门规章: '部门规章',
  地方性法规: '地方性法规',
  政府规章: '地方政府规章',
  规范性文件: '规范性文件',
  党内法规与政策文件: '政策文件',
};

/**
 * The manual groups powers under five headings; 组织协调 and 备案审查 have none of their own there and
 * go under 其他 (the power's title still says what it is).
 */
const CATEGORY_OF: Record<KnowledgePowerCategory, PowerCategory> = {
  行政处罚: '行政处罚',
  行政强制: '行政强制',
  行政检查: '行政检查',
  指导监督: '指导监督',
  组织协调: '其他',
  备案审查: '其他',
  其他: '其他',
};

/** Statutes are identified by title and dates; rules and documents also by their number (令号、文号). */
const LEVELS_IDENTIFIED_BY_NUMBER: readonly KnowledgeLawLevel[] = [
  '部门规章',
  '政府规章',
  '规范性文件',
  '党内法规与政策文件',
];

/** Levels whose citations need an article (the rule `validateKnowledge` applies). */
const LEVELS_WITH_ARTICLES: readonly KnowledgeLawLevel[] = ['法律', '行政法规', '部门规章', '地方性法规', '政府规章'];

/** The knowledge's name for the enforcement team serving either kind of client. */
const NEUTRAL_ENFORCEMENT_TEAM = '街道/乡镇综合行政执法队';
/** How a statute names the client government when it means either kind. */
const NEUTRAL_GOVERNMENT = '街道办事处、乡镇人民政府';

/** Knowledge text worded for the client: 本街道（乡镇） → 本街道, 街道/乡镇综合行政执法队 → 街道综合行政执法队. */
function wording(kind: ClientKind | undefined): (text: string) => string {
  if (kind === undefined) return (text) => text;
  const team = termsFor(kind).enforcementTeam;
  return (text) => wordForClient(text, kind).replaceAll(NEUTRAL_ENFORCEMENT_TEAM, team);
}

/** The government named as an enforcer or implementer: the client's kind, or both kinds when unknown. */
function governmentName(kind: ClientKind | undefined): string {
  return kind === undefined ? NEUTRAL_GOVERNMENT : termsFor(kind).government;
}

function flagged(text: string, isUnverified: boolean): VerifiableText {
  return isUnverified ? { text, isUnverified: true } : text;
}

/** 'a。' → 'a': a sentence about to take a citation before its full stop. */
function withoutFullStop(text: string): string {
  return text.replace(/[。；，]+$/, '');
}

/** A catalogue description as a letter to residents reads it: without the catalogue's cross-references (见本目录第3项). */
function forResidents(description: string): string {
  return description.replace(/[（(]见本目录第[^）)]*项[）)]/g, '');
}

// ─── Citations ───────────────────────────────────────────────────────────────────────────────

function lawOf(laws: readonly Law[], key: string): Law {
  const law = laws.find((candidate) => candidate.key === key);
  // The same stance as citeProvision: a citation nobody can look up is a data error, not something to print.
  if (!law) throw new Error(`the knowledge cites an unknown law: ${key}`);
  return law;
}

function provisionKey(
  provision: Pick<Provision, 'lawKey' | 'article' | 'articleSub' | 'articleTo' | 'paragraph' | 'item'>,
): string {
  return [
    provision.lawKey,
    provision.article,
    provision.articleSub,
    provision.articleTo,
    provision.paragraph,
    provision.item,
  ].join('|');
}

/** Each provision once; a provision cited both plainly and as unverified counts as unverified. */
function uniqueProvisions(provisions: readonly Provision[]): Provision[] {
  const byKey = new Map<string, Provision>();
  for (const provision of provisions) {
    const key = provisionKey(provision);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, provision);
    else if (provision.unverified === true && seen.unverified !== true) byKey.set(key, { ...seen, unverified: true });
  }
  return [...byKey.values()];
}

/** 《title》 for a document cited as a whole, with its number when the title does not carry it. */
function citeWholeDocument(law: Law): string {
  const number =
    law.documentNo !== undefined &&
    LEVELS_IDENTIFIED_BY_NUMBER.includes(law.level) &&
    !law.title.includes(law.documentNo)
      ? `（${law.documentNo}）`
      : '';
  return `《${law.title}》${number}`;
}

/**
 * Provisions as citations, one per law: 《北京市物业管理条例》第七十八条第二款第三项、第九十八条第三项.
 * Unverified provisions of a law are cited apart from its verified ones, so the 【待核实】 mark sits on
 * exactly what needs checking; citations carry no inline mark (the renderer adds one per item).
 */
export function citationsFromKnowledge(provisions: readonly Provision[], laws: readonly Law[]): VerifiableText[] {
  const groups = new Map<string, Provision[]>();
  for (const provision of uniqueProvisions(provisions)) {
    const key = `${provision.lawKey}|${provision.unverified === true}|${provision.article === undefined}`;
    groups.set(key, [...(groups.get(key) ?? []), provision]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const law = lawOf(laws, first.lawKey);
    const isUnverified = first.unverified === true;
    let text: string;
    if (first.article !== undefined) text = citeProvisions(group, laws, { markUnverified: false });
    else if (isUnverified || LEVELS_WITH_ARTICLES.includes(law.level)) text = `《${law.title}》${ARTICLE_NOT_GIVEN}`;
    else text = citeWholeDocument(law);
    return flagged(text, isUnverified);
  });
}

function provisionsCitedBy(citing: CitingKnowledge): Provision[] {
  return [
    ...(citing.violations ?? []).flatMap((entry) => [
      ...entry.prohibitions,
      ...entry.penalties,
      ...entry.related,
      ...(entry.coercion?.basis ?? []),
      ...entry.reporters.flatMap((reporter) => (reporter.basis ? [reporter.basis] : [])),
    ]),
    ...(citing.powers ?? []).flatMap((power) => power.legalBasis),
    ...(citing.templates ?? []).flatMap((template) => template.legalBasis),
  ];
}

// ─── Laws ────────────────────────────────────────────────────────────────────────────────────

interface VersionPart {
  /** Sorts the parts in time: an ISO date, or a bare year for a label without a day. */
  sortKey: string;
  text: () => string;
}

const VERSION_VERBS = ['通过', '公布', '修订', '修正'] as const;

/**
 * The version as a compilation writes it, from the dates the knowledge gives, in time order:
 * 2020年5月28日通过，2021年1月1日起施行; 1996年3月17日通过，2009年8月27日、2017年9月1日修改，2021年1月22日修订.
 * The label names the kind of the latest amendment (修订 or 修正; earlier ones are 修改, the word that
 * covers both) and supplies what no date says (2025年修订 without a day); what fits neither is kept in
 * brackets. Rules and documents lead with their number.
 */
export function describeLawVersion(law: Law): string {
  const { version } = law;
  type DatedPart = { date: CivilDate; verb: string; rest: string };
  const dated: DatedPart[] = [
    ...(version.adopted ? [{ date: version.adopted, verb: '通过', rest: '' }] : []),
    ...(version.published ? [{ date: version.published, verb: '公布', rest: '' }] : []),
    ...(version.amended ?? []).map((date) => ({ date, verb: '修改', rest: '' })),
    ...(version.effective ? [{ date: version.effective, verb: '起施行', rest: '' }] : []),
  ];
  const literal: { sortKey: string; text: string }[] = [];
  const unplaced: string[] = [];

  for (const segment of version.label
    .split(/[，,]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const yearAndVerb = new RegExp(`^(\\d{4})年(${VERSION_VERBS.join('|')})(.*)$`).exec(segment);
    if (yearAndVerb) {
      const [, year = '', verb = '', rest = ''] = yearAndVerb;
      const isAmendment = verb === '修订' || verb === '修正';
      const match = [...dated]
        .reverse()
        .find((part) => part.date.startsWith(year) && (isAmendment ? part.verb === '修改' : part.verb === verb));
      if (match) {
        if (isAmendment) match.verb = verb;
        match.rest = rest;
      } else literal.push({ sortKey: year, text: segment });
      continue;
    }
    const fullDate = /^(\d{4})年(\d{1,2})月(\d{1,2})日(.*)$/.exec(segment);
    if (fullDate) {
      const [, year = '', month = '', day = '', rest = ''] = fullDate;
      const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
      const isCovered = dated.some(
        (part) => part.date === date && (rest === '' || rest === part.verb || `起${rest}` === part.verb),
      );
      if (!isCovered) literal.push({ sortKey: date, text: segment });
      continue;
    }
    const yearAndMonth = /^(\d{4})年(\d{1,2})月$/.exec(segment);
    if (yearAndMonth) {
      const [, year = '', month = ''] = yearAndMonth;
      if (!dated.some((part) => part.date.startsWith(`${year}-${month.padStart(2, '0')}`)))
        literal.push({ sortKey: year, text: segment });
      continue;
    }
    unplaced.push(segment);
  }

  const parts: VersionPart[] = [
    ...dated.map((part) => ({
      sortKey: part.date,
      text: () => `${formatChineseDate(part.date)}${part.verb}${part.rest}`,
    })),
    ...literal.map((part) => ({ sortKey: part.sortKey, text: () => part.text })),
  ].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));

  // 2009年8月27日修改，2017年9月1日修改 → 2009年8月27日、2017年9月1日修改.
  const texts: string[] = [];
  for (const part of parts) {
    const text = part.text();
    const previous = texts.at(-1);
    if (previous !== undefined && previous.endsWith('日修改') && /^\d{4}年\d+月\d+日修改$/.test(text))
      texts[texts.length - 1] = `${previous.slice(0, -2)}、${text}`;
    else texts.push(text);
  }

  let description =
    texts.length === 0
      ? version.label
      : `${texts.join('，')}${unplaced.length > 0 ? `（${unplaced.join('，')}）` : ''}`;
  if (
    law.documentNo !== undefined &&
    LEVELS_IDENTIFIED_BY_NUMBER.includes(law.level) &&
    !description.includes(law.documentNo)
  )
    description = `${law.documentNo}，${description}`;
  return description;
}

function compareArticles(a: ArticleExcerpt | Provision, b: ArticleExcerpt | Provision): number {
  const order = (value: ArticleExcerpt | Provision) => [
    value.article ?? 0,
    value.articleSub ?? 0,
    value.paragraph ?? 0,
    value.item ?? 0,
    value.articleTo ?? 0,
  ];
  const left = order(a);
  const right = order(b);
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whether an excerpt speaks for a cited provision: the same article, or the whole article or run it sits in. */
function excerptCovers(excerpt: ArticleExcerpt, provision: Provision): boolean {
  if (provision.article === undefined) return true;
  const last = excerpt.articleTo ?? excerpt.article;
  if (provision.articleTo !== undefined)
    return excerpt.article <= provision.article && provision.articleTo <= last && excerpt.articleSub === undefined;
  if (provision.article < excerpt.article || provision.article > last) return false;
  if ((excerpt.articleSub ?? 0) !== (provision.articleSub ?? 0)) return false;
  if (excerpt.paragraph !== undefined && excerpt.paragraph !== provision.paragraph) return false;
  if (excerpt.item !== undefined && excerpt.item !== provision.item) return false;
  return true;
}

/** A cited article the knowledge has no summary of: listed, and flagged until a lawyer writes it. */
function missingArticleSummary(provision: Provision): string {
  const gist = '条文摘要待补充，以官方公布的文本为准';
  return provision.note ? `${withoutFullStop(provision.note)}（${gist}）。` : `（${gist}）`;
}

export interface LawReferenceOptions {
  /** Keep only the laws these powers, violations and templates cite (the manual's annexed list). */
  onlyCitedBy?: CitingKnowledge;
  /**
   * Also list the articles these cite that the knowledge has no excerpt of, flagged 【待核实】 with a
   * note that the summary is still to be written (the compilation: every article the powers rest on).
   */
  listArticlesCitedBy?: CitingKnowledge;
}

/**
 * The knowledge's laws as the documents list them: level mapped to the documents' headings (政府规章 →
 * 地方政府规章, 党内法规与政策文件 → 政策文件), issuer, version from the dates, and the excerpted articles
 * in statute order (第二百七十八条, 第二百九十一条之二, 第一千二百四十五条至第一千二百五十条), each summary
 * flagged when the knowledge marks it unverified. An unverified law is flagged as a whole.
 */
export function lawReferencesFromKnowledge(laws: readonly Law[], options: LawReferenceOptions = {}): LawReference[] {
  const citedKeys = options.onlyCitedBy
    ? new Set(provisionsCitedBy(options.onlyCitedBy).map((provision) => provision.lawKey))
    : undefined;
  const extraArticles = options.listArticlesCitedBy
    ? uniqueProvisions(provisionsCitedBy(options.listArticlesCitedBy))
    : [];

  return laws
    .filter((law) => citedKeys === undefined || citedKeys.has(law.key))
    .map((law) => {
      const missing = extraArticles.filter(
        (provision) =>
          provision.lawKey === law.key &&
          provision.article !== undefined &&
          !law.excerpts.some((excerpt) => excerptCovers(excerpt, provision)),
      );
      const entries: { at: ArticleExcerpt | Provision; article: LawArticle }[] = [
        ...law.excerpts.map((excerpt) => ({
          at: excerpt,
          article: { article: articleLabel(excerpt), summary: flagged(excerpt.summary, excerpt.unverified === true) },
        })),
        ...missing.map((provision) => ({
          at: provision,
          article: { article: articleLabel(provision), summary: flagged(missingArticleSummary(provision), true) },
        })),
      ].sort((a, b) => compareArticles(a.at, b.at));
      const reference: LawReference = {
        name: law.title,
        level: LEVEL_OF[law.level],
        version: describeLawVersion(law),
        articles: entries.map((entry) => entry.article),
      };
      // An issuer the sources do not give is no issuer: the law is flagged 待核实 as a whole.
      if (law.issuer !== '待核实') reference.issuer = law.issuer;
      if (law.unverified) reference.isUnverified = true;
      return reference;
    });
}

// ─── Powers ──────────────────────────────────────────────────────────────────────────────────

/** The powers the client's kind holds: a street office does not hold a township's, nor the reverse. */
export function powersHeldBy(powers: readonly Power[], kind: ClientKind): Power[] {
  const government = termsFor(kind).government;
  return powers.filter((power) => power.holder === '两者' || power.holder === government);
}

/** 立案：对… → 立案: the name of a step, when every step leads with a short one. */
function stepNames(steps: readonly string[]): string[] | undefined {
  const names = steps.map((step) => /^([^：:，。；]{1,10})[：:]/.exec(step)?.[1]);
  return names.every((name) => name !== undefined) ? (names as string[]) : undefined;
}

const DELEGATION_CHECK =
  '本项职权所涉具体事项是否已依京政发〔2020〕9号下放本街道（乡镇）行使、是否区街共有，须对照该决定附件及本区划分决定逐项核实';
const POWER_TO_CHECK = '本项职权的依据和行权流程尚待承办律师核对';

/**
 * The powers as the manual and the table print them: title, category (组织协调 and 备案审查 under 其他),
 * implementer (the client government; for powers resting on 京政发〔2020〕9号, exercised through its
 * 综合行政执法队), the legal basis one citation per law, the 行权流程 as steps and, when every step is
 * named, a 行权流程要点 of the names (立案→调查取证→…), and the templates by title. A delegation still
 * to be checked adds a flagged line to the legal basis; so does a power the knowledge marks unverified
 * without saying which provision.
 */
export function powerEntriesFromKnowledge(
  powers: readonly Power[],
  templates: readonly DocumentTemplate[],
  laws: readonly Law[],
  options: ClientWordingOptions = {},
): PowerEntry[] {
  const word = wording(options.clientKind);
  const government = (holder: Power['holder']) => (holder === '两者' ? governmentName(options.clientKind) : holder);
  const team =
    options.clientKind === undefined ? NEUTRAL_ENFORCEMENT_TEAM : termsFor(options.clientKind).enforcementTeam;

  return powers.map((power) => {
    const legalBasis = citationsFromKnowledge(power.legalBasis, laws);
    if (power.delegatedToStreet === 'unverified') legalBasis.push({ text: word(DELEGATION_CHECK), isUnverified: true });
    if (power.unverified && !legalBasis.some(isUnverifiedText))
      legalBasis.push({ text: POWER_TO_CHECK, isUnverified: true });
    const steps = power.process.map(word);
    const names = stepNames(steps);
    const entry: PowerEntry = {
      title: word(power.title),
      category: CATEGORY_OF[power.category],
      implementer:
        power.delegatedToStreet === 'unverified' ? `${government(power.holder)}（${team}）` : government(power.holder),
      legalBasis,
      steps,
      templates: power.templates.map((key) => {
        const template = templates.find((candidate) => candidate.key === key);
        if (!template) throw new Error(`power ${power.key} uses an unknown template: ${key}`);
        return template.title;
      }),
    };
    if (names) entry.summary = names.join('→');
    return entry;
  });
}

// ─── Problem guides ──────────────────────────────────────────────────────────────────────────

function enforcerText(
  entry: ViolationEntry,
  word: (text: string) => string,
  kind: ClientKind | undefined,
): VerifiableText {
  const body = (name: string) => (name === NEUTRAL_GOVERNMENT ? governmentName(kind) : word(name));
  if (entry.enforcers.length === 0) return body(entry.enforcer);
  return flagged(
    entry.enforcers
      .map((enforcer) => `${enforcer.scope ? `${enforcer.scope}：` : ''}${body(enforcer.body)}`)
      .join('；'),
    entry.enforcers.some((enforcer) => enforcer.unverified === true),
  );
}

/** Who deals with the item, by its delegation status (legal-facts: who is "城管" after 1 July 2020). */
const HANDLING: Record<ViolationEntry['delegatedToStreet'], VerifiableText> = {
  yes: '查处：本事项由法律法规规定的街道办事处（乡镇人民政府）依法查处。',
  shared:
    '查处：属于街道办事处（乡镇人民政府）职责的，依法查处；属于区有关部门职责的，通知其查处并移交证据材料（分工见执法主体）。',
  no: '移送：本事项不由街道办事处（乡镇人民政府）查处。发现或者接到报告后予以劝阻、制止，通知执法主体查处并移交证据材料；涉及多部门的，组织联合执法。',
  unverified: {
    text: '查处：列入京政发〔2020〕9号下放范围的，由街道（乡镇）综合行政执法队依法查处；未下放或者区街共有的，按本区划分决定通知有关部门查处。具体事项是否下放，须对照该决定附件及本区划分决定逐项核实。',
    isUnverified: true,
  },
};

/**
 * Chapter 5 of the manual, one guide per catalogue item: the enforcer (flagged when the knowledge
 * doubts it), then the steps — who dissuades and reports (with the article that says so), who
 * deals with it given the delegation status (flagged when it depends on 京政发〔2020〕9号's annex), the
 * powers that apply (when `powers` are given), the penalty, the coercive measures and the
 * cooperating departments — and the prohibiting, penalty and coercion provisions as the legal basis.
 */
export function problemGuidesFromKnowledge(
  violations: readonly ViolationEntry[],
  laws: readonly Law[],
  powers?: readonly Power[],
  options: ClientWordingOptions = {},
): ProblemGuide[] {
  const word = wording(options.clientKind);
  const cite = (provision: Provision) => textOf(citationsFromKnowledge([provision], laws)[0] ?? '');
  const handling = (status: ViolationEntry['delegatedToStreet']): VerifiableText => {
    const text = HANDLING[status];
    return flagged(word(textOf(text)), isUnverifiedText(text));
  };

  return violations.map((entry) => {
    const steps: VerifiableText[] = [
      ...entry.reporters.map((reporter) =>
        flagged(
          `劝阻、报告：${word(reporter.party)}${withoutFullStop(word(reporter.duty))}${reporter.basis ? `（${cite(reporter.basis)}）` : ''}。`,
          reporter.basis?.unverified === true,
        ),
      ),
      handling(entry.delegatedToStreet),
      ...(powers ?? [])
        .filter((power) => power.violationNos.includes(entry.no))
        .map((power) => {
          const names = stepNames(power.process);
          return flagged(
            `适用职权：${word(power.title)}（见第三章）${names ? `，行权流程为${names.join('→')}` : ''}。`,
            power.unverified,
          );
        }),
      flagged(
        `处罚：${word(entry.penaltySummary)}`,
        entry.penalties.some((provision) => provision.unverified === true),
      ),
      ...(entry.coercion
        ? [
            flagged(
              `强制措施：${word(entry.coercion.summary)}`,
              entry.coercion.basis.some((provision) => provision.unverified === true),
            ),
          ]
        : []),
      ...(entry.cooperatingDepartments.length > 0
        ? [`协同部门：${entry.cooperatingDepartments.map(word).join('、')}。`]
        : []),
    ];
    return {
      problem: entry.title,
      enforcer: enforcerText(entry, word, options.clientKind),
      steps,
      legalBasis: citationsFromKnowledge(
        [...entry.prohibitions, ...entry.penalties, ...(entry.coercion?.basis ?? [])],
        laws,
      ),
    };
  });
}

// ─── Templates ───────────────────────────────────────────────────────────────────────────────

/**
 * Chapter 7's rows: title, purpose, and the provisions the template rests on. A template whose
 * elements are the firm's drafting practice (unverified in the knowledge) says so, flagged.
 */
export function documentTemplateEntriesFromKnowledge(
  templates: readonly DocumentTemplate[],
  laws: readonly Law[],
): DocumentTemplateEntry[] {
  return templates.map((template) => {
    const basis = citationsFromKnowledge(template.legalBasis, laws).map(textOf).join('；');
    const entry: DocumentTemplateEntry = { name: template.title, usage: template.purpose };
    if (template.unverified)
      entry.legalBasis = { text: [basis, '文书要素待核对'].filter(Boolean).join('；'), isUnverified: true };
    else if (basis !== '') entry.legalBasis = basis;
    return entry;
  });
}

// ─── Parties ─────────────────────────────────────────────────────────────────────────────────

/** A line of a party's duties: the excerpt of this article, as the knowledge summarises it. */
type ExcerptRef = Pick<ArticleExcerpt, 'article' | 'articleTo' | 'paragraph' | 'item'> & { lawKey: string };

const STREET_REGULATION = 'bj-subdistrict-office-regulations';
const PROPERTY_REGULATION = 'bj-property-management-regulations';
const ref = (lawKey: string, article: number, rest: Omit<ExcerptRef, 'lawKey' | 'article'> = {}): ExcerptRef => ({
  lawKey,
  article,
  ...rest,
});

/**
 * Which excerpts describe each standard party (legal-facts B and C). The duties themselves are the
 * knowledge's summaries; only the choice of article per party is made here.
 */
const PARTY_SOURCES: { party: (kind: ClientKind) => string; refs: (kind: ClientKind) => ExcerptRef[] }[] = [
  {
    party: (kind) => termsFor(kind).government,
    // A township applies the street-office regulation by analogy only for 吹哨报到, 接诉即办 and
    // enforcement (its Art. 49): Arts. 31–32 on community deliberation are a street office's alone.
    refs: (kind) => [
      ...(kind === 'street' ? [ref(STREET_REGULATION, 3)] : [ref(STREET_REGULATION, 49)]),
      ref(STREET_REGULATION, 5),
      ref(STREET_REGULATION, 6),
      ref(STREET_REGULATION, 11),
      ref(STREET_REGULATION, 26),
      ref('administrative-penalty-law', 24),
      ...(kind === 'township' ? [ref('urban-rural-planning-law', 65)] : []),
      ref('bj-urban-rural-planning-regulations', 62),
      ref(PROPERTY_REGULATION, 8),
      ...(kind === 'street'
        ? [ref(STREET_REGULATION, 31), ref(STREET_REGULATION, 32)]
        : [ref('bj-residents-committee-measures', 18)]),
    ],
  },
  {
    party: () => '居民委员会',
    refs: () => [
      ref('residents-committee-law', 2),
      ref('residents-committee-law', 15),
      ref(PROPERTY_REGULATION, 31),
      ref('noise-pollution-law', 70),
      ref('bj-residents-committee-measures', 28),
    ],
  },
  {
    party: () => '业主委员会（物业管理委员会）',
    refs: () => [
      ref('civil-code', 277),
      ref('civil-code', 286),
      ref(PROPERTY_REGULATION, 43),
      ref(PROPERTY_REGULATION, 52, { articleTo: 59 }),
      ref(PROPERTY_REGULATION, 78, { paragraph: 3 }),
    ],
  },
  {
    party: () => '物业服务人',
    refs: () => [
      ref(PROPERTY_REGULATION, 78, { paragraph: 3 }),
      ref('civil-code', 1254),
      ref('bj-household-waste-regulations', 34, { articleTo: 35 }),
      ref('noise-pollution-law', 70),
    ],
  },
  {
    party: () => '区有关职能部门',
    refs: () => [ref(STREET_REGULATION, 5), ref(STREET_REGULATION, 44), ref('residents-committee-law', 20)],
  },
];

/**
 * 第二章 行权主体及职责: the client government, 居民委员会, 业主委员会（物业管理委员会）, 物业服务人 and
 * 区有关职能部门, each with the duties the knowledge's excerpts state, cited (an excerpt the knowledge
 * flags stays flagged; one the engagement's copy lacks is left out). A party left with no sourced duty
 * gets a generic line, flagged. Takes the laws because the duties are theirs, not this package's.
 */
export function partyRolesFor(client: ClientProfile, laws: readonly Law[]): PartyRole[] {
  const word = wording(client.kind);
  return PARTY_SOURCES.map(({ party, refs }) => {
    const name = party(client.kind);
    const role: VerifiableText[] = refs(client.kind).flatMap((at) => {
      const law = laws.find((candidate) => candidate.key === at.lawKey);
      const excerpt = law?.excerpts.find(
        (candidate) =>
          candidate.article === at.article &&
          candidate.articleSub === undefined &&
          candidate.articleTo === at.articleTo &&
          candidate.paragraph === at.paragraph &&
          candidate.item === at.item,
      );
      if (!law || !excerpt) return [];
      return [
        flagged(
          `${withoutFullStop(word(excerpt.summary))}（《${law.title}》${articleLabel(excerpt)}）。`,
          law.unverified || excerpt.unverified === true,
        ),
      ];
    });
    return {
      party: name,
      role: role.length > 0 ? role : [{ text: `${name}的职责，依照有关法律法规确定。`, isUnverified: true }],
    };
  });
}

// ─── Whole documents ─────────────────────────────────────────────────────────────────────────

/** The templates the powers use, in the knowledge's order. */
function templatesUsedBy(powers: readonly Power[], templates: readonly DocumentTemplate[]): DocumentTemplate[] {
  const used = new Set(powers.flatMap((power) => power.templates));
  return templates.filter((template) => used.has(template.key));
}

/**
 * 行权手册 from the knowledge: the powers the client's kind holds, the standard parties, a guide per
 * catalogue item, the templates those powers use and, annexed, every law the manual cites.
 */
export function powersManualInputFromKnowledge(request: KnowledgeDocumentRequest): PowersManualInput {
  const { client, knowledge } = request;
  const held = powersHeldBy(knowledge.powers, client.kind);
  const templates = templatesUsedBy(held, knowledge.templates);
  const wordingOptions = { clientKind: client.kind };
  return {
    client,
    preparedBy: request.preparedBy,
    date: request.date,
    parties: partyRolesFor(client, knowledge.laws),
    powers: powerEntriesFromKnowledge(held, knowledge.templates, knowledge.laws, wordingOptions),
    problemGuides: problemGuidesFromKnowledge(knowledge.violations, knowledge.laws, held, wordingOptions),
    templates: documentTemplateEntriesFromKnowledge(templates, knowledge.laws),
    laws: lawReferencesFromKnowledge(knowledge.laws, {
      onlyCitedBy: { powers: held, violations: knowledge.violations, templates },
    }),
  };
}

/** 职权梳理表 from the knowledge: the powers the client's kind holds, as the manual lists them. */
export function powersTableInputFromKnowledge(request: KnowledgeDocumentRequest): PowersTableInput {
  const { client, knowledge } = request;
  return {
    client,
    preparedBy: request.preparedBy,
    date: request.date,
    powers: powerEntriesFromKnowledge(
      powersHeldBy(knowledge.powers, client.kind),
      knowledge.templates,
      knowledge.laws,
      { clientKind: client.kind },
    ),
  };
}

/**
 * 职权法律法规汇编 from the knowledge: every law of the engagement's copy with its excerpts, plus the
 * articles the powers, the catalogue and the templates cite that have no excerpt yet (flagged).
 */
export function lawCompilationInputFromKnowledge(request: KnowledgeDocumentRequest): LawCompilationInput {
  const { client, knowledge } = request;
  return {
    client,
    preparedBy: request.preparedBy,
    date: request.date,
    laws: lawReferencesFromKnowledge(knowledge.laws, {
      listArticlesCitedBy: {
        powers: powersHeldBy(knowledge.powers, client.kind),
        violations: knowledge.violations,
        templates: knowledge.templates,
      },
    }),
  };
}

/** 违法行为查处职权部门清单 from the knowledge: one row per catalogue item. */
export function violationsListInputFromKnowledge(request: KnowledgeDocumentRequest): ViolationsListInput {
  return {
    clientName: request.client.name,
    generatedOn: request.date,
    preparedBy: request.preparedBy,
    items: violationListItemsFromKnowledge(request.knowledge.violations, request.knowledge.laws),
  };
}

// ─── Stage 4 and 6: the joint-enforcement plan and the open letter ───────────────────────────

/** A catalogue item research found, with the communities that raised it (most widespread first). */
export interface FoundProblem {
  violationKey: string;
  communities: readonly string[];
  /** What each community's residents said, in their words (the first line recorded there), by community name. */
  raisedIn?: Readonly<Record<string, string>>;
  /** A lawyer tagged it; otherwise it was matched to the item by name and the plan flags it 待核实. */
  confirmed?: boolean;
}

export interface JointEnforcementRequest extends KnowledgeDocumentRequest {
  /** The plan's 重点问题; when research found none, the catalogue's first items stand in, flagged. */
  problems: readonly FoundProblem[];
  /** The department symposiums held before drafting (stage 4's consultations). */
  symposiums: readonly DepartmentSymposium[];
}

/** How many priority problems the plan spells out; the rest are in the attached catalogue. */
const PRIORITY_PROBLEMS = 8;

/**
 * The body named as a catalogue item's enforcer, worded for the client; the client itself by its plain
 * name (街道办事处（牵头组织） → 街道办事处); null for the other kind of government (乡镇人民政府 for a street).
 */
function enforcingBody(name: string, kind: ClientKind): string | null {
  const own = termsFor(kind).government;
  const other = termsFor(kind === 'street' ? 'township' : 'street').government;
  if (name === NEUTRAL_GOVERNMENT) return governmentName(kind);
  if (name.startsWith(other)) return null;
  if (name.startsWith(own)) return own;
  return wording(kind)(name);
}

/**
 * 联动执法方案 from the knowledge: each department's duties are the catalogue items it enforces; the
 * priority problems are those research found (who leads, who cooperates, what is done), flagged where
 * the knowledge doubts the enforcer; the leadership group is the client's standing arrangement, named
 * by office (the client fills in the names when it adopts the plan).
 */
export function jointEnforcementPlanInputFromKnowledge(request: JointEnforcementRequest): JointEnforcementPlanInput {
  const { client, knowledge } = request;
  const terms = termsFor(client.kind);
  const word = wording(client.kind);
  const ownBodies = new Set([terms.government, terms.enforcementTeam, governmentName(client.kind), '居民委员会']);

  const duties = new Map<string, VerifiableText[]>();
  const addDuty = (body: string | null, duty: VerifiableText) => {
    if (body !== null) duties.set(body, [...(duties.get(body) ?? []), duty]);
  };
  const bodies = (names: readonly string[]) => names.flatMap((name) => enforcingBody(name, client.kind) ?? []);
  for (const entry of knowledge.violations) {
    if (entry.enforcers.length === 0) addDuty(enforcingBody(entry.enforcer, client.kind), flagged(`查处${word(entry.title)}。`, entry.unverified));
    for (const enforcer of entry.enforcers)
      addDuty(enforcingBody(enforcer.body, client.kind), flagged(`${enforcer.scope ? `${enforcer.scope}，` : ''}查处${word(entry.title)}。`, enforcer.unverified === true));
  }
  const members = [
    ...new Set([
      ...duties.keys(),
      ...knowledge.violations.flatMap((entry) => bodies(entry.cooperatingDepartments)),
    ]),
  ].filter((name) => !ownBodies.has(name) && !name.includes('（'));

  const byKey = new Map(knowledge.violations.map((entry) => [entry.key, entry]));
  const found = request.problems.flatMap((problem) => {
    const entry = byKey.get(problem.violationKey);
    return entry ? [{ entry, communities: problem.communities, confirmed: problem.confirmed === true }] : [];
  });
  const standIns = found.length === 0;
  const chosen = (standIns ? knowledge.violations.map((entry) => ({ entry, communities: [] as readonly string[], confirmed: false })) : found).slice(0, PRIORITY_PROBLEMS);
  const priorityProblems: PriorityProblem[] = chosen.map(({ entry, communities, confirmed }) => {
    const measure = entry.coercion ? `${word(withoutFullStop(entry.penaltySummary))}；${word(withoutFullStop(entry.coercion.summary))}` : word(withoutFullStop(entry.penaltySummary));
    const where = communities.length > 0 ? `调研中${communities.join('、')}反映此问题。` : '';
    return {
      problem: word(entry.title),
      lead: enforcerText(entry, word, client.kind),
      cooperating: bodies(entry.cooperatingDepartments).join('、') || '社区居民委员会、物业服务人',
      measures: flagged(`${where}社区居民委员会、物业服务人劝阻并报告，牵头部门依法查处：${measure}。`, !confirmed || entry.unverified),
    };
  });

  return {
    client,
    date: null,
    preparedBy: request.preparedBy,
    leadership: {
      leader: client.kind === 'street' ? '街道办事处主任' : '乡镇长',
      deputies: [client.kind === 'street' ? '分管城市管理工作的副主任' : '分管城乡建设工作的副乡镇长'],
      members,
      office: { location: terms.enforcementTeam.replace(/^(街道|乡镇)/, client.shortName), director: `${terms.enforcementTeam.replace(/^(街道|乡镇)/, '')}队长` },
    },
    departments: [...duties].map(([department, list]) => ({ department, duties: list })),
    priorityProblems,
    symposiums: [...request.symposiums],
  };
}

export interface OpenLetterRequest {
  client: ClientProfile;
  communityName: string;
  date: CivilDate;
  laws: readonly Law[];
  /** The catalogue item the letter is about: the problem the community raised most in research. */
  violation: ViolationEntry;
  /** What residents said, in their words. */
  raised?: string;
}

/**
 * 公开信 to a community's residents about one catalogue item (the moral tier): the problem, each
 * prohibiting provision with the knowledge's summary of it (flagged as the knowledge flags it), and
 * what residents are asked to do. Signed by the residents' committee.
 */
export function openLetterInputFromKnowledge(request: OpenLetterRequest): OpenLetterInput {
  const { client, violation } = request;
  const word = wording(client.kind);
  // 违法建设（私搭乱建、私挖地下空间） → 违法建设: the gloss in brackets reads badly inside a sentence.
  const title = word(violation.title).replace(/\s*[(（][^()（）]*[)）]$/, '');
  const legalBasis: VerifiableText[] = uniqueProvisions(violation.prohibitions).map((provision) => {
    const law = lawOf(request.laws, provision.lawKey);
    const citation = textOf(citationsFromKnowledge([provision], request.laws)[0] ?? '');
    const excerpt = law.excerpts.find((candidate) => excerptCovers(candidate, provision) && provision.article !== undefined);
    const unverified = provision.unverified === true || law.unverified || excerpt?.unverified === true;
    return flagged(excerpt ? `${citation}：${withoutFullStop(word(excerpt.summary))}。` : `${citation}。`, unverified || !excerpt);
  });
  return {
    communityName: request.communityName,
    kind: '公开信',
    problem: `${request.raised ? `近期，有居民向社区反映“${withoutFullStop(request.raised)}”的问题。` : `近期，社区内存在${title}的情况。`}${forResidents(word(violation.description))}`,
    legalBasis,
    requests: [
      `自觉遵守上述规定，不再发生${title}的行为。`,
      '已经存在上述情况的，请尽快自行整改；需要帮助的，可以联系社区居民委员会。',
      `邻里之间相互提醒、相互监督，发现${title}的，及时向社区居民委员会或者物业服务人反映。`,
    ],
    issuer: `${request.communityName}居民委员会`,
    date: request.date,
    government: client.name.replace(/^北京市[^区县]*[区县]/, ''),
  };
}

// ─── Stage 5: each community's self-governance handbook ──────────────────────────────────────

export interface SelfGovernanceHandbookRequest {
  client: ClientProfile;
  preparedBy: string;
  date: CivilDate;
  communityName: string;
  /** What the lawyers recorded for the community in field research (社区概况). */
  profile: CommunityProfileDetails;
  /** The catalogue items its problem table covers, in order: the community's own first, then the street's commonest. */
  violations: readonly ViolationEntry[];
}

/** How many problems the handbook's 问题处置流程 table lists. */
const HANDBOOK_ISSUES = 8;

/**
 * Who dissuades first: the 楼门长, then those the law tells to dissuade and report, by their plain
 * names (the catalogue's 物业服务企业等建筑物管理人 is the 物业服务人 of a community) — those the
 * community has: no 业主委员会 where no compound formed one, no 物业服务人 where none has property
 * services (the residents' committee looks after those compounds, and is where reports go anyway).
 */
function dissuaderOf(entry: ViolationEntry, has: { ownersBody: boolean; propertyService: boolean }): string {
  const names = new Set(['楼门长']);
  for (const party of entry.reporters.flatMap((reporter) => reporter.party.split('、'))) {
    if (party.includes('物业服务') && has.propertyService) names.add('物业服务人');
    else if ((party.includes('业主委员会') || party.includes('物业管理委员会')) && has.ownersBody) names.add('业主委员会（物业管理委员会）');
  }
  if (names.size === 1) names.add('网格员');
  return [...names].join('、');
}

/**
 * Who enforces, for this client only: a body of the other kind of government (乡村违法建设：乡镇人民政府
 * in a street's handbook) is left out, the client's own named plainly. Flagged 待核实 when the knowledge
 * doubts an enforcer, the item, or whether the item was delegated to the 街道/乡镇.
 */
function handbookEnforcer(entry: ViolationEntry, kind: ClientKind): VerifiableText {
  const doubted = entry.unverified || entry.delegatedToStreet === 'unverified' || entry.enforcers.some((enforcer) => enforcer.unverified === true);
  if (entry.enforcers.length === 0) return flagged(enforcingBody(entry.enforcer, kind) ?? wording(kind)(entry.enforcer), doubted);
  const parts = entry.enforcers.flatMap((enforcer) => {
    const body = enforcingBody(enforcer.body, kind);
    // 已下放街道、乡镇的事项 → 已下放街道的事项: the client is one of them.
    const scope = enforcer.scope ? wording(kind)(enforcer.scope).replace('街道、乡镇', kind === 'street' ? '街道' : '乡镇') : null;
    return body === null ? [] : [`${scope ? `${scope}：` : ''}${body}`];
  });
  return flagged(parts.length > 0 ? parts.join('；') : wording(kind)(entry.enforcer), doubted);
}

/**
 * 社区规范管理自治手册 for one community: its profile as recorded, and a problem table whose enforcers
 * come from the catalogue (flagged 待核实 where the knowledge doubts them), worded for the client.
 */
export function selfGovernanceHandbookInputFromKnowledge(request: SelfGovernanceHandbookRequest): SelfGovernanceHandbookInput {
  const { client, profile } = request;
  const word = wording(client.kind);
  // Nothing recorded about the compounds: every body the law names stays.
  const { compounds } = profile;
  const has = {
    ownersBody: compounds.length === 0 || compounds.some((compound) => compound.ownersBody !== null),
    propertyService: compounds.length === 0 || compounds.some((compound) => compound.propertyCompany === null || !compound.propertyCompany.startsWith('无物业')),
  };
  const issues: CommunityIssue[] = request.violations.slice(0, HANDBOOK_ISSUES).map((entry) => ({
    problem: word(entry.title),
    dissuader: dissuaderOf(entry, has),
    enforcer: handbookEnforcer(entry, client.kind),
  }));
  return {
    client,
    preparedBy: request.preparedBy,
    date: request.date,
    community: {
      name: request.communityName,
      partyOrganization: profile.partyOrganization,
      households: profile.households,
      residents: profile.residents,
      ...(profile.residentGroups !== null ? { residentGroups: profile.residentGroups } : {}),
      compounds: profile.compounds.map((compound) => ({
        name: compound.name,
        ...(compound.type !== null ? { type: compound.type } : {}),
        ...(compound.households !== null ? { households: compound.households } : {}),
        ...(compound.ownersBody !== null ? { ownersBody: compound.ownersBody } : {}),
        ...(compound.propertyCompany !== null ? { propertyCompany: compound.propertyCompany } : {}),
      })),
      committeeMembers: profile.committeeMembers,
      subCommittees: profile.subCommittees,
      features: profile.features,
    },
    issues,
    mediation: { members: profile.mediation.members, venue: profile.mediation.venue, ...(profile.mediation.phone !== null ? { phone: profile.mediation.phone } : {}) },
  };
}

// ─── Stage 6: a case referred to the department (法治) ──────────────────────────────────────

/**
 * What a case's 案件移送函 cites for its catalogue item: the prohibiting and penalty provisions and the
 * enforcer, worded for the client and flagged 待核实 as the knowledge flags them.
 */
export function caseReferralViolationFromKnowledge(entry: ViolationEntry, laws: readonly Law[], kind: ClientKind): CaseReferralViolation {
  const word = wording(kind);
  return {
    title: word(entry.title),
    prohibitions: citationsFromKnowledge(entry.prohibitions, laws),
    penalties: citationsFromKnowledge(entry.penalties, laws),
    enforcer: handbookEnforcer(entry, kind),
  };
}

// ─── Stage 6: a case's 倡议书 (德治) ──────────────────────────────────────────────────────────

export interface CaseLetterRequest {
  client: ClientProfile;
  communityName: string;
  date: CivilDate;
  laws: readonly Law[];
  /** The case's catalogue item; null for a problem outside the catalogue (the letter then cites no law). */
  violation: ViolationEntry | null;
  /** The case as reported: its name, where it is, what was seen. */
  title: string;
  place: string;
  description: string;
}

/**
 * The 倡议书 a case opens with at 德治: about this problem at this place, in the residents' committee's
 * name, citing the catalogue item's prohibiting provisions (flagged 待核实 as the knowledge flags them;
 * none for a problem outside the catalogue or an item without them) and asking those concerned to put
 * it right — a draft the team edits and the committee approves before it is published.
 */
export function caseLetterInputFromKnowledge(request: CaseLetterRequest): OpenLetterInput {
  const { client, violation } = request;
  const place = withoutFullStop(request.place);
  const title = withoutFullStop(request.title);
  // A public letter: the problem and its place, not the report's description (it may name households).
  // 菊儿胡同12号院公共通道堆放杂物 names its place already; 楼道堆放杂物 does not.
  const problem = `近期，${title.includes(place) ? '社区内' : place}存在“${title}”的问题，影响社区环境和居民生活。`;
  const letter = violation ? openLetterInputFromKnowledge({ client, communityName: request.communityName, date: request.date, laws: request.laws, violation }) : null;
  const legalBasis = letter?.legalBasis ?? [];
  const help = '需要帮助或者有不同意见的，可以联系社区居民委员会，我们将上门听取意见、协助解决。';
  return {
    communityName: request.communityName,
    kind: '倡议书',
    topic: title.endsWith('问题') ? title : `${title}问题`,
    problem,
    legalBasis,
    requests:
      legalBasis.length > 0
        ? [`请${place}的有关居民和经营者自觉遵守上述规定，尽快自行整改。`, help, ...(letter?.requests.slice(2) ?? [])]
        : [`请${place}的有关居民和经营者自觉配合，尽快自行整改。`, help, '邻里之间相互提醒、相互监督，共同维护社区良好秩序。'],
    issuer: `${request.communityName}居民委员会`,
    date: request.date,
    government: client.name.replace(/^北京市[^区县]*[区县]/, ''),
  };
}
