import { createHash } from 'node:crypto';
import {
  type BuiltInKnowledgeEntry,
  type CitableLaw,
  type KnowledgeContent,
  knowledgeContentSchemas,
  knowledgeEntriesOf,
  knowledgeEntryFacts,
  type KnowledgeKind,
  knowledgeSearchText,
  knowledgeSeed,
  searchQueryTokens,
  validateKnowledge,
} from '@gongzhi/domain';
import { type Db, type DbClient, type DbTransaction, withTransaction } from './client';
import { Prisma } from './generated/prisma/client';

/**
 * The firm's knowledge base in the database: master entries with every version kept, and each
 * engagement's copy of them. The master is firm data, written here by the knowledge service (the
 * API, for admins and PMs); an engagement's copy is engagement state, written only by the
 * engagement's workflow through `takeKnowledge` / `adaptKnowledge`.
 */

/** Who imported a built-in version: no person. */
export const BUILT_IN_REASON_PREFIX = '内置知识库';

/** JSON with object keys sorted: jsonb reorders keys, so fingerprints are taken on this form. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentFingerprint(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

function lawsOf(entries: { kind: KnowledgeKind; content: unknown }[]): CitableLaw[] {
  return entries.filter((entry) => entry.kind === 'law').map((entry) => entry.content as KnowledgeContent<'law'>);
}

export interface KnowledgeImportResult {
  seedVersion: string;
  created: number;
  updated: number;
  /** Built-in items that changed but whose entry a person has edited since: left as the person wrote them. */
  keptEdited: string[];
}

/**
 * Brings the built-in knowledge base into the database: new items become entries (version 1),
 * changed items a new version — unless a person edited the entry since the last import, whose
 * edit stands. Idempotent and safe to run from several processes at once (the API and the worker
 * both do at boot): one transaction under an advisory lock, and nothing is written when nothing
 * changed.
 */
export async function importBuiltInKnowledge(db: Db, seed = knowledgeSeed()): Promise<KnowledgeImportResult> {
  const builtIn = knowledgeEntriesOf(seed);
  const laws = lawsOf(builtIn);
  const reason = `${BUILT_IN_REASON_PREFIX} ${seed.seedVersion}`;
  const fingerprinted = builtIn.map((entry) => ({ entry, fingerprint: contentFingerprint(entry.content) }));

  const current = await db.knowledgeEntry.findMany({ select: { kind: true, key: true, builtInFingerprint: true } });
  const known = new Map(current.map((row) => [`${row.kind}:${row.key}`, row.builtInFingerprint]));
  const needsWork = fingerprinted.some(({ entry, fingerprint }) => known.get(`${entry.kind}:${entry.key}`) !== fingerprint);
  if (!needsWork) return { seedVersion: seed.seedVersion, created: 0, updated: 0, keptEdited: [] };

  return withTransaction(
    db,
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gongzhi:knowledge-import'))`;
      const rows = await tx.knowledgeEntry.findMany({ select: { id: true, kind: true, key: true, version: true, builtInFingerprint: true, content: true } });
      const byKey = new Map(rows.map((row) => [`${row.kind}:${row.key}`, row]));
      const toCreate: { entry: BuiltInKnowledgeEntry; fingerprint: string }[] = [];
      const keptEdited: string[] = [];
      let updated = 0;
      for (const { entry, fingerprint } of fingerprinted) {
        const row = byKey.get(`${entry.kind}:${entry.key}`);
        if (!row) {
          toCreate.push({ entry, fingerprint });
          continue;
        }
        if (row.builtInFingerprint === fingerprint) continue;
        // The current version is a person's when it is not the built-in item last imported.
        if (row.builtInFingerprint === null || contentFingerprint(row.content) !== row.builtInFingerprint) {
          keptEdited.push(`${entry.kind}:${entry.key}`);
          await tx.knowledgeEntry.update({ where: { id: row.id }, data: { builtInFingerprint: fingerprint } });
          continue;
        }
        const version = row.version + 1;
        await tx.knowledgeEntry.update({
          where: { id: row.id },
          data: {
            title: entry.title,
            content: json(entry.content),
            unverified: entry.unverified,
            position: entry.position,
            version,
            searchText: knowledgeSearchText(entry.content, laws),
            builtInFingerprint: fingerprint,
          },
        });
        await tx.knowledgeVersion.create({
          data: { entryId: row.id, version, title: entry.title, content: json(entry.content), unverified: entry.unverified, authorId: null, reason },
        });
        updated++;
      }
      if (toCreate.length > 0) {
        const created = await tx.knowledgeEntry.createManyAndReturn({
          data: toCreate.map(({ entry, fingerprint }) => ({
            kind: entry.kind,
            key: entry.key,
            position: entry.position,
            title: entry.title,
            content: json(entry.content),
            version: 1,
            unverified: entry.unverified,
            searchText: knowledgeSearchText(entry.content, laws),
            builtInFingerprint: fingerprint,
          })),
          select: { id: true, kind: true, key: true, title: true, content: true, unverified: true },
        });
        await tx.knowledgeVersion.createMany({
          data: created.map((row) => ({ entryId: row.id, version: 1, title: row.title, content: json(row.content), unverified: row.unverified, authorId: null, reason })),
        });
      }
      return { seedVersion: seed.seedVersion, created: toCreate.length, updated, keptEdited };
    },
    { timeout: 60_000 },
  );
}

