import {
  closeQuestionnaireRecord,
  createQuestionnaireRecord,
  type Db,
  issueQuestionnaireLinkRecords,
  publishChange,
  type QuestionnaireRefusal,
  recordQuestionnaireResponse,
  reviseQuestionnaireRecord,
  toDbDate,
  withTransaction,
} from '@gongzhi/db';
import { type CivilDate } from '@gongzhi/domain';
import { type QuestionnaireCommand, type QuestionnaireCommandResult } from '../workflows/definitions';
import { auditKey } from '../keys';
import { audit } from './support';

export interface QuestionnaireCommandInput {
  questionnaireId: string;
  engagementId: string;
  at: string;
  /** The Update's id: unique per command, so audit keys of two commands at the same instant differ. */
  commandId?: string;
  /** Exports are rendered by questionnaire-export.ts, not written here. */
  command: Exclude<QuestionnaireCommand, { type: 'exportResults' }>;
}

export interface QuestionnaireActivities {
  /** Carries out one command in one transaction, or answers why not; a retried attempt writes nothing twice. */
  applyQuestionnaireCommand(input: QuestionnaireCommandInput): Promise<QuestionnaireCommandResult | QuestionnaireRefusal>;
}

export function createQuestionnaireActivities(db: Db): QuestionnaireActivities {
  return {
    async applyQuestionnaireCommand({ questionnaireId, engagementId, at, commandId, command }) {
      const when = new Date(at);
      const stamp = commandId ? `${at}:${commandId}` : at;
      const result = await withTransaction(db, async (tx): Promise<QuestionnaireCommandResult | QuestionnaireRefusal> => {
        const trail = (action: string, key: string, extra: { before?: unknown; after?: unknown }) =>
          audit(tx, { key, engagementId, actorId: 'actorId' in command ? command.actorId : null, action, entityType: 'questionnaire', entityId: questionnaireId, ...extra, at });
        switch (command.type) {
          case 'create': {
            const created = await createQuestionnaireRecord(tx, { questionnaireId, engagementId, audience: command.audience, title: command.title, intro: command.intro, questions: command.questions, actorId: command.actorId, at: when });
            if ('refused' in created) return created;
            // Created by an earlier command (a retried request): its trail is written.
            if (created.created) await trail('questionnaire.created', auditKey.questionnaire('created', questionnaireId, stamp), { after: { audience: command.audience, title: command.title, questions: command.questions.length } });
            return { version: 1 };
          }
          case 'revise': {
            const revised = await reviseQuestionnaireRecord(tx, { questionnaireId, engagementId, title: command.title, intro: command.intro, questions: command.questions, expectedVersion: command.expectedVersion, reason: command.reason, actorId: command.actorId, at: when });
            if ('refused' in revised) return revised;
            await trail('questionnaire.revised', auditKey.questionnaire('revised', questionnaireId, stamp), {
              before: { title: revised.before.title, questions: revised.before.questions.length, version: revised.version - 1 },
              after: { title: command.title, questions: command.questions.length, version: revised.version, reason: command.reason },
            });
            return { version: revised.version };
          }
          case 'close': {
            const closed = await closeQuestionnaireRecord(tx, { questionnaireId, engagementId, at: when });
            if ('refused' in closed) return closed;
            if (closed.closed) await trail('questionnaire.closed', auditKey.questionnaire('closed', questionnaireId, stamp), {});
            return { version: await currentVersion(tx, questionnaireId) };
          }
          case 'issueLinks': {
            const issued = await issueQuestionnaireLinkRecords(tx, { questionnaireId, engagementId, links: command.links, communityId: command.communityId, actorId: command.actorId, at: when });
            if ('refused' in issued) return issued;
            await trail('questionnaire.links_issued', auditKey.questionnaire('links', questionnaireId, stamp), { after: { count: command.links.length, communityId: command.communityId } });
            return { version: await currentVersion(tx, questionnaireId), issued: command.links.length };
          }
          case 'enterResponse': {
            const recorded = await recordQuestionnaireResponse(tx, {
              questionnaireId,
              engagementId,
              key: command.key,
              source: 'lawyer',
              answers: command.answers,
              enteredById: command.actorId,
              communityId: command.communityId,
              answeredOn: toDbDate(command.answeredOn as CivilDate),
              at: when,
            });
            if ('refused' in recorded) return recorded;
            await trail('questionnaire.response_entered', auditKey.questionnaire('response', recorded.responseId, ''), { after: { communityId: command.communityId, answeredOn: command.answeredOn, version: recorded.version } });
            return { version: recorded.version, responseId: recorded.responseId };
          }
          case 'submitThroughLink': {
            // Anonymous: no audit event names the respondent; the response row is the record.
            const recorded = await recordQuestionnaireResponse(tx, { questionnaireId, engagementId, key: command.key, source: 'link', answers: command.answers, tokenHash: command.tokenHash, at: when });
            if ('refused' in recorded) return recorded;
            return { version: recorded.version, responseId: recorded.responseId };
          }
        }
      });
      if (!('refused' in result)) await publishChange(db, { engagementId, type: 'questionnaire.updated', key: questionnaireId });
      return result;
    },
  };
}

async function currentVersion(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], questionnaireId: string): Promise<number> {
  return (await tx.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId }, select: { version: true } })).version;
}
