import { z } from 'zod';
import {
  MAX_OPTIONS,
  MAX_QUESTIONS,
  MAX_TEXT_ANSWER,
  QUESTIONNAIRE_STATUSES,
  RESPONDENT_AUDIENCES,
  MAX_PROBLEMS_PER_SESSION,
  COMMUNITY_PROFILE_LIMITS,
  RESEARCH_SESSION_KINDS,
  RESPONSE_SOURCES,
} from '@gongzhi/domain';
import { civilDateSchema, idempotencyKeySchema, idSchema, instantSchema, line, placeSchema, prose, userRefSchema, ENGAGEMENT_WRITE_ERRORS, engagementParamsSchema } from './common';
import { planKeySchema } from './domain-schemas';
import { defineOperation } from './operation';

// Field research (stage 3, 实地调研): questionnaires per audience, answered by respondents through
// single-use links without signing in, or typed in by a lawyer from paper forms and interviews.

export const respondentAudienceSchema = z.enum(RESPONDENT_AUDIENCES).meta({
  id: 'RespondentAudience',
  description: '`government`: 街道（乡镇）领导及工作人员; `committee`: 社区居（村）民委员会; `residents`: 居民代表、业主委员会; `property`: 物业服务企业',
});
export const questionnaireStatusSchema = z.enum(QUESTIONNAIRE_STATUSES).meta({ id: 'QuestionnaireStatus', description: '`open`: accepts responses; `closed`: no longer' });
export const responseSourceSchema = z.enum(RESPONSE_SOURCES).meta({ id: 'ResponseSource', description: '`lawyer`: typed in from a paper form or an interview; `link`: the respondent’s own single-use link' });

const questionKey = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/).meta({ description: 'Stable within the questionnaire: lower-case letters, digits, hyphens' });
const questionText = line(300);
const optionText = line(100);

/**
 * A question as the document describes it. The handler checks more than JSON Schema can say (keys
 * unique, options unique, `maxChoices` within the options) and names each field that does not fit
 * in a 422.
 */
export const questionSchemaDoc = z
  .discriminatedUnion('type', [
    z.object({ key: questionKey, type: z.literal('single'), text: questionText, required: z.boolean(), options: z.array(optionText).min(2).max(MAX_OPTIONS) }).strict(),
    z
      .object({
        key: questionKey,
        type: z.literal('multiple'),
        text: questionText,
        required: z.boolean(),
        options: z.array(optionText).min(2).max(MAX_OPTIONS),
        maxChoices: z.number().int().min(1).max(MAX_OPTIONS).optional(),
      })
      .strict(),
    z
      .object({ key: questionKey, type: z.literal('scale'), text: questionText, required: z.boolean(), points: z.number().int().min(3).max(10), lowLabel: line(20), highLabel: line(20) })
      .strict(),
    z.object({ key: questionKey, type: z.literal('text'), text: questionText, required: z.boolean() }).strict(),
  ])
  .meta({ id: 'Question' });

const answerSchema = z
  .union([prose(MAX_TEXT_ANSWER * 2), z.array(optionText).max(MAX_OPTIONS), z.number().int().min(0).max(100)])
  .meta({ id: 'Answer', description: 'An option’s text (single), option texts (multiple), a score from 1 (scale), free text (text)' });
/** By question key; a question left out is unanswered. Checked against the questions in the handler (422 names each). */
export const answersSchema = z.record(questionKey, answerSchema).meta({ id: 'Answers' });


export const questionnaireSummarySchema = z
  .object({
    id: idSchema,
    engagementId: idSchema,
    audience: respondentAudienceSchema,
    title: line(200),
    version: z.number().int().min(1),
    status: questionnaireStatusSchema,
    questionCount: z.number().int().min(0),
    responses: z.number().int().min(0),
    linksIssued: z.number().int().min(0),
    linksUsed: z.number().int().min(0),
    createdBy: userRefSchema.nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    closedAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'QuestionnaireSummary' });

const optionCountSchema = z.object({ option: line(100), count: z.number().int().min(0) }).strict();
const communityKey = placeSchema.nullable().meta({ description: 'null: answered for the whole street (no community named)' });

