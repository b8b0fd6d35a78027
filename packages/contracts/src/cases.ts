import { z } from 'zod';
import { CASE_ACTION_TYPES, CASE_EVENT_KINDS, CASE_STATUSES, CASE_STEPS, MAX_CASE_PERIOD_DAYS, SUPERVISION_LEVELS, TIERS, type TimedCaseStep } from '@gongzhi/domain';
import { civilDateSchema, idempotencyKeySchema, idSchema, instantSchema, line, placeSchema, prose, userRefSchema, ENGAGEMENT_WRITE_ERRORS, engagementParamsSchema } from './common';
import { planKeySchema } from './domain-schemas';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';
import { violationRefSchema } from './research';

// Community problem cases (stage 6, 良性互动机制): each problem handled through 德治 → 自治 → 法治 by
// its own workflow, with graded supervision (督办) as deadlines pass.

export const caseTierSchema = z.enum(TIERS).meta({ id: 'CaseTier', description: '`moral`: 德治 (open letter, persuasion); `self-governance`: 自治 (the residents’ convention, mediation); `rule-of-law`: 法治 (referral to the department)' });
export const caseStepSchema = z.enum(CASE_STEPS).meta({
  id: 'CaseStep',
  description:
    '`letter`: publish the open letter; `measures`: apply the convention; `observation`: waiting out the observation period; `review`: 复查研判; `referral`: refer to the department; `acceptance`: the department accepts or sends back; `reply`: its action and reply; `verification`: 核查 of a proposed resolution; `deferred`: 挂账 until the review date',
});
export const caseStatusSchema = z.enum(CASE_STATUSES).meta({ id: 'CaseStatus' });
export const supervisionLevelSchema = z.enum(SUPERVISION_LEVELS).meta({ id: 'SupervisionLevel', description: '`yellow`: the step’s deadline has passed (the PM is told); `red`: it is some business days further past (the client’s contact is told too)' });
export const caseActionTypeSchema = z.enum(CASE_ACTION_TYPES).meta({ id: 'CaseActionType' });

const periodDays = z.number().int().min(0).max(MAX_CASE_PERIOD_DAYS);
/** One field per timed step (TIMED_CASE_STEPS), spelled out so clients see each key. */
const periodShape = {
  letter: periodDays,
  measures: periodDays,
  observation: periodDays,
  review: periodDays,
  referral: periodDays,
  acceptance: periodDays,
  reply: periodDays,
  verification: periodDays,
  redAfter: periodDays,
} satisfies Record<TimedCaseStep | 'redAfter', z.ZodNumber>;

const casePeriodsSchema = z
  .object(periodShape)
  .strict()
  .meta({ id: 'CasePeriods', description: 'Business days per step, fixed when the case was reported; `redAfter`: business days past a deadline before the yellow card turns red' });

export const caseSummarySchema = z
  .object({
    id: idSchema,
    engagementId: idSchema,
    title: line(200),
    place: line(200),
    community: placeSchema,
    violation: violationRefSchema.nullable().meta({ description: 'The catalogue violation; null: outside the catalogue' }),
    tier: caseTierSchema,
    step: caseStepSchema,
    status: caseStatusSchema,
    supervision: supervisionLevelSchema,
    stepStartedOn: civilDateSchema,
    dueOn: civilDateSchema.meta({ description: 'The last day of the step in hand (observation: the day it ends; deferred: the review date)' }),
    businessDaysLeft: z.number().int().nullable().meta({ description: 'Business days to `dueOn` from today (negative: overdue); null once closed' }),
    department: line(100).nullable().meta({ description: 'The department the case is referred to' }),
    reportedOn: civilDateSchema,
    reportedBy: userRefSchema,
    resolvedTier: caseTierSchema.nullable().meta({ description: 'The tier at which it was resolved (or is proposed resolved)' }),
    version: z.number().int().min(1),
    updatedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'CaseSummary' });

const detailValue = z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]);

export const caseEventSchema = z
  .object({
    seq: z.number().int().min(1),
    kind: z.enum(CASE_EVENT_KINDS),
    on: civilDateSchema.meta({ description: 'The day it happened' }),
    tier: caseTierSchema,
    step: caseStepSchema.meta({ description: 'The step after the event' }),
    actor: userRefSchema.nullable().meta({ description: 'null: time did it (an observation period over, a deadline passed)' }),
    department: line(100).nullable(),
    details: z.record(z.string(), detailValue).meta({ description: 'What was recorded: the channel, the clause, the reason, the level …' }),
    voided: z.boolean().meta({ description: 'A 督办 card a later record shows was not owed: the step’s closing action is dated within its deadline (history entered late)' }),
    recordedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'CaseEvent' });

