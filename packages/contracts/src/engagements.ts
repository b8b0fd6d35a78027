import { z } from 'zod';
import { CLIENT_KINDS, ENGAGEMENT_STATUSES, STAGE_STATUSES, localizedTextSchema, workerRoleSchema } from '@gongzhi/domain';
import {
  civilDateSchema,
  idParamsSchema,
  idSchema,
  instantSchema,
  line,
  idempotencyKeySchema,
  pageOf,
  pageQueryShape,
  placeSchema,
  progressSchema,
  prose,
  queryList,
  startDateSchema,
  userRefSchema,
} from './common';
import { deliverableSummarySchema } from './deliverables';
import { planKeySchema, taskStatusSchema, templateKeySchema } from './domain-schemas';
import { defineOperation, linksById } from './operation';
import { ALL_TEAM_ROLES } from './permissions';
import { taskSummarySchema } from './tasks';

export const engagementStatusSchema = z.enum(ENGAGEMENT_STATUSES).meta({ id: 'EngagementStatus' });
export const stageStatusSchema = z.enum(STAGE_STATUSES).meta({ id: 'StageStatus' });
/** 街道办事处 street office or 乡镇政府 township government. */
export const clientKindSchema = z.enum(CLIENT_KINDS).meta({ id: 'ClientKind' });

export const stageStepSchema = z
  .object({
    key: templateKeySchema,
    title: localizedTextSchema,
    status: stageStatusSchema,
    progress: progressSchema,
    plannedStart: civilDateSchema,
    plannedEnd: civilDateSchema,
    /** Active past its planned end: the portfolio's risk signal. */
    isStalled: z.boolean(),
  })
  .strict()
  .meta({ id: 'StageStep' });

export const engagementSummarySchema = z
  .object({
    id: idSchema,
    name: line(200),
    clientName: line(200),
    clientKind: clientKindSchema,
    status: engagementStatusSchema,
    templateKey: templateKeySchema,
    templateVersion: z.number().int().min(1),
    startDate: civilDateSchema,
    plannedEndDate: civilDateSchema,
    stages: z.array(stageStepSchema).max(50),
    progress: progressSchema,
    overdueTaskCount: z.number().int().min(0),
    nextDeadline: z.object({ date: civilDateSchema, taskId: idSchema, title: localizedTextSchema }).strict().nullable(),
    /** The caller's role on this engagement's team; null for admins who are not on it. */
    myRole: workerRoleSchema.nullable(),
    /**
     * Set while the engagement needs attention: a write its workflow could not make after every
     * retry (the database down, data it refuses). Work waits until an admin retries (`retryEngagement`).
     */
    attention: z
      .object({
        /** What the workflow was recording, e.g. `recordTaskCompletion`. */
        activity: line(100),
        /** The last error, as reported. */
        reason: prose(2000),
        since: instantSchema,
      })
      .strict()
      .nullable(),
    updatedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'EngagementSummary' });

export const teamSchema = z
  .object({ pm: userRefSchema, partner: userRefSchema, lawyers: z.array(userRefSchema).min(1).max(20), client: userRefSchema.nullable() })
  .strict()
  .meta({ id: 'Team' });

export const engagementStageSchema = stageStepSchema
  .extend({
    order: z.number().int().min(0),
    summary: localizedTextSchema,
    /** Stages that must be done before this one opens. */
    after: z.array(templateKeySchema).max(50),
    gate: z.object({ title: localizedTextSchema, signOff: z.array(workerRoleSchema).max(4) }).strict().nullable(),
  })
  .strict()
  .meta({ id: 'EngagementStage' });

const taskCountsShape = Object.fromEntries(taskStatusSchema.options.map((status) => [status, z.number().int().min(0)])) as Record<
  z.infer<typeof taskStatusSchema>,
  z.ZodNumber
>;