export const questionResultSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        key: questionKey,
        type: z.enum(['single', 'multiple']),
        answered: z.number().int().min(0),
        counts: z.array(optionCountSchema).max(MAX_OPTIONS),
        byCommunity: z.array(z.object({ community: communityKey, answered: z.number().int().min(0), counts: z.array(optionCountSchema).max(MAX_OPTIONS) }).strict()).max(1000),
      })
      .strict(),
    z
      .object({
        key: questionKey,
        type: z.literal('scale'),
        answered: z.number().int().min(0),
        points: z.number().int().min(3).max(10),
        counts: z.array(optionCountSchema).max(10),
        mean: z.number().nullable(),
        byCommunity: z.array(z.object({ community: communityKey, answered: z.number().int().min(0), mean: z.number().nullable(), counts: z.array(optionCountSchema).max(10) }).strict()).max(1000),
      })
      .strict(),
    z.object({ key: questionKey, type: z.literal('text'), answered: z.number().int().min(0), texts: z.array(prose(MAX_TEXT_ANSWER)).max(200) }).strict(),
  ])
  .meta({ id: 'QuestionResult' });

export const questionnaireSchema = questionnaireSummarySchema
  .extend({
    intro: prose(2000),
    questions: z.array(questionSchemaDoc).max(MAX_QUESTIONS),
    results: z
      .object({
        responses: z.number().int().min(0),
        byCommunity: z.array(z.object({ community: communityKey, responses: z.number().int().min(0) }).strict()).max(1000),
        questions: z.array(questionResultSchema).max(MAX_QUESTIONS),
      })
      .strict(),
    can: z.object({ revise: z.boolean(), close: z.boolean(), issueLinks: z.boolean(), enterResponse: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: 'Questionnaire' });

const engagementParams = engagementParamsSchema;
const questionnaireParams = z.object({ id: idSchema, questionnaireId: idSchema }).strict();
const WRITE_ERRORS = ENGAGEMENT_WRITE_ERRORS;

export const listQuestionnaires = defineOperation({
  id: 'listQuestionnaires',
  method: 'GET',
  path: '/api/engagements/:id/questionnaires',
  tag: 'research',
  summary: { zh: '调查问卷列表', en: 'The engagement’s questionnaires' },
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner', 'lawyer', 'client'], admins: true },
  params: engagementParams,
  responses: { 200: z.object({ items: z.array(questionnaireSummarySchema).max(1000), can: z.object({ create: z.boolean() }).strict() }).strict() },
});

export const questionnaireBodySchema = z
  .object({
    audience: respondentAudienceSchema,
    title: line(200),
    intro: prose(2000),
    questions: z.array(questionSchemaDoc).min(1).max(MAX_QUESTIONS),
  })
  .strict()
  .meta({ id: 'QuestionnaireBody' });

export const createQuestionnaire = defineOperation({
  id: 'createQuestionnaire',
  method: 'POST',
  path: '/api/engagements/:id/questionnaires',
  tag: 'research',
  summary: { zh: '新建调查问卷', en: 'Create a questionnaire' },
  description: 'Written by the engagement’s workflow as version 1, open for responses. 422 names each question that does not fit (duplicate keys or options, `maxChoices` beyond the options). With `idempotencyKey`, a retry answers with the same questionnaire (201 again); the key with another body is 409 `conflict`.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: engagementParams,
  body: questionnaireBodySchema.extend({ idempotencyKey: idempotencyKeySchema.optional() }).strict().meta({ id: 'CreateQuestionnaireBody' }),
  responses: { 201: questionnaireSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
  links: {
    getQuestionnaire: { operationId: 'getQuestionnaire', parameters: { id: '$response.body#/engagementId', questionnaireId: '$response.body#/id' } },
    recordQuestionnaireResponse: { operationId: 'recordQuestionnaireResponse', parameters: { id: '$response.body#/engagementId', questionnaireId: '$response.body#/id' } },
    issueQuestionnaireLinks: { operationId: 'issueQuestionnaireLinks', parameters: { id: '$response.body#/engagementId', questionnaireId: '$response.body#/id' } },
  },
});

export const getQuestionnaire = defineOperation({
  id: 'getQuestionnaire',
  method: 'GET',
  path: '/api/engagements/:id/questionnaires/:questionnaireId',
  tag: 'research',
  summary: { zh: '调查问卷及统计结果', en: 'A questionnaire and its results' },
  description: 'The current version’s questions and the results of every response: per question, overall and per community. Responses to an earlier version count for the questions they share with this one.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner', 'lawyer', 'client'], admins: true },
  params: questionnaireParams,
  responses: { 200: questionnaireSchema },
});

export const exportQuestionnaireResults = defineOperation({
  id: 'exportQuestionnaireResults',
  method: 'GET',
  path: '/api/engagements/:id/questionnaires/:questionnaireId/results.xlsx',
  tag: 'research',
  summary: { zh: '导出问卷结果（Excel）', en: 'Export the results (Excel)' },
  description:
    'A workbook drafted on a worker: 统计汇总 (each option’s count and share overall and per community, each scale’s mean), 答卷明细 (every response with its answers) and 说明. Content-Disposition carries its Chinese name (RFC 5987).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner', 'lawyer', 'client'], admins: true },
  params: questionnaireParams,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .xlsx file' }) },
  errors: ['temporarily_unavailable'],
});