export const caseDetailSchema = caseSummarySchema
  .extend({
    description: prose(5000),
    resolution: prose(5000).nullable(),
    verifiedBy: userRefSchema.nullable(),
    sourceProblemId: idSchema.nullable().meta({ description: 'The field-research problem it was opened from' }),
    letter: z
      .object({ documentId: idSchema, fileName: line(300) })
      .strict()
      .nullable()
      .meta({ description: 'The 倡议书 (.docx) drafted from the case and the catalogue when it opened at 德治 (`downloadCaseLetter`); null until drafted, and for a case opened at a later tier' }),
    periods: casePeriodsSchema,
    events: z.array(caseEventSchema).max(2000),
    can: z
      .object({ actions: z.array(caseActionTypeSchema).max(CASE_ACTION_TYPES.length).meta({ description: 'What the caller may do at the case’s step now' }) })
      .strict(),
  })
  .strict()
  .meta({ id: 'Case' });

const WRITE_ERRORS = ENGAGEMENT_WRITE_ERRORS;
const engagementParams = engagementParamsSchema;
const caseParams = z.object({ id: idSchema, caseId: idSchema }).strict();

export const listCases = defineOperation({
  id: 'listCases',
  method: 'GET',
  path: '/api/engagements/:id/cases',
  tag: 'cases',
  summary: { zh: '问题案件列表', en: 'Community problem cases' },
  description: 'Newest reported first (at most 500). Filter by `status`, `community` (key) or `supervision` (`yellow`, `red`).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  query: z
    .object({
      status: caseStatusSchema.optional(),
      community: planKeySchema.optional(),
      supervision: supervisionLevelSchema.optional(),
    })
    .strict(),
  responses: { 200: z.object({ items: z.array(caseSummarySchema).max(500) }).strict().meta({ id: 'CaseList' }) },
});

export const reportCase = defineOperation({
  id: 'reportCase',
  method: 'POST',
  path: '/api/engagements/:id/cases',
  tag: 'cases',
  summary: { zh: '报告社区问题（立案）', en: 'Report a community problem as a case' },
  description:
    'Starts the case’s workflow at 德治 (or, for the firm’s team, the tier given), with the engagement’s periods. From a field-research problem (`problem`), its community and violation are the problem’s unless given; a problem becomes one case (422 on a second). 422 names each field that does not fit. With `idempotencyKey`, a retry answers with the same case (201 again).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer', 'client'], admins: true },
  params: engagementParams,
  body: z
    .object({
      community: planKeySchema.optional().meta({ description: 'The key of one of the engagement’s communities (required unless `problem` names one)' }),
      title: line(200),
      description: prose(5000),
      place: line(200).meta({ description: 'Where: building, courtyard, street section' }),
      violation: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,99}$/)
        .nullable()
        .optional()
        .meta({ description: 'The key of a violation in the engagement’s knowledge base; null: outside the catalogue' }),
      problem: idSchema.nullable().default(null).meta({ description: 'The field-research problem it comes from' }),
      reportedOn: civilDateSchema.optional().meta({ description: 'The day it was reported: not after today; default today' }),
      tier: caseTierSchema.optional().meta({ description: 'The tier to start at (the firm’s team only); default `moral`' }),
      idempotencyKey: idempotencyKeySchema.optional(),
    })
    .strict()
    .meta({ id: 'ReportCaseBody' }),
  responses: { 201: caseDetailSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
  links: {
    getCase: { operationId: 'getCase', parameters: { id: '$response.body#/engagementId', caseId: '$response.body#/id' } },
    actOnCase: { operationId: 'actOnCase', parameters: { id: '$response.body#/engagementId', caseId: '$response.body#/id' } },
  },
});

export const getCase = defineOperation({
  id: 'getCase',
  method: 'GET',
  path: '/api/engagements/:id/cases/:caseId',
  tag: 'cases',
  summary: { zh: '案件详情与办理记录', en: 'A case and its history' },
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: caseParams,
  responses: { 200: caseDetailSchema },
});

const on = civilDateSchema.meta({ description: 'The day it happened: not after today, not before the step in hand began' });
const optionalNote = prose(2000).optional();
const action = <T extends z.ZodRawShape>(type: (typeof CASE_ACTION_TYPES)[number], shape: T) =>
  z.object({ type: z.literal(type), on, ...shape, idempotencyKey: idempotencyKeySchema.optional() }).strict();

