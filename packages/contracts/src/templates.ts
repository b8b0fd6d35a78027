import { z } from 'zod';
import { localizedTextSchema, pipelineTemplateSchema } from '@gongzhi/domain';
import { queryInt } from './common';
import { templateKeySchema } from './domain-schemas';
import { defineOperation, linksById } from './operation';

/** The template exactly as the domain defines it (stages, tasks, forms, rules, gates). */
export const templateSchema = pipelineTemplateSchema.meta({ id: 'PipelineTemplate' });

export const templateSummarySchema = z
  .object({
    key: templateKeySchema,
    /** The newest version; engagements pin the version they started with. */
    version: z.number().int().min(1),
    versions: z.array(z.number().int().min(1)).min(1).max(100),
    title: localizedTextSchema,
    description: localizedTextSchema,
    stages: z.array(z.object({ key: templateKeySchema, title: localizedTextSchema, taskCount: z.number().int().min(0) }).strict()).max(50),
  })
  .strict()
  .meta({ id: 'TemplateSummary' });

export const listTemplates = defineOperation({
  id: 'listTemplates',
  method: 'GET',
  path: '/api/templates',
  tag: 'templates',
  summary: { zh: '流程模板列表', en: 'List pipeline templates' },
  permission: { auth: 'user' },
  responses: { 200: z.object({ items: z.array(templateSummarySchema).max(100) }).strict() },
  links: linksById('$response.body#/items/0/key', ['getTemplate']),
});

export const getTemplate = defineOperation({
  id: 'getTemplate',
  method: 'GET',
  path: '/api/templates/:id',
  tag: 'templates',
  summary: { zh: '流程模板详情', en: 'Pipeline template' },
  description: '`:id` is the template key (`community-governance`); `?version=` picks a version, the newest otherwise.',
  permission: { auth: 'user' },
  params: z.object({ id: templateKeySchema }).strict(),
  query: z.object({ version: queryInt(1, 10_000).optional() }).strict(),
  responses: { 200: z.object({ template: templateSchema, versions: z.array(z.number().int().min(1)).min(1).max(100) }).strict() },
});
