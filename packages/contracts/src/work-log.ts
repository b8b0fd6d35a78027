import { z } from 'zod';
import { WORK_LOG_ACTIVITIES, WORK_LOG_LIMITS } from '@gongzhi/domain';
import { civilDateSchema, ENGAGEMENT_WRITE_ERRORS, engagementParamsSchema, idempotencyKeySchema, idSchema, instantSchema, line, placeSchema, prose, userRefSchema } from './common';
import { planKeySchema } from './domain-schemas';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES, FIRM_TEAM_ROLES } from './permissions';

// 工作日志 / 台账: what the firm's lawyers did for the engagement, logged from a phone in seconds;
// entries marked for the client make the contact's progress feed. Written by the engagement's
// work-log workflow.

export const workLogActivitySchema = z.enum(WORK_LOG_ACTIVITIES).meta({
  id: 'WorkLogActivity',
  description: 'visit 走访社区, advice 法律咨询, lecture 法治讲座, review 文件审查, drafting 文书起草, mediation 纠纷调解, meeting 会议座谈, other 其他',
});

export const workLogEntrySchema = z
  .object({
    id: idSchema,
    engagementId: idSchema,
    community: placeSchema.nullable().meta({ description: 'Null: for the engagement as a whole (the street office, the plan)' }),
    workedOn: civilDateSchema,
    minutes: z.number().int().min(WORK_LOG_LIMITS.minMinutes).max(WORK_LOG_LIMITS.maxMinutes),
    activity: workLogActivitySchema,
    note: prose(WORK_LOG_LIMITS.note),
    sharedWithClient: z.boolean().meta({ description: 'On the client contact’s progress feed' }),
    loggedBy: userRefSchema,
    recordedAt: instantSchema,
    withdrawn: z
      .object({ at: instantSchema, by: userRefSchema.nullable(), reason: prose(WORK_LOG_LIMITS.reason) })
      .strict()
      .nullable()
      .meta({ description: 'Withdrawn (logged twice, on the wrong engagement): kept, marked, not counted, never shown to the client' }),
    can: z.object({ withdraw: z.boolean(), share: z.boolean() }).strict().meta({ description: 'What the caller may do with it: its author and the engagement’s PM' }),
  })
  .strict()
  .meta({ id: 'WorkLogEntry' });

const totalsRow = { entries: z.number().int().min(0), minutes: z.number().int().min(0) };
export const workLogTotalsSchema = z
  .object({
    ...totalsRow,
    byActivity: z.array(z.object({ activity: workLogActivitySchema, ...totalsRow }).strict()).max(WORK_LOG_ACTIVITIES.length),
    byCommunity: z.array(z.object({ community: placeSchema.nullable(), ...totalsRow }).strict()).max(1000),
  })
  .strict()
  .meta({ id: 'WorkLogTotals', description: 'Every standing entry the filters select, however long the log (withdrawn ones are not counted)' });

const entryParams = z.object({ id: idSchema, entryId: idSchema }).strict();

export const listWorkLog = defineOperation({
  id: 'listWorkLog',
  method: 'GET',
  path: '/api/engagements/:id/work-log',
  tag: 'worklog',
  summary: { zh: '工作日志', en: 'Work log' },
  description:
    'The most recent day first (at most 500 entries) with the totals of every entry the filters select. The firm’s team reads every entry, withdrawn ones marked; the client’s contact reads the entries shared with them as a progress feed, and the totals of all the service logged (the hours the engagement is accepted on). Filter by `community` (key) or `loggedBy` (a user id).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  query: z.object({ community: planKeySchema.optional(), loggedBy: idSchema.optional() }).strict(),
  responses: {
    200: z
      .object({ items: z.array(workLogEntrySchema).max(500), totals: workLogTotalsSchema, can: z.object({ log: z.boolean() }).strict() })
      .strict()
      .meta({ id: 'WorkLog' }),
  },
});

export const logWork = defineOperation({
  id: 'logWork',
  method: 'POST',
  path: '/api/engagements/:id/work-log',
  tag: 'worklog',
  summary: { zh: '记录工作日志', en: 'Log work' },
  description: `What the caller did for the engagement: the day (not after today, at most ${WORK_LOG_LIMITS.backdateDays} days back), minutes (${WORK_LOG_LIMITS.minMinutes}–${WORK_LOG_LIMITS.maxMinutes}), the activity, a note, optionally the community (key) and whether the client’s contact sees it. 422 names each field that does not fit. With \`idempotencyKey\`, a retry answers with the same entry (201 again).`,
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: false },
  params: engagementParamsSchema,
  body: z
    .object({
      workedOn: civilDateSchema,
      minutes: z.number().int().min(WORK_LOG_LIMITS.minMinutes).max(WORK_LOG_LIMITS.maxMinutes),
      activity: workLogActivitySchema,
      note: line(WORK_LOG_LIMITS.note),
      community: planKeySchema.optional(),
      sharedWithClient: z.boolean().optional().meta({ description: 'Default false: the firm’s own record' }),
      idempotencyKey: idempotencyKeySchema.optional(),
    })
    .strict(),
  responses: { 201: workLogEntrySchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS, 'conflict'],
  links: {
    shareWorkLogEntry: { operationId: 'shareWorkLogEntry', parameters: { id: '$response.body#/engagementId', entryId: '$response.body#/id' } },
    withdrawWorkLogEntry: { operationId: 'withdrawWorkLogEntry', parameters: { id: '$response.body#/engagementId', entryId: '$response.body#/id' } },
  },
});

export const shareWorkLogEntry = defineOperation({
  id: 'shareWorkLogEntry',
  method: 'PUT',
  path: '/api/engagements/:id/work-log/:entryId/sharing',
  tag: 'worklog',
  summary: { zh: '设置工作日志对委托方可见', en: 'Share a work-log entry with the client' },
  description: 'Its author or the engagement’s PM puts the entry on the client contact’s progress feed (`true`) or takes it off. A withdrawn entry is answered unchanged.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: false },
  params: entryParams,
  body: z.object({ sharedWithClient: z.boolean() }).strict(),
  responses: { 200: workLogEntrySchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS],
});

export const withdrawWorkLogEntry = defineOperation({
  id: 'withdrawWorkLogEntry',
  method: 'POST',
  path: '/api/engagements/:id/work-log/:entryId/withdrawal',
  tag: 'worklog',
  summary: { zh: '撤销工作日志', en: 'Withdraw a work-log entry' },
  description: 'Its author or the engagement’s PM (or an administrator) withdraws the entry with a reason; it stays on the log, marked, and is no longer counted or shown to the client. Withdrawing it again answers with it unchanged.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: true },
  params: entryParams,
  body: z.object({ reason: line(WORK_LOG_LIMITS.reason) }).strict(),
  responses: { 200: workLogEntrySchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS],
});

export const downloadWorkLedger = defineOperation({
  id: 'downloadWorkLedger',
  method: 'GET',
  path: '/api/engagements/:id/work-log/ledger.xlsx',
  tag: 'worklog',
  summary: { zh: '导出工作台账（Excel）', en: 'Export the work ledger (Excel)' },
  description:
    'The 法律服务工作台账 as a workbook drafted on a worker: 工作台账 (every standing entry, oldest first: day, community, activity, what was done, hours, who, shared or not), 汇总 (hours by community and by activity) and 说明. With `community` (key), that community’s entries only. Content-Disposition carries its Chinese name (RFC 5987).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  query: z.object({ community: planKeySchema.optional() }).strict(),
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .xlsx file' }) },
  errors: ['form_invalid', 'temporarily_unavailable'],
});
