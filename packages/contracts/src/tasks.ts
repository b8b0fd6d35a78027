import { z } from 'zod';
import { localizedTextSchema, workerRoleSchema } from '@gongzhi/domain';
import {
  civilDateSchema,
  engagementRefSchema,
  idParamsSchema,
  idSchema,
  instantSchema,
  line,
  idempotencyKeySchema,
  pageOf,
  pageQueryShape,
  placeSchema,
  prose,
  queryFlag,
  queryList,
  stageRefSchema,
  userRefSchema,
} from './common';
import { deliverableDetailSchema, sha256Schema } from './deliverables';
import { completionRuleSchema, formFieldSchema, taskStatusSchema } from './domain-schemas';
import { defineOperation, linksById } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

export const taskSummarySchema = z
  .object({
    id: idSchema,
    /** Stable within the engagement: `stage.task`, `stage.task~community`, `stage.gate-role`. */
    key: line(300),
    title: localizedTextSchema,
    status: taskStatusSchema,
    role: workerRoleSchema,
    engagement: engagementRefSchema,
    stage: stageRefSchema,
    community: placeSchema.nullable(),
    department: placeSchema.nullable(),
    assignee: userRefSchema,
    dueDate: civilDateSchema,
    /** Due day ended (Asia/Shanghai) and the task is neither done nor cancelled. */
    isOverdue: z.boolean(),
    /** A stage gate's sign-off rather than a piece of work. */
    isGate: z.boolean(),
    hasDeliverable: z.boolean(),
    completedAt: instantSchema.nullable(),
    /** When the work happened, as its form records it (举办日期, 会谈日期, 签订日期…): not when it was entered. Null until done, or when the form has no such date. */
    happenedOn: civilDateSchema.nullable(),
    updatedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'TaskSummary' });

export const formValueSchema = z.union([prose(20_000), z.number(), z.boolean(), z.array(line(200)).max(50)]).meta({ id: 'FormValue' });

/** Keys as the domain spells form-field keys, which also keeps `__proto__` and friends out. */
export const formDataSchema = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/), formValueSchema)
  .refine((data) => Object.keys(data).length <= 100, 'at most 100 fields')
  .meta({ id: 'FormData', description: 'Form field key → value, as the task’s template form defines', maxProperties: 100 });

