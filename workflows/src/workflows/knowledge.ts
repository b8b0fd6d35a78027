import { CancellationScope, condition, setHandler } from '@temporalio/workflow';
import { findUnstorableText, knowledgeContentSchemas, knowledgeEntryFacts, type KnowledgeContent } from '@gongzhi/domain';
import type { EngagementActivities } from '../activities/types';
import {
  adaptKnowledgeUpdate,
  knowledgeChangedSignal,
  takeKnowledgeUpdate,
  type AdaptKnowledgeInput,
  type TakeKnowledgeInput,
} from './definitions';
import { type IncidentDesk } from './incidents';
import { refuse, refuseUnstorableText } from './task-board';

export interface KnowledgeContext {
  engagementId: string;
  projection: EngagementActivities;
  incidents: IncidentDesk;
  /** The projection exists: the copy can be written. */
  isMaterialized(): boolean;
  /** Cancelled or completed: the copy is as the engagement left it. */
  isEnded(): boolean;
}

const MAX_REASON_LENGTH = 500;

/**
 * The engagement's copy of the firm's knowledge base is engagement state, so the engagement's
 * workflow writes it: taking master versions, adapting an entry to the district, and telling the
 * PM when a master entry the engagement copied has moved on.
 */
export function installKnowledgeHandlers({ engagementId, projection, incidents, isMaterialized, isEnded }: KnowledgeContext): void {
  setHandler(
    takeKnowledgeUpdate,
    async ({ actorId, entryIds, keepAdaptation }) => {
      await condition(isMaterialized);
      return CancellationScope.nonCancellable(() =>
        incidents.write('takeKnowledge', () => projection.takeKnowledge({ engagementId, actorId, entryIds, keepAdaptation, at: new Date().toISOString() }), 'abandonOnClose'),
      );
    },
    {
      validator: ({ entryIds }: TakeKnowledgeInput) => {
        if (isEnded()) refuse('engagement_not_running', 'the engagement has ended');
        if (entryIds !== 'all' && entryIds.length === 0) refuse('validation_failed', 'name at least one entry');
      },
    },
  );

  setHandler(
    adaptKnowledgeUpdate,
    async ({ actorId, kind, key, content, reason }) => {
      await condition(isMaterialized);
      const result = await CancellationScope.nonCancellable(() =>
        incidents.write('adaptKnowledge', () => projection.adaptKnowledge({ engagementId, actorId, kind, key, content, reason, at: new Date().toISOString() }), 'abandonOnClose'),
      );
      if ('refused' in result) {
        if (result.refused === 'not_found') refuse('unknown_knowledge_entry', `no ${kind} ${key} in the knowledge base`);
        refuse('validation_failed', `the adapted ${kind} ${key} is not consistent with the knowledge base`, contentErrors(result.problems));
      }
      return result;
    },
    {
      validator: ({ kind, key, content, reason }: AdaptKnowledgeInput) => {
        if (isEnded()) refuse('engagement_not_running', 'the engagement has ended');
        refuseUnstorableText({ reason });
        if (reason.trim().length === 0 || reason.length > MAX_REASON_LENGTH) {
          refuse('validation_failed', 'give a reason of at most 500 characters', [
            { field: 'reason', code: 'required', message: { zh: '请说明调整理由（500字以内）', en: 'Give a reason (at most 500 characters)' } },
          ]);
        }
        const unstorable = findUnstorableText({ content });
        if (unstorable) refuse('validation_failed', 'the content holds characters that cannot be stored', [{ field: 'content', code: 'invalid_characters', message: { zh: '含有无法保存的字符', en: 'contains characters that cannot be stored' } }]);
        const parsed = knowledgeContentSchemas[kind].safeParse(content);
        if (!parsed.success) {
          refuse('validation_failed', `the content is not a valid ${kind}`, contentErrors(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)));
        }
        if (knowledgeEntryFacts(kind, parsed.data as KnowledgeContent).key !== key) {
          refuse('validation_failed', 'the key of an entry cannot change', [{ field: 'content.key', code: 'invalid_type', message: { zh: '条目编号不能修改', en: 'The key of an entry cannot change' } }]);
        }
      },
    },
  );

  // Only a notice: the engagement's copy is unchanged until someone takes the new version.
  setHandler(knowledgeChangedSignal, async (change) => {
    if (isEnded()) return;
    await condition(isMaterialized);
    await incidents.write('noticeKnowledgeChange', () => projection.noticeKnowledgeChange({ engagementId, ...change, at: new Date().toISOString() }), 'abandonOnClose');
  });
}

function contentErrors(problems: string[]) {
  return problems.slice(0, 20).map((problem) => ({
    field: 'content',
    code: 'invalid_type' as const,
    message: { zh: `内容不符合要求：${problem}`, en: problem },
  }));
}
