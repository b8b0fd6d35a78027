import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { builtInTemplates, findTemplate } from '@gongzhi/domain';
import { notFound } from '../lib/api-error';
import { registerOperation } from '../lib/operation-route';

const versionsOf = (key: string) => [...new Set(builtInTemplates.filter((template) => template.key === key).map((template) => template.version))].sort((a, b) => a - b);

/** The pipeline templates, as the domain defines them (read-only: new versions ship with the code). */
export default async function templateRoutes(fastify: FastifyInstance): Promise<void> {
  registerOperation(fastify, operations.listTemplates, async () => {
    const keys = [...new Set(builtInTemplates.map((template) => template.key))];
    return {
      items: keys.map((key) => {
        const newest = findTemplate(key)!;
        return {
          key,
          version: newest.version,
          versions: versionsOf(key),
          title: newest.title,
          description: newest.description,
          stages: newest.stages.map((stage) => ({ key: stage.key, title: stage.title, taskCount: stage.tasks.length + (stage.gate?.signOff.length ?? 0) })),
        };
      }),
    };
  });

  registerOperation(fastify, operations.getTemplate, async (request) => {
    const template = findTemplate(request.params.id, request.query.version);
    if (!template) throw notFound();
    return { template, versions: versionsOf(template.key) };
  });
}
