import { createResearchSessionRecord, type Db, engagementViolationKeys, publishChange, type ResearchSessionRefusal, reviseResearchSessionRecord, saveCommunityProfileRecord, tagCommunityProblemRecord, toDbDate, withTransaction } from '@gongzhi/db';
import { type CivilDate, type FieldError } from '@gongzhi/domain';
import { type FieldResearchCommand, type FieldResearchCommandResult } from '../workflows/definitions';
import { auditKey } from '../keys';
import { audit } from './support';

export interface FieldResearchCommandInput {
  engagementId: string;
  at: string;
  /** The Update's id: unique per command, so audit keys of two commands at the same instant differ. */
  commandId?: string;
  command: FieldResearchCommand;
}

export interface FieldResearchActivities {
  /** Carries out one command in one transaction, or answers why not; a retried attempt writes nothing twice. */
  applyFieldResearchCommand(input: FieldResearchCommandInput): Promise<FieldResearchCommandResult | ResearchSessionRefusal>;
}

/** Tags that name no violation of the engagement's knowledge copy, or both a violation and “outside the catalogue”. */
function tagProblems(tags: { violationKey: string | null; outsideCatalogue: boolean }[], known: Set<string>, field: (index: number) => string): FieldError[] {
  return tags.flatMap((tag, index): FieldError[] => {
    if (tag.violationKey !== null && tag.outsideCatalogue)
      return [{ field: field(index), code: 'rule', message: { zh: '已标注违法行为类别的问题不能同时标为“清单外”', en: 'A problem tagged with a violation cannot also be outside the catalogue' } }];
    if (tag.violationKey !== null && !known.has(tag.violationKey))
      return [{ field: field(index), code: 'invalid_option', message: { zh: '本项目知识库中没有该违法行为', en: 'The engagement’s knowledge base has no such violation' } }];
    return [];
  });
}

export function createFieldResearchActivities(db: Db): FieldResearchActivities {
  async function saveProfile(engagementId: string, command: Extract<FieldResearchCommand, { type: 'saveProfile' }>, at: Date, stamp: string): Promise<FieldResearchCommandResult | ResearchSessionRefusal> {
    const key = auditKey.research('profile_saved', `${engagementId}:${command.communityKey}`, stamp);
    const result = await withTransaction(db, async (tx): Promise<FieldResearchCommandResult | ResearchSessionRefusal> => {
      // The community row first (the save's lock), then the audit row: an attempt whose earlier one committed
      // meanwhile finds that row and gives the same answer instead of a conflict with its own save.
      await tx.$queryRaw`select id from community where engagement_id = ${engagementId}::uuid and key = ${command.communityKey} for update`;
      const done = await tx.auditEvent.findUnique({ where: { key }, select: { after: true } });
      if (done) return { version: (done.after as { version: number }).version };
      const saved = await saveCommunityProfileRecord(tx, { engagementId, communityKey: command.communityKey, details: command.details, expectedVersion: command.expectedVersion, actorId: command.actorId, at });
      if ('refused' in saved) return saved;
      const { details } = command;
      const summary = { version: saved.version, households: details.households, residents: details.residents, compounds: details.compounds.length, committeeMembers: details.committeeMembers.length };
      await audit(tx, { key, engagementId, actorId: command.actorId, action: 'research.profile_saved', entityType: 'community', entityId: saved.communityId, before: { version: saved.before }, after: summary, at: at.toISOString() });
      return { version: saved.version };
    });
    if (!('refused' in result)) await publishChange(db, { engagementId, type: 'profile.updated', key: command.communityKey });
    return result;
  }

  return {
    async applyFieldResearchCommand({ engagementId, at, commandId, command }) {
      const when = new Date(at);
      const stamp = commandId ? `${at}:${commandId}` : at;
      if (command.type === 'saveProfile') return saveProfile(engagementId, command, when, stamp);
      const known = await engagementViolationKeys(db, engagementId);
      const tags = command.type === 'tagProblem' ? [command] : command.problems.map((problem) => (problem.keepTag ? { violationKey: null, outsideCatalogue: false } : problem));
      const errors = tagProblems(tags, known, (index) => (command.type === 'tagProblem' ? 'violation' : `problems.${index}.violation`));
      if (errors.length > 0) return { refused: 'invalid', errors } as const;

      let sessionId: string;
      const result = await withTransaction(db, async (tx): Promise<FieldResearchCommandResult | ResearchSessionRefusal> => {
        // A retried attempt whose first one committed finds its own audit row: the same answer, nothing written again.
        const ownKey =
          command.type === 'recordSession' ? null : command.type === 'reviseSession' ? auditKey.research('session_revised', command.sessionId, stamp) : auditKey.research('problem_tagged', command.problemId, stamp);
        if (ownKey && (await tx.auditEvent.findUnique({ where: { key: ownKey }, select: { id: true } }))) {
          const id = command.type === 'tagProblem' ? (await tx.communityProblem.findUniqueOrThrow({ where: { id: command.problemId }, select: { sessionId: true } })).sessionId : command.sessionId;
          sessionId = id;
          return { version: (await tx.researchSession.findUniqueOrThrow({ where: { id }, select: { version: true } })).version };
        }
        const trail = (action: string, key: string, entityType: string, entityId: string, extra: { before?: unknown; after?: unknown }) =>
          audit(tx, { key, engagementId, actorId: command.actorId, action, entityType, entityId, ...extra, at });
        switch (command.type) {
          case 'recordSession':
          case 'reviseSession': {
            sessionId = command.sessionId;
            const details = {
              sessionId: command.sessionId,
              engagementId,
              kind: command.kind,
              communityId: command.communityId,
              heldOn: toDbDate(command.heldOn as CivilDate),
              place: command.place,
              participants: command.participants,
              headcount: command.headcount,
              notes: command.notes,
              problems: command.problems,
              actorId: command.actorId,
              at: when,
            };
            const summary = { kind: command.kind, heldOn: command.heldOn, communityId: command.communityId, problems: command.problems.length, tagged: command.problems.filter((problem) => problem.violationKey !== null).length };
            if (command.type === 'recordSession') {
              const created = await createResearchSessionRecord(tx, details);
              if ('refused' in created) return created;
              if (created.created) await trail('research.session_recorded', auditKey.research('session_recorded', command.sessionId, stamp), 'research_session', command.sessionId, { after: summary });
              return { version: created.version };
            }
            const revised = await reviseResearchSessionRecord(tx, { ...details, expectedVersion: command.expectedVersion });
            if ('refused' in revised) return revised;
            await trail('research.session_revised', auditKey.research('session_revised', command.sessionId, stamp), 'research_session', command.sessionId, { before: revised.before, after: { ...summary, version: revised.version } });
            return { version: revised.version };
          }
          case 'tagProblem': {
            const tagged = await tagCommunityProblemRecord(tx, { problemId: command.problemId, engagementId, violationKey: command.violationKey, outsideCatalogue: command.outsideCatalogue, actorId: command.actorId, at: when });
            if ('refused' in tagged) return tagged;
            sessionId = (await tx.communityProblem.findUniqueOrThrow({ where: { id: command.problemId }, select: { sessionId: true } })).sessionId;
            await trail('research.problem_tagged', auditKey.research('problem_tagged', command.problemId, stamp), 'community_problem', command.problemId, {
              before: tagged.before,
              after: { violationKey: command.violationKey, outsideCatalogue: command.outsideCatalogue },
            });
            return { version: tagged.version };
          }
        }
      });
      if (!('refused' in result)) await publishChange(db, { engagementId, type: 'research.updated', key: sessionId! });
      return result;
    },
  };
}