export const caseActionBodySchema = z
  .discriminatedUnion('type', [
    action('publishLetter', {
      channel: line(200).meta({ description: 'Where it was published: 楼门张贴, 居民微信群, 入户发放 …' }),
      approvedBy: line(100).optional().meta({ description: 'Who approved its text before it went out (the residents’ committee’s director, the street office’s contact …)' }),
      note: optionalNote,
    }),
    action('logVisit', { visitor: line(100), visited: line(200).meta({ description: 'Who was visited (household, shop)' }), note: optionalNote }),
    action('applyMeasures', { clause: line(200).meta({ description: 'The clause of the community’s adopted convention applied' }), measures: line(2000) }),
    action('recordMediation', { parties: line(200), outcome: z.enum(['agreed', 'not_agreed']), note: optionalNote }),
    action('endObservation', { note: optionalNote }),
    action('escalate', { reason: line(2000) }),
    action('refer', { department: line(100).meta({ description: 'The department referred to (the catalogue’s enforcer by default in the dashboard)' }), note: optionalNote }),
    action('accept', { handler: line(100).optional(), note: optionalNote }),
    action('sendBack', { reason: line(2000) }),
    action('reply', { action: line(2000).meta({ description: 'What the department did' }), reply: line(2000).meta({ description: 'Its reply to the street office' }) }),
    action('resolve', { summary: line(2000) }),
    action('verify', { passed: z.boolean(), note: line(2000).meta({ description: 'What was checked on site' }) }),
    action('defer', { reason: line(2000), reviewOn: civilDateSchema.meta({ description: 'When it comes back: after today' }) }),
    action('resume', { note: optionalNote }),
    action('withdraw', { reason: line(2000) }),
  ])
  .meta({ id: 'CaseAction' });

export const actOnCase = defineOperation({
  id: 'actOnCase',
  method: 'POST',
  path: '/api/engagements/:id/cases/:caseId/actions',
  tag: 'cases',
  summary: { zh: '办理案件（发布倡议书、移送、答复、核查、挂账……）', en: 'Act on a case (publish the letter, refer, reply, verify, defer …)' },
  description:
    'One action, decided by the case’s workflow against its step now: 409 `case_wrong_step` when the step does not take it, `case_closed` once closed; 403 `case_not_allowed` for the reporter’s own verification; 422 for a date after today or before the step began. The client’s contact may verify only; a cancelled engagement’s case can only be withdrawn. With `idempotencyKey`, a retry is the same action once (200 again, even after it closed the case); the key with another body is 409 `conflict`.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: caseParams,
  body: caseActionBodySchema,
  responses: { 200: caseDetailSchema },
  errors: [...WRITE_ERRORS, 'case_closed', 'case_wrong_step', 'case_not_allowed', 'conflict'],
});

export const downloadCaseReferralLetter = defineOperation({
  id: 'downloadCaseReferralLetter',
  method: 'GET',
  path: '/api/engagements/:id/cases/:caseId/referral-letters/:documentId',
  tag: 'cases',
  summary: { zh: '下载案件移送函', en: 'Download a case’s referral letter' },
  description:
    'The 案件移送函 (.docx) drafted when the case was referred (the `packetId` of its `referred` event), checked against its SHA-256 before it is sent: facts, the steps the moral and self-governance tiers took, the violation with its provisions and enforcer from the catalogue (flagged 待核实 as the knowledge flags them), time limits and the receipt the department returns.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: z.object({ id: idSchema, caseId: idSchema, documentId: idSchema }).strict(),
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .docx bytes' }) },
});

export const downloadCaseLetter = defineOperation({
  id: 'downloadCaseLetter',
  method: 'GET',
  path: '/api/engagements/:id/cases/:caseId/letter',
  tag: 'cases',
  summary: { zh: '下载案件倡议书', en: 'Download a case’s open letter' },
  description:
    'The 倡议书 (.docx) drafted when the case opened at 德治, checked against its SHA-256 before it is sent: the problem at its place, the catalogue item’s prohibiting provisions (flagged 待核实 as the knowledge flags them), what residents are asked to do, in the residents’ committee’s name — a draft for the team to edit, have approved and publish. 404 while it is being drafted and for a case opened at a later tier.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: caseParams,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .docx bytes' }) },
});

const stepDays = z.number().int().min(1).max(MAX_CASE_PERIOD_DAYS).optional();
const partialPeriodsSchema = z
  .object({ ...Object.fromEntries(Object.keys(periodShape).map((step) => [step, stepDays])), redAfter: periodDays.optional() } as { [K in keyof typeof periodShape]: z.ZodOptional<z.ZodNumber> })
  .strict()
  .meta({ id: 'CasePeriodOverrides', description: 'Business days for the steps given; the rest as the level above says' });
const violationKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);