// ─── Reading the master ─────────────────────────────────────────────────────────────────────

export interface KnowledgeListQuery {
  kind?: KnowledgeKind;
  /** Chinese full text over title, content and the provisions cited. */
  query?: string;
  unverified?: boolean;
  limit: number;
  offset: number;
}

export interface KnowledgeListRow {
  id: string;
  kind: KnowledgeKind;
  key: string;
  position: number;
  title: string;
  version: number;
  unverified: boolean;
  updatedAt: Date;
}

/**
 * Master entries, filtered by kind and 待核实, and by a full-text query through the GIN index on
 * `to_tsvector('simple', search_text)`: every pair of the query's characters must occur; entries
 * whose title holds the query come first, then by rank.
 */
export async function listKnowledge(db: DbClient, query: KnowledgeListQuery): Promise<{ total: number; rows: KnowledgeListRow[] }> {
  const tokens = query.query === undefined ? null : searchQueryTokens(query.query);
  if (tokens !== null && tokens.length === 0) return { total: 0, rows: [] };
  const tsquery = tokens?.join(' & ') ?? null;
  const kind = query.kind ?? null;
  const unverified = query.unverified ?? null;
  const needle = query.query?.trim() ?? '';
  const where = `
    WHERE ($1::knowledge_kind IS NULL OR kind = $1::knowledge_kind)
      AND ($2::boolean IS NULL OR unverified = $2::boolean)
      AND ($3::text IS NULL OR to_tsvector('simple', search_text) @@ to_tsquery('simple', $3::text))`;
  const [{ total }] = await db.$queryRawUnsafe<[{ total: bigint }]>(`SELECT count(*) AS total FROM knowledge_entry ${where}`, kind, unverified, tsquery);
  const rows = await db.$queryRawUnsafe<
    { id: string; kind: KnowledgeKind; key: string; position: number; title: string; version: number; unverified: boolean; updated_at: Date }[]
  >(
    `SELECT id, kind, key, position, title, version, unverified, updated_at FROM knowledge_entry ${where}
     ORDER BY
       CASE WHEN $3::text IS NULL THEN 0 WHEN strpos(title, $4::text) > 0 THEN 0 ELSE 1 END,
       CASE WHEN $3::text IS NULL THEN 0 ELSE ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', $3::text)) END DESC,
       array_position(ARRAY['source','law','violation','power','template']::knowledge_kind[], kind), position, key
     LIMIT $5 OFFSET $6`,
    kind,
    unverified,
    tsquery,
    needle,
    query.limit,
    query.offset,
  );
  return {
    total: Number(total),
    rows: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      key: row.key,
      position: row.position,
      title: row.title,
      version: row.version,
      unverified: row.unverified,
      updatedAt: row.updated_at,
    })),
  };
}

