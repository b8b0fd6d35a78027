import { z } from 'zod';
import { OUTCOME_EVENT_KINDS } from '@gongzhi/domain';
import { caseTierSchema } from './cases';
import { civilDateSchema, engagementParamsSchema, idSchema, line, localizedTextSchema, placeSchema } from './common';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

// 预期效果: what the engagement achieved, from its own records — the evidence the client accepts
// the project on. Nothing here is typed in for the page: each figure is a record's.

const count = z.number().int().min(0);

export const outcomeEventKindSchema = z.enum(OUTCOME_EVENT_KINDS).meta({ id: 'OutcomeEventKind', description: 'launch-ceremony 启动仪式, knowledge-contest 知识竞赛, art-performance 文艺展演, cadre-forum 主题论坛' });

export const engagementOutcomesSchema = z
  .object({
    engagementId: idSchema,
    asOf: civilDateSchema,
    communities: z.array(placeSchema).max(1000),
    deliverables: z
      .object({
        approved: count,
        total: count,
        items: z
          .array(z.object({ title: localizedTextSchema, community: placeSchema.nullable(), approvedOn: civilDateSchema }).strict())
          .max(2000)
          .meta({ description: 'The approved ones, oldest approval first' }),
      })
      .strict()
      .meta({ description: 'Powers clarified and systems built: the partner-approved deliverables (the 职权梳理表, 行权手册, 违法行为清单, 联动执法方案, each community’s 公约 and 手册…)' }),
    departments: z
      .object({ inMechanism: z.array(placeSchema).max(1000), consulted: z.array(placeSchema).max(1000) })
      .strict()
      .meta({ description: 'The departments of the joint enforcement mechanism, and those a symposium was held with (stage 4)' }),
    conventions: z
      .array(
        z
          .object({
            community: placeSchema.nullable(),
            adoptedOn: civilDateSchema,
            eligible: count,
            attendees: count,
            votesFor: count,
            votesAgainst: count,
            abstentions: count,
            valid: z.boolean().meta({ description: 'Quorum and majority under 城市居民委员会组织法 Art. 9, recomputed from the figures' }),
            filedOn: civilDateSchema.nullable(),
            filingNo: line(100).nullable(),
          })
          .strict(),
      )
      .max(1000)
      .meta({ description: 'Each community’s residents’ meeting on its convention (the vote the PM recorded from the minutes) and its 备案 with the street office or township' }),
    trainings: z.object({ sessions: count, attendance: count }).strict(),
    events: z
      .object({
        held: count,
        participants: count,
        householdsReached: count.meta({ description: 'By the special and regular publicity' }),
        items: z.array(z.object({ date: civilDateSchema, community: placeSchema.nullable(), kind: outcomeEventKindSchema, theme: line(200).nullable(), participants: count }).strict()).max(2000),
      })
      .strict(),
    cases: z
      .object({
        reported: count,
        resolved: count,
        tiers: z.array(z.object({ tier: caseTierSchema, reached: count, resolved: count, averageDays: z.number().min(0).nullable() }).strict()).max(3),
        modelHouseholds: count.meta({ description: '德治典型 households recognised' }),
      })
      .strict(),
    hotline: z
      .object({ before: count, after: count, months: z.number().int().min(1), unverified: z.boolean().meta({ description: 'From a synthetic extract (模拟数据): shown 待核实' }) })
      .strict()
      .nullable()
      .meta({ description: '12345 tickets in the catalogue’s categories, the same number of months before and after the engagement began; null until months on both sides are imported' }),
    service: z
      .object({ entries: count, minutes: count, consultations: count.meta({ description: '会诊 concluded' }) })
      .strict()
      .meta({ description: 'The firm’s logged service (standing 工作日志 entries) and its concluded consultations' }),
  })
  .strict()
  .meta({ id: 'EngagementOutcomes' });

export const getEngagementOutcomes = defineOperation({
  id: 'getEngagementOutcomes',
  method: 'GET',
  path: '/api/engagements/:id/outcomes',
  tag: 'engagements',
  summary: { zh: '项目成效', en: 'Engagement outcomes' },
  description:
    'What the engagement achieved, as its records show it today: approved deliverables, the departments in the joint mechanism, each community’s convention vote (validity recomputed under Art. 9) and filing, trainings, promotion events and publicity reach, cases by tier (each counted once) and 德治典型, the 12345 before and after where imported, and the logged service hours. The client’s contact reads it too: it is what they accept the project on.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  responses: { 200: engagementOutcomesSchema },
});

export const downloadOutcomesWorkbook = defineOperation({
  id: 'downloadOutcomesWorkbook',
  method: 'GET',
  path: '/api/engagements/:id/outcomes/evidence.xlsx',
  tag: 'engagements',
  summary: { zh: '导出项目成效证明材料（Excel）', en: 'Export the outcomes evidence (Excel)' },
  description:
    'The 项目成效证明材料 as a workbook drafted on a worker from the same records as the outcomes page: 成效概览 (each indicator, its figure and its source), 居民公约表决与备案 (each vote rechecked under Art. 9; communities not yet voting listed), 问题案件, 推广活动, 成果文件 and 说明. A synthetic 12345 extract is marked 待核实. Content-Disposition carries its Chinese name (RFC 5987).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .xlsx file' }) },
  errors: ['temporarily_unavailable'],
});
