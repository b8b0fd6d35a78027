import { z } from 'zod';
import { KNOWLEDGE_KINDS, knowledgeContentSchemas } from '@gongzhi/domain';
import { idSchema, instantSchema, line, pageOf, prose, pageQueryShape, queryFlag, queryInt, userRefSchema } from './common';
import { defineOperation } from './operation';

/*
 * The firm's governance knowledge base — laws, the violation catalogue, the client government's
 * powers, document templates, and the sources they rest on — versioned, searchable in Chinese,
 * edited by admins and PMs; and each engagement's copy of it, adapted to its district through the
 * engagement's workflow.
 */

export const knowledgeKindSchema = z.enum(KNOWLEDGE_KINDS).meta({
  id: 'KnowledgeKind',
  description: '`source` 资料来源, `law` 法律法规, `violation` 违法行为, `power` 职权, `template` 文书模板',
});

/** An entry's key, as the domain writes them: `bj-property-management-regulations`, `illegal-construction`, `S4`. */
export const knowledgeKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'letters, digits and hyphens')
  .meta({ description: 'The entry’s key within its kind' });

/** The entry as its kind's schema in @gongzhi/domain types it. */
export const knowledgeContentSchema = z
  .union([
    knowledgeContentSchemas.source.meta({ id: 'KnowledgeSource' }),
    knowledgeContentSchemas.law.meta({ id: 'KnowledgeLaw' }),
    knowledgeContentSchemas.violation.meta({ id: 'KnowledgeViolation' }),
    knowledgeContentSchemas.power.meta({ id: 'KnowledgePower' }),
    knowledgeContentSchemas.template.meta({ id: 'KnowledgeTemplate' }),
  ])
  .meta({ id: 'KnowledgeContent', description: 'The entry, shaped as its kind requires (the `kind` in the path decides which)' });

export const knowledgeEntrySummarySchema = z
  .object({
    id: idSchema,
    kind: knowledgeKindSchema,
    key: knowledgeKeySchema,
    /** Catalogue order: a violation's number, else the built-in order. */
    position: z.number().int().min(0),
    title: line(300),
    version: z.number().int().min(1),
    /** Shown as 待核实 wherever the entry is used. */
    unverified: z.boolean(),
    updatedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'KnowledgeEntrySummary' });

export const knowledgeEntrySchema = knowledgeEntrySummarySchema
  .extend({
    content: knowledgeContentSchema,
    /** Who wrote the current version and why (null author: the built-in knowledge base). */
    lastChange: z.object({ reason: line(1000), author: userRefSchema.nullable(), at: instantSchema }).strict(),
  })
  .strict()
  .meta({ id: 'KnowledgeEntry' });

export const knowledgeChangeSchema = z
  .object({
    /** JSON path of the field, e.g. `penalties[0].article`. */
    path: line(300),
    before: z.string().max(20_000).nullable(),
    after: z.string().max(20_000).nullable(),
  })
  .strict()
  .meta({ id: 'KnowledgeChange', description: 'One field that differs between two versions' });

export const knowledgeVersionSchema = z
  .object({
    version: z.number().int().min(1),
    title: line(300),
    unverified: z.boolean(),
    reason: line(1000),
    author: userRefSchema.nullable(),
    createdAt: instantSchema,
  })
  .strict()
  .meta({ id: 'KnowledgeVersion' });

const entryParams = z.object({ kind: knowledgeKindSchema, key: knowledgeKeySchema }).strict();
const FIRM_STAFF = ['admin', 'pm', 'partner', 'lawyer'] as const;
const EDITORS = ['admin', 'pm'] as const;

export const listKnowledgeQuerySchema = z
  .object({
    kind: knowledgeKindSchema.optional(),
    /** Chinese full text over the title, the content and the provisions the entry cites. */
    q: line(100).optional(),
    unverified: queryFlag().optional(),
    ...pageQueryShape,
  })
  .strict();

export const listKnowledge = defineOperation({
  id: 'listKnowledge',
  method: 'GET',
  path: '/api/knowledge',
  tag: 'knowledge',
  summary: { zh: '知识库条目列表与检索', en: 'List and search the knowledge base' },
  description:
    '`q` searches Chinese full text (PostgreSQL text search over character pairs: every pair of adjacent characters of the query must occur in the entry); entries whose title holds the query come first.',
  permission: { auth: 'role', roles: FIRM_STAFF },
  query: listKnowledgeQuerySchema,
  responses: { 200: pageOf(knowledgeEntrySummarySchema) },
});

export const getKnowledgeEntry = defineOperation({
  id: 'getKnowledgeEntry',
  method: 'GET',
  path: '/api/knowledge/:kind/:key',
  tag: 'knowledge',
  summary: { zh: '知识库条目详情', en: 'A knowledge base entry' },
  permission: { auth: 'role', roles: FIRM_STAFF },
  params: entryParams,
  responses: { 200: knowledgeEntrySchema },
});