export async function findKnowledgeEntry(db: DbClient, kind: KnowledgeKind, key: string) {
  return db.knowledgeEntry.findUnique({ where: { kind_key: { kind, key } } });
}

export async function listKnowledgeVersions(db: DbClient, entryId: string) {
  return db.knowledgeVersion.findMany({
    where: { entryId },
    orderBy: { version: 'desc' },
    include: { author: { select: { id: true, displayName: true } } },
  });
}

export async function findKnowledgeVersion(db: DbClient, entryId: string, version: number) {
  return db.knowledgeVersion.findUnique({ where: { entryId_version: { entryId, version } }, include: { author: { select: { id: true, displayName: true } } } });
}

/** The whole master as the domain types it: what documents and `validateKnowledge` read. */
export async function loadMasterKnowledge(db: DbClient): Promise<KnowledgeSet> {
  const rows = await db.knowledgeEntry.findMany({ orderBy: [{ kind: 'asc' }, { position: 'asc' }, { key: 'asc' }], select: { kind: true, content: true } });
  return knowledgeSetOf(rows.map((row) => ({ kind: row.kind, content: row.content })));
}

/** The knowledge base as lists by kind, in catalogue order. */
export interface KnowledgeSet {
  sources: KnowledgeContent<'source'>[];
  laws: KnowledgeContent<'law'>[];
  violations: KnowledgeContent<'violation'>[];
  powers: KnowledgeContent<'power'>[];
  templates: KnowledgeContent<'template'>[];
}

function knowledgeSetOf(entries: { kind: KnowledgeKind; content: unknown }[]): KnowledgeSet {
  const of = <K extends KnowledgeKind>(kind: K) => entries.filter((entry) => entry.kind === kind).map((entry) => entry.content as KnowledgeContent<K>);
  return { sources: of('source'), laws: of('law'), violations: of('violation').sort((a, b) => a.no - b.no), powers: of('power'), templates: of('template') };
}

// ─── Writing the master ─────────────────────────────────────────────────────────────────────

export type KnowledgeWriteRefusal =
  | { refused: 'not_found' }
  | { refused: 'exists' }
  | { refused: 'version_conflict'; currentVersion: number }
  | { refused: 'key_changed' }
  | { refused: 'invalid'; problems: string[] }
  | { refused: 'inconsistent'; problems: string[] };

export interface KnowledgeWriteInput {
  kind: KnowledgeKind;
  content: unknown;
  reason: string;
  authorId: string;
  /** Called inside the transaction, so the audit record commits with the change. */
  audit?: (tx: DbTransaction, change: { entryId: string; version: number; before: unknown; after: unknown }) => Promise<void>;
}

export interface KnowledgeWriteResult {
  entryId: string;
  version: number;
  /** Engagements holding a copy of the entry that the new version leaves behind. */
  engagementsToTell: string[];
}

function parseContent(kind: KnowledgeKind, content: unknown): { ok: true; content: KnowledgeContent } | { ok: false; problems: string[] } {
  const parsed = knowledgeContentSchemas[kind].safeParse(content);
  if (parsed.success) return { ok: true, content: parsed.data as KnowledgeContent };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(content)'}: ${issue.message}`) };
}

async function checkConsistency(tx: DbTransaction, kind: KnowledgeKind, content: KnowledgeContent, key: string): Promise<string[]> {
  const rows = await tx.knowledgeEntry.findMany({ select: { kind: true, key: true, content: true } });
  const others = rows.filter((row) => !(row.kind === kind && row.key === key));
  const set = knowledgeSetOf([...others.map((row) => ({ kind: row.kind, content: row.content })), { kind, content }]);
  return validateKnowledge(set);
}