export const caseSettingsSchema = z
  .object({
    engagementId: idSchema,
    /** The periods a case of no listed violation runs on: the engagement's, over the firm's defaults. */
    periods: casePeriodsSchema,
    defaults: partialPeriodsSchema.meta({ description: 'What the engagement sets over the firm’s defaults' }),
    byViolation: z.record(violationKeySchema, partialPeriodsSchema).meta({ description: 'Per catalogue violation key, over the engagement’s periods' }),
    version: z.number().int().min(0).meta({ description: '0 while the engagement runs on the firm’s defaults' }),
    updatedBy: userRefSchema.nullable(),
    updatedAt: instantSchema.nullable(),
    can: z.object({ edit: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: 'CaseSettings' });

export const getCaseSettings = defineOperation({
  id: 'getCaseSettings',
  method: 'GET',
  path: '/api/engagements/:id/case-settings',
  tag: 'cases',
  summary: { zh: '案件办理时限', en: 'Case periods' },
  description: 'The business days each case step is given, and how long past a deadline a yellow card turns red: the firm’s defaults, the engagement’s own, and per violation type. A case keeps the periods in force when it was reported.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responses: { 200: caseSettingsSchema },
});

export const saveCaseSettings = defineOperation({
  id: 'saveCaseSettings',
  method: 'PUT',
  path: '/api/engagements/:id/case-settings',
  tag: 'cases',
  summary: { zh: '设置案件办理时限', en: 'Set the case periods' },
  description:
    'Written by the engagement’s case-settings workflow as a new version. `expectedVersion` is the version edited (0 for the first); 409 `conflict` when someone saved meanwhile; 422 for a violation the engagement’s knowledge does not have. Cases already reported keep their periods.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: true },
  params: engagementParams,
  body: z
    .object({ defaults: partialPeriodsSchema.default({}), byViolation: z.record(violationKeySchema, partialPeriodsSchema).default({}), expectedVersion: z.number().int().min(0).max(1_000_000) })
    .strict()
    .meta({ id: 'SaveCaseSettingsBody' }),
  responses: { 200: caseSettingsSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
});

export const departmentScorecardSchema = z
  .object({
    department: line(100),
    referred: z.number().int().min(0),
    accepted: z.number().int().min(0),
    acceptedOnTime: z.number().int().min(0),
    sentBack: z.number().int().min(0),
    replied: z.number().int().min(0),
    repliedOnTime: z.number().int().min(0),
    overdueNow: z.number().int().min(0).meta({ description: 'Cases with it now past their acceptance or reply deadline' }),
    yellowCards: z.number().int().min(0),
    redCards: z.number().int().min(0),
  })
  .strict()
  .meta({ id: 'DepartmentScorecard' });

export const listDepartmentScorecards = defineOperation({
  id: 'listDepartmentScorecards',
  method: 'GET',
  path: '/api/engagements/:id/case-scorecards',
  tag: 'cases',
  summary: { zh: '职能部门办理情况', en: 'Department scorecards' },
  description: 'Per department the engagement’s cases were referred to: referred, accepted (on time), sent back, replied (on time), overdue now, and the yellow and red cards at its own steps.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responses: { 200: z.object({ items: z.array(departmentScorecardSchema).max(1000) }).strict().meta({ id: 'DepartmentScorecardList' }) },
});

const tierFigureSchema = z.object({ reached: z.number().int().min(0), resolved: z.number().int().min(0), rate: z.number().min(0).max(1).nullable() }).strict();
const caseFigureGroupShape = {
  reported: z.number().int().min(0),
  open: z.number().int().min(0),
  resolved: z.number().int().min(0),
  withdrawn: z.number().int().min(0),
  tiers: z
    .object(Object.fromEntries(TIERS.map((tier) => [tier, tierFigureSchema])) as Record<(typeof TIERS)[number], typeof tierFigureSchema>)
    .strict()
    .meta({ description: 'Per tier: the cases that reached it, those resolved at it, and that share of those that reached it' }),
  days: z
    .object({ median: z.number().min(0).nullable(), p90: z.number().min(0).nullable() })
    .strict()
    .meta({ description: 'Calendar days from the report to the verified resolution (median; 90th percentile, nearest rank); null with no resolved case' }),
};

export const caseFiguresSchema = z
  .object({
    overall: z.object(caseFigureGroupShape).strict(),
    byCommunity: z.array(z.object({ community: line(100), ...caseFigureGroupShape }).strict()).meta({ description: 'Every community of the engagement, in its order' }),
    byViolation: z.array(z.object({ violation: violationRefSchema.nullable().meta({ description: 'null: problems outside the catalogue' }), ...caseFigureGroupShape }).strict()).meta({ description: 'Most reported first' }),
  })
  .strict()
  .meta({ id: 'CaseFigures' });

export const getCaseFigures = defineOperation({
  id: 'getCaseFigures',
  method: 'GET',
  path: '/api/engagements/:id/case-figures',
  tag: 'cases',
  summary: { zh: '案件统计', en: 'Case figures' },
  description:
    'How far the cases had to go and how fast they were resolved: per tier the cases that reached it and the share it resolved, the days from report to verified resolution (median and 90th percentile), overall, per community and per violation type.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responses: { 200: caseFiguresSchema },
});