export const engagementDetailSchema = engagementSummarySchema
  .extend({
    stages: z.array(engagementStageSchema).max(50),
    communities: z
      .array(z.object({ id: idSchema.meta({ description: 'What an adoption procedure names as its community' }), key: line(100), name: line(100) }).strict().meta({ id: 'EngagementCommunity' }))
      .max(50),
    departments: z.array(placeSchema).max(50),
    team: teamSchema,
    /** Community × stage progress; a cell is null where the stage has no per-community work. */
    matrix: z
      .array(
        z
          .object({
            community: placeSchema,
            cells: z.array(z.object({ stageKey: templateKeySchema, progress: progressSchema.nullable() }).strict()).max(50),
          })
          .strict(),
      )
      .max(50),
    taskCounts: z.object(taskCountsShape).strict(),
    /** Oldest due first. */
    overdueTasks: z.array(taskSummarySchema).max(200),
    deliverables: z.array(deliverableSummarySchema).max(500),
    /** Why it was paused or cancelled, when it is. */
    statusReason: prose(1000).nullable(),
    createdAt: instantSchema,
    can: z
      .object({
        update: z.boolean(),
        pause: z.boolean(),
        resume: z.boolean(),
        cancel: z.boolean(),
        readAudit: z.boolean(),
        /** An admin may retry the failed writes the engagement waits on (`attention` set). */
        retry: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'EngagementDetail' });

export const listEngagementsQuerySchema = z
  .object({
    status: queryList(engagementStatusSchema, 4).optional(),
    /** Matches engagement or client name. */
    q: line(100).optional(),
    sort: z.enum(['name', 'startDate', '-startDate', 'nextDeadline', '-updatedAt']).default('-updatedAt'),
    ...pageQueryShape,
  })
  .strict();

/**
 * The operations on one engagement, by its id: where an engagement in a response leads. Links
 * start from what creates, lists or reads engagements, not from the commands on one (pause,
 * resume…): a client reaches those with an id it already has.
 */
const ENGAGEMENT_OPERATIONS = [
  'getEngagement',
  'updateEngagement',
  'pauseEngagement',
  'resumeEngagement',
  'cancelEngagement',
  'retryEngagement',
  'listEngagementAudit',
  'streamEngagementEvents',
] as const;

/** From an engagement's detail: the engagement, its first deliverable and that deliverable's task. */
const engagementDetailLinks = {
  ...linksById('$response.body#/id', ENGAGEMENT_OPERATIONS),
  ...linksById('$response.body#/deliverables/0/id', ['getDeliverable', 'uploadDeliverableFile', 'reviewDeliverable']),
  ...linksById('$response.body#/deliverables/0/task/id', ['getTask', 'completeTask', 'assignTask']),
};

export const listEngagements = defineOperation({
  id: 'listEngagements',
  method: 'GET',
  path: '/api/engagements',
  tag: 'engagements',
  summary: { zh: '项目列表（项目组合）', en: 'List engagements (portfolio)' },
  description: 'Each with its stage steps, % done, overdue task count and next deadline.',
  permission: { auth: 'user', rules: ['member-engagements-only'] },
  query: listEngagementsQuerySchema,
  responses: { 200: pageOf(engagementSummarySchema) },
  links: linksById('$response.body#/items/0/id', ENGAGEMENT_OPERATIONS),
});

const namedPlace = z.object({ key: planKeySchema.max(40).optional(), name: line(100) }).strict();

/**
 * Entries of a community or department list that repeat an earlier one's key or name, as
 * `communities.1.name`. No JSON Schema keyword says "unique by property", so this is not part of
 * the body schema: `createEngagement` refuses a repeat with 422 `form_invalid` naming the entry.
 */
export function repeatedPlaces(list: readonly { key?: string | undefined; name: string }[], field: 'communities' | 'departments'): { field: string; repeats: number }[] {
  const repeats: { field: string; repeats: number }[] = [];
  const firstByKey = new Map<string, number>();
  const firstByName = new Map<string, number>();
  list.forEach((item, index) => {
    const byKey = item.key === undefined ? undefined : firstByKey.get(item.key);
    const byName = firstByName.get(item.name);
    if (byKey !== undefined) repeats.push({ field: `${field}.${index}.key`, repeats: byKey });
    if (byName !== undefined) repeats.push({ field: `${field}.${index}.name`, repeats: byName });
    if (item.key !== undefined && byKey === undefined) firstByKey.set(item.key, index);
    if (byName === undefined) firstByName.set(item.name, index);
  });
  return repeats;
}

export const createEngagementBodySchema = z
  .object({
    name: line(200),
    clientName: line(200),
    clientKind: clientKindSchema,
    /** Key optional: the API derives `c1`, `c2`… in order when absent. */
    /** Keys and names unique within the list (422 `form_invalid` otherwise, see `repeatedPlaces`). */
    communities: z.array(namedPlace).min(1).max(50),
    departments: z.array(namedPlace).max(50).default([]),
    team: z
      .object({
        pm: idSchema,
        partner: idSchema,
        lawyers: z.array(idSchema).min(1).max(20),
        /** The client's contact; without one the PM records the client's decisions. */
        client: idSchema.optional(),
      })
      .strict(),
    startDate: startDateSchema,
    templateKey: templateKeySchema,
    /** The newest version when absent; the engagement stays pinned to it. */
    templateVersion: z.number().int().min(1).optional(),
    /**
     * Repeating the request with the same key (the same caller) answers with the engagement the
     * first one created instead of creating another; the same key with a different body is 409.
     */
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateEngagementBody' });

export const createEngagement = defineOperation({
  id: 'createEngagement',
  method: 'POST',
  path: '/api/engagements',
  tag: 'engagements',
  summary: { zh: '创建项目', en: 'Create an engagement' },
  description:
    'Plans every stage, task and due date from the template and starts the engagement workflow, which writes the engagement as its first step; answers once it has. 422 `form_invalid` when a community or department repeats the key or name of an earlier one in its list (a field error names it, e.g. `communities.1.name`); 422 `invalid_assignee` when a team member lacks the role; 404 for an unknown template. With `idempotencyKey`, a retry answers with the same engagement (201 again); the key with another body is 409 `conflict`. 503 `temporarily_unavailable` when the workflow engine does not answer in time: retry with the same key.',
  permission: { auth: 'role', roles: ['admin', 'pm'] },
  body: createEngagementBodySchema,
  responses: { 201: engagementDetailSchema },
  errors: ['form_invalid', 'invalid_assignee', 'not_found', 'conflict', 'temporarily_unavailable', 'engagement_needs_attention'],
  links: engagementDetailLinks,
});

export const getEngagement = defineOperation({
  id: 'getEngagement',
  method: 'GET',
  path: '/api/engagements/:id',
  tag: 'engagements',
  summary: { zh: '项目详情', en: 'Engagement' },
  description: 'Stages with status and progress, the community × stage matrix, task counts, overdue tasks, team and deliverables.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true, rules: ['client-sees-approved-only'] },
  params: idParamsSchema,
  responses: { 200: engagementDetailSchema },
  links: engagementDetailLinks,
});

export const updateEngagementBodySchema = z
  .object({
    name: line(200).optional(),
    clientName: line(200).optional(),
    /** Only the members named change; open tasks of a replaced member pass to the successor. */
    team: z
      .object({
        pm: idSchema.optional(),
        partner: idSchema.optional(),
        lawyers: z.array(idSchema).min(1).max(20).optional(),
        client: idSchema.nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .meta({ id: 'UpdateEngagementBody', minProperties: 1 });

export const updateEngagement = defineOperation({
  id: 'updateEngagement',
  method: 'PATCH',
  path: '/api/engagements/:id',
  tag: 'engagements',
  summary: { zh: '修改项目（名称、团队）', en: 'Update an engagement (name, team)' },
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: true },
  params: idParamsSchema,
  body: updateEngagementBodySchema,
  responses: { 200: engagementDetailSchema },
  errors: ['invalid_assignee', 'engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
  links: engagementDetailLinks,
});

export const engagementActionBodySchema = z.object({ reason: prose(1000).optional() }).strict().meta({ id: 'EngagementActionBody' });

const lifecycle = <const Id extends string, const Verb extends 'pause' | 'resume' | 'cancel'>(id: Id, verb: Verb, zh: string, en: string, description: string) =>
  defineOperation({
    id,
    method: 'POST',
    path: `/api/engagements/:id/${verb}`,
    tag: 'engagements',
    summary: { zh, en },
    description,
    permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner'], admins: true },
    params: idParamsSchema,
    body: engagementActionBodySchema,
    responses: { 200: engagementSummarySchema },
    errors: ['engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
  });

export const retryEngagement = defineOperation({
  id: 'retryEngagement',
  method: 'POST',
  path: '/api/engagements/:id/retry',
  tag: 'engagements',
  summary: { zh: '重试失败的写入（排除故障后）', en: 'Retry failed writes (once the cause is fixed)' },
  description:
    'Admins only. Asks every workflow of the engagement that waits on a failed write to make it again; answers once each retry went through or failed anew, with the engagement (`attention` null when all went through). Writes are idempotent: a write that had in fact succeeded is recognised and not repeated. Nothing to retry: answers with the engagement unchanged.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: [], admins: true },
  params: idParamsSchema,
  body: engagementActionBodySchema,
  responses: { 200: engagementSummarySchema },
  errors: ['temporarily_unavailable', 'engagement_needs_attention'],
});

export const pauseEngagement = lifecycle(
  'pauseEngagement',
  'pause',
  '暂停项目',
  'Pause an engagement',
  'Timers stop; no task can be completed until resumed. Answers once the workflow has paused every part of the engagement, with status `paused`. 409 unless running.',
);
export const resumeEngagement = lifecycle('resumeEngagement', 'resume', '恢复项目', 'Resume an engagement', 'Due dates stay as planned. Answers once the engagement runs again. 409 unless paused.');
export const cancelEngagement = lifecycle(
  'cancelEngagement',
  'cancel',
  '终止项目',
  'Cancel an engagement',
  'Cancels every open task; cannot be undone. Answers once every task is closed, with status `cancelled`. 409 when already completed or cancelled.',
);