/** A new master entry (version 1). */
export async function createKnowledgeEntry(db: Db, input: KnowledgeWriteInput): Promise<KnowledgeWriteResult | KnowledgeWriteRefusal> {
  const parsed = parseContent(input.kind, input.content);
  if (!parsed.ok) return { refused: 'invalid', problems: parsed.problems };
  const facts = knowledgeEntryFacts(input.kind, parsed.content);
  return withTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gongzhi:knowledge-import'))`;
    if (await tx.knowledgeEntry.findUnique({ where: { kind_key: { kind: input.kind, key: facts.key } } })) return { refused: 'exists' as const };
    const problems = await checkConsistency(tx, input.kind, parsed.content, facts.key);
    if (problems.length > 0) return { refused: 'inconsistent' as const, problems };
    const laws = input.kind === 'law' ? [...(await masterLaws(tx)), parsed.content as KnowledgeContent<'law'>] : await masterLaws(tx);
    const position =
      input.kind === 'violation'
        ? (parsed.content as KnowledgeContent<'violation'>).no
        : ((await tx.knowledgeEntry.aggregate({ where: { kind: input.kind }, _max: { position: true } }))._max.position ?? 0) + 1;
    const entry = await tx.knowledgeEntry.create({
      data: {
        kind: input.kind,
        key: facts.key,
        position,
        title: facts.title,
        content: json(parsed.content),
        version: 1,
        unverified: facts.unverified,
        searchText: knowledgeSearchText(parsed.content, laws),
        builtInFingerprint: null,
        versions: { create: { version: 1, title: facts.title, content: json(parsed.content), unverified: facts.unverified, authorId: input.authorId, reason: input.reason } },
      },
    });
    await input.audit?.(tx, { entryId: entry.id, version: 1, before: null, after: parsed.content });
    return { entryId: entry.id, version: 1, engagementsToTell: [] };
  });
}

async function masterLaws(tx: DbClient): Promise<CitableLaw[]> {
  const rows = await tx.knowledgeEntry.findMany({ where: { kind: 'law' }, select: { content: true } });
  return rows.map((row) => row.content as KnowledgeContent<'law'>);
}

/**
 * A new version of a master entry, if `expectedVersion` is still the current one (two editors
 * cannot silently overwrite each other) and the knowledge base stays consistent with it.
 * Engagements holding an older copy are returned so they can be told.
 */
export async function reviseKnowledgeEntry(
  db: Db,
  input: KnowledgeWriteInput & { key: string; expectedVersion: number },
): Promise<KnowledgeWriteResult | KnowledgeWriteRefusal> {
  const parsed = parseContent(input.kind, input.content);
  if (!parsed.ok) return { refused: 'invalid', problems: parsed.problems };
  const facts = knowledgeEntryFacts(input.kind, parsed.content);
  if (facts.key !== input.key) return { refused: 'key_changed' };
  return withTransaction(db, async (tx) => {
    const entry = await tx.knowledgeEntry.findUnique({ where: { kind_key: { kind: input.kind, key: input.key } } });
    if (!entry) return { refused: 'not_found' as const };
    if (entry.version !== input.expectedVersion) return { refused: 'version_conflict' as const, currentVersion: entry.version };
    const problems = await checkConsistency(tx, input.kind, parsed.content, input.key);
    if (problems.length > 0) return { refused: 'inconsistent' as const, problems };
    const version = entry.version + 1;
    const laws = (await masterLaws(tx)).map((law) => (input.kind === 'law' && law.key === input.key ? (parsed.content as KnowledgeContent<'law'>) : law));
    const { count } = await tx.knowledgeEntry.updateMany({
      where: { id: entry.id, version: entry.version },
      data: {
        title: facts.title,
        content: json(parsed.content),
        unverified: facts.unverified,
        version,
        ...(input.kind === 'violation' ? { position: (parsed.content as KnowledgeContent<'violation'>).no } : {}),
        searchText: knowledgeSearchText(parsed.content, laws),
      },
    });
    if (count === 0) return { refused: 'version_conflict' as const, currentVersion: entry.version };
    await tx.knowledgeVersion.create({
      data: { entryId: entry.id, version, title: facts.title, content: json(parsed.content), unverified: facts.unverified, authorId: input.authorId, reason: input.reason },
    });
    if (input.kind === 'law') await refreshSearchText(tx, laws);
    await input.audit?.(tx, { entryId: entry.id, version, before: entry.content, after: parsed.content });
    const copies = await tx.engagementKnowledge.findMany({
      where: { entryId: entry.id, baseVersion: { lt: version }, engagement: { status: { in: ['running', 'paused'] } } },
      select: { engagementId: true },
    });
    return { entryId: entry.id, version, engagementsToTell: copies.map((copy) => copy.engagementId) };
  });
}