/** Any JSON whose text can be stored (no NUL in a string or a key), as the document says. */
const storableJson: z.ZodType = z
  .union([prose(20_000), z.number(), z.boolean(), z.null(), z.array(z.lazy(() => storableJson)).max(1000), z.record(line(200), z.lazy(() => storableJson))])
  .meta({ id: 'StorableJson' });

/**
 * Content as a request carries it: an object, checked against its kind's shape (KnowledgeContent;
 * the kind in the path decides which) by the handler, which names every field that does not fit
 * (422). Shapes have rules JSON Schema cannot say (an article range, a 待核实 flag its parts
 * require), so the document promises only an object here, and a refusal is the contract's 422.
 */
export const knowledgeContentInputSchema = z
  .record(line(100), z.lazy((): z.ZodType => storableJson))
  .meta({ id: 'KnowledgeContentBody', description: 'The entry, shaped as its kind requires (see KnowledgeContent); a field that does not fit is named in a 422' });

export const knowledgeWriteBodySchema = z
  .object({
    content: knowledgeContentInputSchema,
    /** Why: kept with the version and shown in its history. */
    reason: line(500),
  })
  .strict();

export const createKnowledgeEntry = defineOperation({
  id: 'createKnowledgeEntry',
  method: 'POST',
  path: '/api/knowledge/:kind',
  tag: 'knowledge',
  summary: { zh: '新增知识库条目', en: 'Add a knowledge base entry' },
  description: 'Version 1 of a new entry. 409 when the kind already has an entry with the content’s key; 422 when the content does not fit the kind or cites what the knowledge base does not hold.',
  permission: { auth: 'role', roles: EDITORS },
  params: z.object({ kind: knowledgeKindSchema }).strict(),
  body: knowledgeWriteBodySchema.meta({ id: 'CreateKnowledgeEntryBody' }),
  responses: { 201: knowledgeEntrySchema },
  errors: ['conflict', 'form_invalid'],
});

export const reviseKnowledgeEntry = defineOperation({
  id: 'reviseKnowledgeEntry',
  method: 'PUT',
  path: '/api/knowledge/:kind/:key',
  tag: 'knowledge',
  summary: { zh: '修改知识库条目（生成新版本）', en: 'Revise a knowledge base entry (a new version)' },
  description:
    'Writes version `expectedVersion + 1`. 409 `conflict` when someone saved another version meanwhile; 422 when the content does not fit the kind, changes the key, or breaks a cross-reference. Engagements holding a copy are told (their PM gets a notice); their copies stay until they take the new version.',
  permission: { auth: 'role', roles: EDITORS },
  params: entryParams,
  body: knowledgeWriteBodySchema.extend({ expectedVersion: z.number().int().min(1).max(1_000_000) }).strict().meta({ id: 'ReviseKnowledgeEntryBody' }),
  responses: { 200: knowledgeEntrySchema },
  errors: ['conflict', 'form_invalid'],
});

export const listKnowledgeVersions = defineOperation({
  id: 'listKnowledgeVersions',
  method: 'GET',
  path: '/api/knowledge/:kind/:key/versions',
  tag: 'knowledge',
  summary: { zh: '条目版本历史', en: 'An entry’s versions' },
  permission: { auth: 'role', roles: FIRM_STAFF },
  params: entryParams,
  responses: { 200: z.object({ items: z.array(knowledgeVersionSchema).max(10_000) }).strict() },
});

export const getKnowledgeVersion = defineOperation({
  id: 'getKnowledgeVersion',
  method: 'GET',
  path: '/api/knowledge/:kind/:key/versions/:version',
  tag: 'knowledge',
  summary: { zh: '条目某一版本及其改动', en: 'One version of an entry and what changed' },
  description: '`changes` compares with `compareTo` (default: the version before; none for version 1).',
  permission: { auth: 'role', roles: FIRM_STAFF },
  params: entryParams.extend({ version: queryInt(1, 1_000_000) }).strict(),
  query: z.object({ compareTo: queryInt(1, 1_000_000).optional() }).strict(),
  responses: {
    200: knowledgeVersionSchema
      .extend({ content: knowledgeContentSchema, comparedTo: z.number().int().min(1).nullable(), changes: z.array(knowledgeChangeSchema).max(5000) })
      .strict()
      .meta({ id: 'KnowledgeVersionDetail' }),
  },
});

// ─── An engagement's copy ───────────────────────────────────────────────────────────────────

export const knowledgeCopyStateSchema = z.enum(['current', 'behind', 'not_taken']).meta({
  id: 'KnowledgeCopyState',
  description: '`current`: the copy is the master’s newest version (or adapted from it); `behind`: the master has a newer version; `not_taken`: a master entry the engagement has not taken',
});

