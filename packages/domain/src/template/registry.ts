import { communityGovernanceV1 } from './community-governance-v1';
import { type PipelineTemplate, pipelineTemplateSchema } from './schema';

/** Built-in templates. A new version is added beside the old one; engagements stay pinned to theirs. */
export const builtInTemplates: readonly PipelineTemplate[] = [pipelineTemplateSchema.parse(communityGovernanceV1)];

export function findTemplate(key: string, version?: number): PipelineTemplate | undefined {
  const candidates = builtInTemplates.filter((template) => template.key === key && (version === undefined || template.version === version));
  return candidates.sort((a, b) => b.version - a.version)[0];
}