/** A law's names are in what cites it: after a law changes, every entry's search text is rebuilt. */
async function refreshSearchText(tx: DbTransaction, laws: CitableLaw[]): Promise<void> {
  const rows = await tx.knowledgeEntry.findMany({ select: { id: true, content: true, searchText: true } });
  for (const row of rows) {
    const searchText = knowledgeSearchText(row.content, laws);
    if (searchText !== row.searchText) await tx.knowledgeEntry.update({ where: { id: row.id }, data: { searchText } });
  }
}

// ─── An engagement's copy ───────────────────────────────────────────────────────────────────

/** Where an engagement's copy of an entry stands against the master. */
export type KnowledgeCopyState = 'current' | 'behind' | 'not_taken';

export interface EngagementKnowledgeRow {
  entryId: string;
  kind: KnowledgeKind;
  key: string;
  position: number;
  /** The copy's title (the adapted one if adapted), else the master's. */
  title: string;
  unverified: boolean;
  masterVersion: number;
  /** The master version the copy is based on; null when the engagement has not taken the entry. */
  baseVersion: number | null;
  state: KnowledgeCopyState;
  adapted: { at: Date; reason: string | null; byId: string | null; byName: string | null } | null;
}

/** Every master entry (of a kind, or one entry) with the engagement's copy of it, in catalogue order. */
export async function listEngagementKnowledge(db: DbClient, engagementId: string, filter: { kind?: KnowledgeKind; key?: string } = {}): Promise<EngagementKnowledgeRow[]> {
  const entries = await db.knowledgeEntry.findMany({
    where: { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.key ? { key: filter.key } : {}) },
    orderBy: [{ kind: 'asc' }, { position: 'asc' }, { key: 'asc' }],
    select: {
      id: true,
      kind: true,
      key: true,
      position: true,
      title: true,
      unverified: true,
      version: true,
      copies: { where: { engagementId }, include: { adaptedBy: { select: { displayName: true } } } },
    },
  });
  const baseTitles = await db.knowledgeVersion.findMany({
    where: { OR: entries.flatMap((entry) => entry.copies.map((copy) => ({ entryId: entry.id, version: copy.baseVersion }))) },
    select: { entryId: true, version: true, title: true, unverified: true },
  });
  const baseOf = new Map(baseTitles.map((row) => [`${row.entryId}:${row.version}`, row]));
  return entries.map((entry) => {
    const copy = entry.copies[0];
    const base = copy ? baseOf.get(`${entry.id}:${copy.baseVersion}`) : undefined;
    const adaptedUnverified = copy?.adaptedContent ? knowledgeEntryFacts(entry.kind, copy.adaptedContent as KnowledgeContent).unverified : undefined;
    return {
      entryId: entry.id,
      kind: entry.kind,
      key: entry.key,
      position: entry.position,
      title: copy?.adaptedTitle ?? base?.title ?? entry.title,
      unverified: adaptedUnverified ?? base?.unverified ?? entry.unverified,
      masterVersion: entry.version,
      baseVersion: copy?.baseVersion ?? null,
      state: !copy ? 'not_taken' : copy.baseVersion < entry.version ? 'behind' : 'current',
      adapted: copy?.adaptedAt
        ? { at: copy.adaptedAt, reason: copy.adaptedReason, byId: copy.adaptedById, byName: copy.adaptedBy?.displayName ?? null }
        : null,
    };
  });
}