export const reviseQuestionnaire = defineOperation({
  id: 'reviseQuestionnaire',
  method: 'PUT',
  path: '/api/engagements/:id/questionnaires/:questionnaireId',
  tag: 'research',
  summary: { zh: '修订调查问卷（生成新版本）', en: 'Revise a questionnaire (a new version)' },
  description: 'A new version; responses already given keep the version they answered. 409 `conflict` when `expectedVersion` is not the current one, `questionnaire_closed` when it is closed.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: questionnaireParams,
  body: questionnaireBodySchema
    .omit({ audience: true })
    .extend({ expectedVersion: z.number().int().min(1).max(1_000_000), reason: line(500) })
    .strict()
    .meta({ id: 'ReviseQuestionnaireBody' }),
  responses: { 200: questionnaireSchema },
  errors: [...WRITE_ERRORS, 'conflict', 'questionnaire_closed'],
});

export const closeQuestionnaire = defineOperation({
  id: 'closeQuestionnaire',
  method: 'POST',
  path: '/api/engagements/:id/questionnaires/:questionnaireId/close',
  tag: 'research',
  summary: { zh: '结束问卷收集', en: 'Stop collecting responses' },
  description: 'Links not yet used stop working; results stay. Closing a closed questionnaire answers it as it is.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: true },
  params: questionnaireParams,
  responses: { 200: questionnaireSchema },
  errors: ['engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
});

export const issueQuestionnaireLinks = defineOperation({
  id: 'issueQuestionnaireLinks',
  method: 'POST',
  path: '/api/engagements/:id/questionnaires/:questionnaireId/links',
  tag: 'research',
  summary: { zh: '生成填写链接', en: 'Issue answer links' },
  description:
    'Single-use links for respondents, who answer without signing in. Each token is shown in this response only (the server keeps its hash): hand them out at once. `community` (a community’s key) makes every response through them speak for that community.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: questionnaireParams,
  body: z
    .object({ count: z.number().int().min(1).max(500), community: planKeySchema.nullable().default(null).meta({ description: 'The key of one of the engagement’s communities' }) })
    .strict()
    .meta({ id: 'IssueQuestionnaireLinksBody' }),
  responses: {
    201: z
      .object({
        links: z.array(z.object({ id: idSchema, token: line(100), path: line(200) }).strict()).max(500),
        community: placeSchema.nullable(),
      })
      .strict()
      .meta({ id: 'IssuedQuestionnaireLinks' }),
  },
  errors: [...WRITE_ERRORS, 'questionnaire_closed'],
});

export const recordQuestionnaireResponse = defineOperation({
  id: 'recordQuestionnaireResponse',
  method: 'POST',
  path: '/api/engagements/:id/questionnaires/:questionnaireId/responses',
  tag: 'research',
  summary: { zh: '录入纸质问卷或访谈答卷', en: 'Enter a response from a paper form or an interview' },
  description:
    'A lawyer types in a respondent’s answers; `answeredOn` is the day they were given (not after today). 422 names each answer that does not fit its question as `answers.<question key>`. With `idempotencyKey`, a retry answers with the same response (201 again); the key with other answers is 409 `conflict`.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: questionnaireParams,
  body: z
    .object({
      community: planKeySchema.nullable().default(null).meta({ description: 'The key of one of the engagement’s communities' }),
      answeredOn: civilDateSchema,
      answers: answersSchema,
      idempotencyKey: idempotencyKeySchema.optional(),
    })
    .strict()
    .meta({ id: 'RecordQuestionnaireResponseBody' }),
  responses: { 201: z.object({ id: idSchema, version: z.number().int().min(1) }).strict().meta({ id: 'RecordedQuestionnaireResponse' }) },
  errors: [...WRITE_ERRORS, 'questionnaire_closed', 'conflict'],
});

// ─── Symposiums, interviews and the community problems they raised ─────────────────────────

export const researchSessionKindSchema = z.enum(RESEARCH_SESSION_KINDS).meta({ id: 'ResearchSessionKind', description: '`symposium`: 座谈会; `interview`: 访谈' });

const violationKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).meta({ description: 'The key of a violation in the engagement’s knowledge base (`GET /api/engagements/{id}/knowledge`)' });