export const knowledgeAdaptationSchema = z
  .object({ reason: line(1000).nullable(), by: userRefSchema.nullable(), at: instantSchema })
  .strict()
  .meta({ id: 'KnowledgeAdaptation', description: 'The engagement adapted the entry to its district' });

export const engagementKnowledgeRowSchema = z
  .object({
    entryId: idSchema,
    kind: knowledgeKindSchema,
    key: knowledgeKeySchema,
    position: z.number().int().min(0),
    title: line(300),
    unverified: z.boolean(),
    masterVersion: z.number().int().min(1),
    baseVersion: z.number().int().min(1).nullable(),
    state: knowledgeCopyStateSchema,
    adapted: knowledgeAdaptationSchema.nullable(),
  })
  .strict()
  .meta({ id: 'EngagementKnowledgeRow' });

export const listEngagementKnowledge = defineOperation({
  id: 'listEngagementKnowledge',
  method: 'GET',
  path: '/api/engagements/:id/knowledge',
  tag: 'knowledge',
  summary: { zh: '项目知识库（副本）', en: 'The engagement’s knowledge base (its copy)' },
  description: 'Every master entry with the engagement’s copy of it: what its documents use, what it adapted, and where the master has moved on.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner', 'lawyer', 'client'], admins: true },
  params: z.object({ id: idSchema }).strict(),
  query: z.object({ kind: knowledgeKindSchema.optional(), state: knowledgeCopyStateSchema.optional() }).strict(),
  responses: {
    200: z
      .object({
        items: z.array(engagementKnowledgeRowSchema).max(10_000),
        counts: z.object({ current: z.number().int().min(0), behind: z.number().int().min(0), notTaken: z.number().int().min(0), adapted: z.number().int().min(0) }).strict(),
      })
      .strict(),
  },
});

export const getEngagementKnowledge = defineOperation({
  id: 'getEngagementKnowledge',
  method: 'GET',
  path: '/api/engagements/:id/knowledge/:kind/:key',
  tag: 'knowledge',
  summary: { zh: '项目知识库条目（副本与母版对照）', en: 'An entry of the engagement’s copy, beside the master' },
  description: '`changes` lists what the master’s newest version changes against the content the engagement uses.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner', 'lawyer', 'client'], admins: true },
  params: z.object({ id: idSchema, kind: knowledgeKindSchema, key: knowledgeKeySchema }).strict(),
  responses: {
    200: z
      .object({
        row: engagementKnowledgeRowSchema,
        /** What the engagement uses; null when it has not taken the entry. */
        content: knowledgeContentSchema.nullable(),
        master: z.object({ version: z.number().int().min(1), content: knowledgeContentSchema }).strict(),
        changes: z.array(knowledgeChangeSchema).max(5000),
      })
      .strict()
      .meta({ id: 'EngagementKnowledgeEntry' }),
  },
});

export const adaptEngagementKnowledge = defineOperation({
  id: 'adaptEngagementKnowledge',
  method: 'PUT',
  path: '/api/engagements/:id/knowledge/:kind/:key',
  tag: 'knowledge',
  summary: { zh: '按本地情况调整项目知识库条目', en: 'Adapt an entry of the engagement’s copy to the district' },
  description:
    'The engagement’s own version of the entry, written by its workflow; the firm’s master is not changed. 422 when the content does not fit the kind, changes the key, or cites what the engagement’s copy does not hold.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: true },
  params: z.object({ id: idSchema, kind: knowledgeKindSchema, key: knowledgeKeySchema }).strict(),
  body: knowledgeWriteBodySchema.meta({ id: 'AdaptKnowledgeBody' }),
  responses: { 200: z.object({ row: engagementKnowledgeRowSchema }).strict() },
  errors: ['form_invalid', 'engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
});

export const takeEngagementKnowledge = defineOperation({
  id: 'takeEngagementKnowledge',
  method: 'POST',
  path: '/api/engagements/:id/knowledge/take',
  tag: 'knowledge',
  summary: { zh: '采用母版新版本', en: 'Take the master’s newer versions' },
  description:
    'Brings the named entries (all `behind` and `not_taken` ones when `entryIds` is absent) to the master’s newest version. An adaptation is replaced unless `keepAdaptation` (then the new version is only marked as seen).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: true },
  params: z.object({ id: idSchema }).strict(),
  body: z
    .object({ entryIds: z.array(idSchema).min(1).max(1000).optional(), keepAdaptation: z.boolean().default(false) })
    .strict()
    .meta({ id: 'TakeKnowledgeBody' }),
  responses: {
    200: z
      .object({ taken: z.array(z.object({ entryId: idSchema, from: z.number().int().min(1).nullable(), to: z.number().int().min(1) }).strict()).max(10_000) })
      .strict(),
  },
  errors: ['form_invalid', 'engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
});