/** The engagement's copy of one entry: its content as the engagement uses it, and the master's. */
export async function findEngagementKnowledge(db: DbClient, engagementId: string, kind: KnowledgeKind, key: string) {
  const entry = await db.knowledgeEntry.findUnique({
    where: { kind_key: { kind, key } },
    include: { copies: { where: { engagementId }, include: { adaptedBy: { select: { displayName: true } } } } },
  });
  if (!entry) return null;
  const copy = entry.copies[0] ?? null;
  const base = copy ? await db.knowledgeVersion.findUnique({ where: { entryId_version: { entryId: entry.id, version: copy.baseVersion } } }) : null;
  return {
    entry,
    copy,
    /** What the engagement uses: its adaptation, else the master version it took, else nothing yet. */
    content: copy ? (copy.adaptedContent ?? base?.content ?? null) : null,
    baseContent: base?.content ?? null,
  };
}

/**
 * The knowledge base as the engagement's documents use it: each taken entry at the version taken,
 * or as adapted. An engagement that has taken nothing (created before the knowledge base was in
 * the product) uses the master.
 */
export async function loadEngagementKnowledge(db: DbClient, engagementId: string): Promise<KnowledgeSet> {
  const copies = await db.engagementKnowledge.findMany({ where: { engagementId }, include: { entry: { select: { kind: true, position: true, key: true } } } });
  if (copies.length === 0) return loadMasterKnowledge(db);
  const versions = await db.knowledgeVersion.findMany({
    where: { OR: copies.filter((copy) => copy.adaptedContent === null).map((copy) => ({ entryId: copy.entryId, version: copy.baseVersion })) },
    select: { entryId: true, content: true },
  });
  const contentOf = new Map(versions.map((row) => [row.entryId, row.content]));
  const ordered = [...copies].sort((a, b) => a.entry.position - b.entry.position || a.entry.key.localeCompare(b.entry.key));
  return knowledgeSetOf(ordered.map((copy) => ({ kind: copy.entry.kind, content: copy.adaptedContent ?? contentOf.get(copy.entryId) })));
}

