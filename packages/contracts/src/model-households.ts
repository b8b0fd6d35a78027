import { z } from 'zod';
import { civilDateSchema, ENGAGEMENT_WRITE_ERRORS, engagementParamsSchema, idempotencyKeySchema, idSchema, instantSchema, line, placeSchema, prose, userRefSchema } from './common';
import { planKeySchema } from './domain-schemas';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

// 德治典型: households a community recognised for setting an example — the moral tier's outcome
// beside the cases it resolved. Written by the engagement's model-households workflow.

export const modelHouseholdSchema = z
  .object({
    id: idSchema,
    community: placeSchema,
    household: line(100).meta({ description: 'Who: 菊儿胡同3号院 王淑珍家' }),
    deeds: prose(2000).meta({ description: 'What they did: the example the community recognised' }),
    recognizedOn: civilDateSchema,
    recognizedBy: line(100).meta({ description: 'Who recognised them: the residents’ committee, the street office …' }),
    case: z.object({ id: idSchema, title: line(200) }).strict().nullable().meta({ description: 'The case they set the example in, if any' }),
    recordedBy: userRefSchema,
    recordedAt: instantSchema,
    withdrawn: z
      .object({ at: instantSchema, by: userRefSchema.nullable(), reason: prose(2000) })
      .strict()
      .nullable()
      .meta({ description: 'Withdrawn (a recognition recorded in error, a household that moved away): kept, not counted' }),
  })
  .strict()
  .meta({ id: 'ModelHousehold' });

const householdParams = z.object({ id: idSchema, householdId: idSchema }).strict();

export const listModelHouseholds = defineOperation({
  id: 'listModelHouseholds',
  method: 'GET',
  path: '/api/engagements/:id/model-households',
  tag: 'cases',
  summary: { zh: '德治典型（示范户）', en: 'Model households (德治典型)' },
  description: 'Most recently recognised first (at most 1,000), withdrawn ones included and marked.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  responses: { 200: z.object({ items: z.array(modelHouseholdSchema).max(1000) }).strict().meta({ id: 'ModelHouseholdList' }) },
});

export const recordModelHousehold = defineOperation({
  id: 'recordModelHousehold',
  method: 'POST',
  path: '/api/engagements/:id/model-households',
  tag: 'cases',
  summary: { zh: '记录德治典型', en: 'Record a model household' },
  description:
    'A household one of the engagement’s communities recognised, recorded by the firm’s team: the community (key), who, what they did, when and by whom recognised, optionally the case (of that community) they set the example in. 422 names each field that does not fit (an unknown community or case, a date after today). With `idempotencyKey`, a retry answers with the same record (201 again).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: engagementParamsSchema,
  body: z
    .object({
      community: planKeySchema,
      household: line(100),
      deeds: line(2000),
      recognizedOn: civilDateSchema.meta({ description: 'Not after today' }),
      recognizedBy: line(100),
      case: idSchema.optional(),
      idempotencyKey: idempotencyKeySchema.optional(),
    })
    .strict(),
  responses: { 201: modelHouseholdSchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS, 'conflict'],
});

export const withdrawModelHousehold = defineOperation({
  id: 'withdrawModelHousehold',
  method: 'POST',
  path: '/api/engagements/:id/model-households/:householdId/withdrawal',
  tag: 'cases',
  summary: { zh: '撤销德治典型', en: 'Withdraw a model household' },
  description: 'Withdraws the record with a reason; it stays listed, marked, and is no longer counted. Withdrawing it again answers with it unchanged.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: true },
  params: householdParams,
  body: z.object({ reason: line(2000) }).strict(),
  responses: { 200: modelHouseholdSchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS],
});