export const violationRefSchema = z
  .object({ key: line(100), title: line(300), unverified: z.boolean() })
  .strict()
  .meta({ id: 'ViolationRef', description: 'A catalogue violation of the engagement’s knowledge base; `unverified`: its legal content is 待核实' });

const problemTagShape = {
  violation: violationRefSchema.nullable().meta({ description: 'The catalogue violation a lawyer tagged it with; null while untagged or outside the catalogue' }),
  outsideCatalogue: z.boolean().meta({ description: 'A lawyer decided no catalogue violation fits' }),
  taggedBy: userRefSchema.nullable(),
  taggedAt: instantSchema.nullable(),
};

export const sessionProblemSchema = z
  .object({ id: idSchema, description: line(500), ...problemTagShape })
  .strict()
  .meta({ id: 'SessionProblem' });

export const researchSessionSchema = z
  .object({
    id: idSchema,
    engagementId: idSchema,
    kind: researchSessionKindSchema,
    community: placeSchema.nullable().meta({ description: 'null: held for the street (township) as a whole' }),
    heldOn: civilDateSchema,
    place: line(200),
    participants: line(1000),
    headcount: z.number().int().min(1).nullable(),
    notes: prose(20_000),
    problems: z.array(sessionProblemSchema).max(MAX_PROBLEMS_PER_SESSION),
    version: z.number().int().min(1),
    createdBy: userRefSchema.nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    can: z.object({ revise: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: 'ResearchSession' });

export const researchSessionBodySchema = z
  .object({
    kind: researchSessionKindSchema,
    community: planKeySchema.nullable().default(null).meta({ description: 'The key of one of the engagement’s communities; null for the street (township) as a whole' }),
    heldOn: civilDateSchema.meta({ description: 'The day it was held: not after today' }),
    place: line(200),
    participants: line(1000).meta({ description: 'Who took part: units, offices, roles' }),
    headcount: z.number().int().min(1).max(10_000).nullable().default(null),
    notes: prose(20_000).default(''),
    problems: z
      .array(
        z
          .object({
            id: idSchema.optional().meta({ description: 'A problem already on the session (revisions only), to keep it; omit for a new one' }),
            description: line(500),
            violation: violationKeySchema.nullable().optional().meta({ description: 'The catalogue violation; null for none. Left out on a kept problem: its tag stays as it is' }),
            outsideCatalogue: z.boolean().optional().meta({ description: 'No catalogue violation fits. Left out: false for a new problem, unchanged for a kept one' }),
          })
          .strict(),
      )
      .max(MAX_PROBLEMS_PER_SESSION)
      .default([])
      .meta({ description: 'The problems raised, each optionally tagged with a catalogue violation (or marked outside the catalogue). On a revision the list replaces the session’s: problems left out are removed.' }),
  })
  .strict()
  .meta({ id: 'ResearchSessionBody' });

const sessionParams = z.object({ id: idSchema, sessionId: idSchema }).strict();
const problemParams = z.object({ id: idSchema, problemId: idSchema }).strict();
const FIRM_TEAM = ['pm', 'partner', 'lawyer'] as const;

export const listResearchSessions = defineOperation({
  id: 'listResearchSessions',
  method: 'GET',
  path: '/api/engagements/:id/research-sessions',
  tag: 'research',
  summary: { zh: '座谈会与访谈记录', en: 'The engagement’s symposiums and interviews' },
  description: 'In the order held. The firm’s working notes: not shown to the client contact.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: [...FIRM_TEAM], admins: true },
  params: engagementParams,
  responses: { 200: z.object({ items: z.array(researchSessionSchema).max(2000), can: z.object({ record: z.boolean() }).strict() }).strict() },
});

export const recordResearchSession = defineOperation({
  id: 'recordResearchSession',
  method: 'POST',
  path: '/api/engagements/:id/research-sessions',
  tag: 'research',
  summary: { zh: '记录座谈会或访谈', en: 'Record a symposium or an interview' },
  description:
    'Written by the engagement’s field-research workflow as version 1, with its problems. 422 names each field that does not fit: a community or violation the engagement does not have, `heldOn` after today, a problem both tagged and outside the catalogue. With `idempotencyKey`, a retry answers with the same record (201 again); the key with another body is 409 `conflict`.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: engagementParams,
  body: researchSessionBodySchema.extend({ idempotencyKey: idempotencyKeySchema.optional() }).strict().meta({ id: 'RecordResearchSessionBody' }),
  responses: { 201: researchSessionSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
  links: {
    getResearchSession: { operationId: 'getResearchSession', parameters: { id: '$response.body#/engagementId', sessionId: '$response.body#/id' } },
    reviseResearchSession: { operationId: 'reviseResearchSession', parameters: { id: '$response.body#/engagementId', sessionId: '$response.body#/id' } },
  },
});

export const getResearchSession = defineOperation({
  id: 'getResearchSession',
  method: 'GET',
  path: '/api/engagements/:id/research-sessions/:sessionId',
  tag: 'research',
  summary: { zh: '一次座谈会或访谈的记录', en: 'A symposium or interview record' },
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: [...FIRM_TEAM], admins: true },
  params: sessionParams,
  responses: { 200: researchSessionSchema },
});

export const reviseResearchSession = defineOperation({
  id: 'reviseResearchSession',
  method: 'PUT',
  path: '/api/engagements/:id/research-sessions/:sessionId',
  tag: 'research',
  summary: { zh: '修改座谈会或访谈记录', en: 'Revise a symposium or interview record' },
  description:
    'Replaces the record and its problem list (a new version): problems named by `id` are kept (their tag too, unless the body gives one), problems left out are removed. 409 `conflict` when `expectedVersion` is not the current one (tagging a problem makes a new version too); 422 `problems.N.id` for an id that is not one of this record’s problems.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: sessionParams,
  body: researchSessionBodySchema.extend({ expectedVersion: z.number().int().min(1).max(1_000_000) }).strict().meta({ id: 'ReviseResearchSessionBody' }),
  responses: { 200: researchSessionSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
});

export const communityProblemSchema = z
  .object({
    id: idSchema,
    description: line(500),
    community: placeSchema.nullable(),
    session: z.object({ id: idSchema, kind: researchSessionKindSchema, heldOn: civilDateSchema }).strict(),
    ...problemTagShape,
  })
  .strict()
  .meta({ id: 'CommunityProblem' });

export const listCommunityProblems = defineOperation({
  id: 'listCommunityProblems',
  method: 'GET',
  path: '/api/engagements/:id/community-problems',
  tag: 'research',
  summary: { zh: '社区问题清单', en: 'The engagement’s community problems' },
  description:
    'Every problem the symposiums and interviews raised, in the order raised, and the tally per catalogue violation (most widespread first) that the research report, the joint-enforcement plan and the open letters are drafted from.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: [...FIRM_TEAM], admins: true },
  params: engagementParams,
  responses: {
    200: z
      .object({
        items: z.array(communityProblemSchema).max(20_000),
        byViolation: z.array(z.object({ violation: violationRefSchema, problems: z.number().int().min(1), communities: z.array(placeSchema).max(1000) }).strict()).max(1000),
        untagged: z.number().int().min(0),
        outsideCatalogue: z.number().int().min(0),
        can: z.object({ tag: z.boolean() }).strict(),
      })
      .strict()
      .meta({ id: 'CommunityProblemList' }),
  },
});

export const tagCommunityProblem = defineOperation({
  id: 'tagCommunityProblem',
  method: 'PUT',
  path: '/api/engagements/:id/community-problems/:problemId/tag',
  tag: 'research',
  summary: { zh: '标注问题对应的违法行为', en: 'Tag a problem with a catalogue violation' },
  description: '`violation` null and `outsideCatalogue` false takes the tag off. The problem’s record gets a new version. 422 for a violation the engagement’s knowledge base does not have, or both set.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: problemParams,
  body: z.object({ violation: violationKeySchema.nullable(), outsideCatalogue: z.boolean().default(false) }).strict().meta({ id: 'TagCommunityProblemBody' }),
  responses: { 200: communityProblemSchema },
  errors: [...WRITE_ERRORS],
});

// ─── Community profiles (社区概况): what each self-governance handbook is drafted from ─────────

const headcountSchema = z.number().int().min(0).max(1_000_000);
const optionalLine = (max: number) => line(max).nullable().default(null);

export const communityProfileDetailsSchema = z
  .object({
    partyOrganization: line(100).meta({ description: 'The Party organisation that leads the community, e.g. 中共和平里北社区委员会' }),
    households: headcountSchema.meta({ description: 'Households (户)' }),
    residents: headcountSchema.meta({ description: 'Residents (人)' }),
    residentGroups: z.number().int().min(0).max(1000).nullable().default(null).meta({ description: 'Resident groups (居民小组); null when not known' }),
    committeeMembers: z
      .array(z.object({ name: line(30), position: line(30).meta({ description: '主任、副主任、委员…' }) }).strict())
      .max(COMMUNITY_PROFILE_LIMITS.committeeMembers)
      .default([])
      .meta({ description: 'The residents’ committee, in the order the handbook lists them' }),
    subCommittees: z.array(line(50)).max(COMMUNITY_PROFILE_LIMITS.subCommittees).default([]).meta({ description: 'Sub-committees of the residents’ committee, e.g. 人民调解委员会' }),
    compounds: z
      .array(
        z
          .object({
            name: line(100),
            type: optionalLine(30).meta({ description: '商品房小区, 老旧小区, 回迁安置房, 单位宿舍, 保障性住房, 平房院落 or another' }),
            households: z.number().int().min(0).max(100_000).nullable().default(null),
            ownersBody: optionalLine(30).meta({ description: '业主委员会 or 物业管理委员会; null: none formed' }),
            propertyCompany: optionalLine(100).meta({ description: 'The property service company, or 无物业（居委会托管）; null when not known' }),
          })
          .strict(),
      )
      .max(COMMUNITY_PROFILE_LIMITS.compounds)
      .default([])
      .meta({ description: 'Residential compounds (小区、院落)' }),
    mediation: z
      .object({
        members: z.array(line(30)).max(COMMUNITY_PROFILE_LIMITS.mediators).default([]),
        venue: line(100).meta({ description: 'Where the mediation committee sits' }),
        phone: optionalLine(30),
      })
      .strict()
      .meta({ description: 'The people’s mediation committee (人民调解委员会)' }),
    features: z.array(line(1000)).max(COMMUNITY_PROFILE_LIMITS.features).default([]).meta({ description: 'What research found in this community, one paragraph each' }),
  })
  .strict()
  .meta({ id: 'CommunityProfileDetails' });

export const communityProfileSchema = z
  .object({
    engagementId: idSchema,
    community: placeSchema,
    profile: communityProfileDetailsSchema.nullable().meta({ description: 'null: not recorded yet' }),
    version: z.number().int().min(0).meta({ description: '0 while nothing is recorded' }),
    updatedBy: userRefSchema.nullable(),
    updatedAt: instantSchema.nullable(),
    can: z.object({ edit: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: 'CommunityProfile' });

const profileParams = z.object({ id: idSchema, community: planKeySchema }).strict();

export const listCommunityProfiles = defineOperation({
  id: 'listCommunityProfiles',
  method: 'GET',
  path: '/api/engagements/:id/community-profiles',
  tag: 'research',
  summary: { zh: '各社区概况', en: 'Each community’s profile' },
  description: 'Every community of the engagement in plan order, with its profile (社区概况) when one is recorded: what its self-governance handbook (社区规范管理自治手册) is generated from.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: [...FIRM_TEAM], admins: true },
  params: engagementParams,
  responses: { 200: z.object({ items: z.array(communityProfileSchema).max(1000) }).strict().meta({ id: 'CommunityProfileList' }) },
});

export const saveCommunityProfile = defineOperation({
  id: 'saveCommunityProfile',
  method: 'PUT',
  path: '/api/engagements/:id/community-profiles/:community',
  tag: 'research',
  summary: { zh: '填写或修改社区概况', en: 'Record or revise a community’s profile' },
  description:
    'Written by the engagement’s field-research workflow as a new version. `expectedVersion` is the version edited: 0 for the first. 409 `conflict` when someone saved meanwhile; 404 for a community the engagement does not have.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: profileParams,
  body: communityProfileDetailsSchema.extend({ expectedVersion: z.number().int().min(0).max(1_000_000) }).strict().meta({ id: 'SaveCommunityProfileBody' }),
  responses: { 200: communityProfileSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
});

// ─── Respondents, without an account ────────────────────────────────────────────────────────

const linkParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }).strict();

export const getPublicQuestionnaire = defineOperation({
  id: 'getPublicQuestionnaire',
  method: 'GET',
  path: '/api/public/questionnaires/:token',
  tag: 'research',
  summary: { zh: '填写问卷（无需登录）', en: 'A questionnaire to answer (no sign-in)' },
  description: 'What a respondent sees: who asks, the questions. 404 for an unknown token; 409 `link_used` once answered, `questionnaire_closed` once closed.',
  permission: { auth: 'public' },
  params: linkParams,
  responses: {
    200: z
      .object({
        title: line(200),
        intro: prose(2000),
        /** Who asks: the client government (its intro names the firm's project team). */
        askedBy: line(300),
        community: line(100).nullable(),
        questions: z.array(questionSchemaDoc).max(MAX_QUESTIONS),
      })
      .strict()
      .meta({ id: 'PublicQuestionnaire' }),
  },
  errors: ['link_used', 'questionnaire_closed'],
});

export const submitPublicQuestionnaire = defineOperation({
  id: 'submitPublicQuestionnaire',
  method: 'POST',
  path: '/api/public/questionnaires/:token',
  tag: 'research',
  summary: { zh: '提交问卷（无需登录）', en: 'Send the answers (no sign-in)' },
  description:
    'One response per link: a second one is 409 `link_used`. 422 names each answer that does not fit its question as `answers.<question key>`; nothing is recorded then and the link stays usable.',
  permission: { auth: 'public' },
  params: linkParams,
  body: z.object({ answers: answersSchema }).strict().meta({ id: 'SubmitPublicQuestionnaireBody' }),
  responses: { 201: z.object({ received: z.literal(true) }).strict() },
  errors: ['form_invalid', 'link_used', 'questionnaire_closed', 'temporarily_unavailable'],
});