/** The keys of the catalogue violations the engagement's documents use (its copy's, else the master's), without loading their content. */
export async function engagementViolationKeys(db: DbClient, engagementId: string): Promise<Set<string>> {
  const anyCopy = await db.engagementKnowledge.findFirst({ where: { engagementId }, select: { entryId: true } });
  const rows = anyCopy
    ? (await db.engagementKnowledge.findMany({ where: { engagementId, entry: { kind: 'violation' } }, select: { entry: { select: { key: true } } } })).map((copy) => copy.entry)
    : await db.knowledgeEntry.findMany({ where: { kind: 'violation' }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

export interface TakeKnowledgeInput {
  engagementId: string;
  /** The master entries to take at their current version; `all` for every entry. */
  entryIds: string[] | 'all';
  /** Keep an adaptation and only mark the new master version as seen; otherwise the master replaces it. */
  keepAdaptation: boolean;
}

/**
 * Takes master entries into the engagement's copy at their current version: new entries are
 * added, older copies move up. For the engagement's workflow (its activity) only. Idempotent.
 * Returns what moved: entry, from (null when newly taken) and to.
 */
export async function takeKnowledge(tx: DbTransaction, input: TakeKnowledgeInput): Promise<{ entryId: string; from: number | null; to: number }[]> {
  const entries = await tx.knowledgeEntry.findMany({
    where: input.entryIds === 'all' ? {} : { id: { in: input.entryIds } },
    select: { id: true, version: true, copies: { where: { engagementId: input.engagementId } } },
  });
  const moved: { entryId: string; from: number | null; to: number }[] = [];
  const fresh = entries.filter((entry) => entry.copies.length === 0);
  if (fresh.length > 0) {
    await tx.engagementKnowledge.createMany({
      data: fresh.map((entry) => ({ engagementId: input.engagementId, entryId: entry.id, baseVersion: entry.version })),
      skipDuplicates: true,
    });
    moved.push(...fresh.map((entry) => ({ entryId: entry.id, from: null, to: entry.version })));
  }
  for (const entry of entries) {
    const copy = entry.copies[0];
    if (!copy) continue;
    const dropAdaptation = !input.keepAdaptation && copy.adaptedContent !== null;
    if (copy.baseVersion === entry.version && !dropAdaptation) continue;
    await tx.engagementKnowledge.update({
      where: { id: copy.id },
      data: {
        baseVersion: entry.version,
        ...(dropAdaptation ? { adaptedContent: Prisma.DbNull, adaptedTitle: null, adaptedReason: null, adaptedById: null, adaptedAt: null } : {}),
      },
    });
    moved.push({ entryId: entry.id, from: copy.baseVersion, to: entry.version });
  }
  return moved;
}

export interface AdaptKnowledgeInput {
  engagementId: string;
  kind: KnowledgeKind;
  key: string;
  content: unknown;
  reason: string;
  actorId: string;
  at: Date;
}

/**
 * The engagement's own version of an entry (its district's departments, a local rule), leaving
 * the master untouched. For the engagement's workflow (its activity) only.
 */
export async function adaptKnowledge(
  tx: DbTransaction,
  input: AdaptKnowledgeInput,
): Promise<{ entryId: string; baseVersion: number; before: unknown } | Extract<KnowledgeWriteRefusal, { refused: 'not_found' | 'key_changed' | 'invalid' | 'inconsistent' }>> {
  const parsed = parseContent(input.kind, input.content);
  if (!parsed.ok) return { refused: 'invalid', problems: parsed.problems };
  const facts = knowledgeEntryFacts(input.kind, parsed.content);
  if (facts.key !== input.key) return { refused: 'key_changed' };
  const entry = await tx.knowledgeEntry.findUnique({ where: { kind_key: { kind: input.kind, key: input.key } }, include: { copies: { where: { engagementId: input.engagementId } } } });
  if (!entry) return { refused: 'not_found' };
  // Consistent with the rest of the engagement's copy (a cited law it has, a template it uses).
  const set = await loadEngagementKnowledge(tx, input.engagementId);
  const listName = { source: 'sources', law: 'laws', violation: 'violations', power: 'powers', template: 'templates' } as const satisfies Record<KnowledgeKind, keyof KnowledgeSet>;
  const list = set[listName[input.kind]] as { key: string }[];
  const index = list.findIndex((item) => item.key === input.key);
  if (index >= 0) list[index] = parsed.content as { key: string };
  else list.push(parsed.content as { key: string });
  const problems = validateKnowledge(set);
  if (problems.length > 0) return { refused: 'inconsistent', problems };
  const copy = entry.copies[0];
  const data = { adaptedContent: json(parsed.content), adaptedTitle: facts.title, adaptedReason: input.reason, adaptedById: input.actorId, adaptedAt: input.at };
  if (copy) {
    await tx.engagementKnowledge.update({ where: { id: copy.id }, data });
    return { entryId: entry.id, baseVersion: copy.baseVersion, before: copy.adaptedContent };
  }
  await tx.engagementKnowledge.create({ data: { engagementId: input.engagementId, entryId: entry.id, baseVersion: entry.version, ...data } });
  return { entryId: entry.id, baseVersion: entry.version, before: null };
}