export const taskDetailSchema = taskSummarySchema
  .extend({
    description: localizedTextSchema.nullable(),
    reminderDate: civilDateSchema,
    escalationDate: civilDateSchema,
    /** Tasks that must be done first, with their state. */
    dependsOn: z
      .array(z.object({ id: idSchema, key: line(300), title: localizedTextSchema, status: taskStatusSchema }).strict())
      .max(500),
    form: z.array(formFieldSchema).max(100),
    rules: z.array(completionRuleSchema).max(50),
    /**
     * The submitted values once completed (the latest submission after a revision). A client sees
     * them only once the work is released: the task done and its deliverable, if any, approved.
     */
    formData: formDataSchema.nullable(),
    completedBy: userRefSchema.nullable(),
    /** Why the PM recorded the client's decision in the client's stead, when they did. */
    standInReason: prose(500).nullable(),
    deliverable: deliverableDetailSchema.nullable(),
    /** Who the task may be reassigned to (its role's people on the team, the assignee excluded); empty unless the caller may reassign. */
    assignableTo: z.array(userRefSchema).max(25),
    can: z
      .object({
        complete: z.boolean(),
        /** Completing it, the caller records a client's decision in the client's stead and must give `standInReason`. */
        completeAsStandIn: z.boolean(),
        assign: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'TaskDetail' });

export const taskSortSchema = z.enum(['dueDate', '-dueDate', 'updatedAt', '-updatedAt']);

export const listTasksQuerySchema = z
  .object({
    /** `me`, or a user id. */
    assignee: z.union([z.literal('me'), idSchema]).optional(),
    engagementId: idSchema.optional(),
    status: queryList(taskStatusSchema, 6).optional(),
    /** Due on or before this date. */
    dueBefore: civilDateSchema.optional(),
    /** Due on or after this date. */
    dueAfter: civilDateSchema.optional(),
    overdue: queryFlag().optional(),
    stageKey: line(100).optional(),
    communityKey: line(100).optional(),
    /** `dueDate` puts overdue work first, then what is due soon. */
    sort: taskSortSchema.default('dueDate'),
    ...pageQueryShape,
  })
  .strict();

export const listTasks = defineOperation({
  id: 'listTasks',
  method: 'GET',
  path: '/api/tasks',
  tag: 'tasks',
  summary: { zh: '任务列表（我的任务）', en: 'List tasks (my tasks)' },
  description: '我的任务 is `?assignee=me&status=active&status=changes_requested&sort=dueDate`.',
  permission: { auth: 'user', rules: ['member-engagements-only'] },
  query: listTasksQuerySchema,
  responses: { 200: pageOf(taskSummarySchema) },
  links: linksById('$response.body#/items/0/id', ['getTask', 'completeTask', 'assignTask']),
});

export const getTask = defineOperation({
  id: 'getTask',
  method: 'GET',
  path: '/api/tasks/:id',
  tag: 'tasks',
  summary: { zh: '任务详情', en: 'Task' },
  description: 'With its form fields and rules from the template, its deliverable (revisions, reviews) and names of engagement, stage and community.',
  permission: { auth: 'engagement', resource: 'task', teamRoles: ALL_TEAM_ROLES, admins: true, rules: ['client-sees-approved-only'] },
  params: idParamsSchema,
  responses: { 200: taskDetailSchema },
  links: {
    ...linksById('$response.body#/id', ['completeTask', 'assignTask']),
    ...linksById('$response.body#/deliverable/id', ['getDeliverable', 'uploadDeliverableFile']),
    getEngagement: { operationId: 'getEngagement', parameters: { id: '$response.body#/engagement/id' } },
  },
});

export const completeTaskBodySchema = z
  .object({
    formData: formDataSchema,
    /**
     * The deliverable's file to submit, by the SHA-256 `uploadDeliverableFile` answered with: the
     * workflow creates the next revision from exactly that file. Required when the task has a deliverable.
     */
    file: z.object({ sha256: sha256Schema }).strict().optional(),
    /** A note to the reviewer, recorded on the submitted revision. */
    note: prose(2000).optional(),
    /** Required when the PM records a client's decision because the team has no client contact (`can.completeAsStandIn`). */
    standInReason: prose(500).optional(),
    /** Retrying with the same key returns the first result instead of 409. */
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .strict()
  .meta({ id: 'CompleteTaskBody' });

export const completeTask = defineOperation({
  id: 'completeTask',
  method: 'POST',
  path: '/api/tasks/:id/complete',
  tag: 'tasks',
  summary: { zh: '完成任务', en: 'Complete a task' },
  description:
    'Goes through the engagement workflow and answers only once the workflow accepted it, with the task’s new state. The assignee completes it; the PM may finish a lawyer’s task, and records a client’s decision only when the team has no client contact (then with `standInReason`); nobody signs in the partner’s place (403 `not_assignee`). A task with a deliverable names an uploaded file by `file.sha256` (422 `file_required` when absent or not uploaded for this deliverable); the workflow then creates the next revision from it and, where review is required, submits it to the partner. After changes were requested, upload the revised file and complete again. 422 `form_invalid` carries one fieldError per field; of two simultaneous completions one gets 409 `task_already_completed`. While a 会诊 opened from the task holds it, 409 `consultation_pending`; while the community’s adoption procedure drives it (a convention’s notice, vote or filing), 409 `adoption_in_progress`.',
  permission: { auth: 'engagement', resource: 'task', teamRoles: ALL_TEAM_ROLES, admins: false, rules: ['assignee-or-pm'] },
  params: idParamsSchema,
  body: completeTaskBodySchema,
  responses: { 200: taskDetailSchema },
  errors: ['not_assignee', 'form_invalid', 'file_required', 'task_already_completed', 'task_not_open', 'consultation_pending', 'adoption_in_progress', 'engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
});

export const assignTaskBodySchema = z.object({ assigneeId: idSchema }).strict().meta({ id: 'AssignTaskBody' });

export const assignTask = defineOperation({
  id: 'assignTask',
  method: 'POST',
  path: '/api/tasks/:id/assign',
  tag: 'tasks',
  summary: { zh: '分派任务', en: 'Reassign a task' },
  description: 'The new assignee must be on the team with the task’s role (422 `invalid_assignee`). Done or cancelled tasks cannot be reassigned.',
  // Not admins: the engagement workflow accepts reassignment from the engagement's PM only.
  permission: { auth: 'engagement', resource: 'task', teamRoles: ['pm'], admins: false },
  params: idParamsSchema,
  body: assignTaskBodySchema,
  responses: { 200: taskDetailSchema },
  errors: ['invalid_assignee', 'task_not_open', 'engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'],
});
