import { currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import { MAX_PROBLEMS_PER_SESSION } from '@gongzhi/domain';
import { type FieldResearchActivities } from '../activities/field-research-records';
import { serveUntilIdle } from './command-keeper';
import { type FieldResearchCommand, fieldResearchCommandUpdate, type FieldResearchWorkflowInput } from './definitions';
import { refuse, refuseStaleVersion, refuseUnstorableText } from './task-board';

const records = proxyActivities<FieldResearchActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * The one writer of an engagement's symposium and interview records and of the community problems
 * they raised (with each problem's catalogue tag): commands the API sends with update-with-start
 * under `field-research-<engagement id>`. Like a questionnaire's, a run ends when idle and the next
 * command starts a fresh one.
 */
export async function fieldResearchWorkflow({ engagementId, idle }: FieldResearchWorkflowInput): Promise<void> {
  let handled = 0;
  setHandler(
    fieldResearchCommandUpdate,
    async (command) => {
      try {
        const result = await records.applyFieldResearchCommand({ engagementId, at: new Date().toISOString(), commandId: currentUpdateInfo()?.id ?? '', command });
        if ('refused' in result) {
          switch (result.refused) {
            case 'not_found':
              return command.type === 'saveProfile'
                ? refuse('validation_failed', `no community ${command.communityKey} in engagement ${engagementId}`, [{ field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } }])
                : refuse('unknown_research_record', `no such session or problem in engagement ${engagementId}`);
            case 'engagement_not_running':
              return refuse('engagement_not_running', 'the engagement is not running');
            case 'version_conflict':
              return refuseStaleVersion(command.type === 'saveProfile' ? { zh: '社区概况', en: 'community profile' } : { zh: '记录', en: 'session' }, result.currentVersion);
            case 'invalid':
              return refuse('validation_failed', 'the record does not fit', result.errors);
          }
        }
        return result;
      } finally {
        handled += 1;
      }
    },
    { validator: validateCommand },
  );
  await serveUntilIdle(() => handled, idle);
}

/** What can be refused before it enters the history: text that cannot be stored, a list too long. */
function validateCommand(command: FieldResearchCommand): void {
  if (command.type === 'tagProblem') return;
  if (command.type === 'saveProfile') {
    const { details } = command;
    refuseUnstorableText({
      partyOrganization: details.partyOrganization,
      'mediation.venue': details.mediation.venue,
      'mediation.phone': details.mediation.phone ?? undefined,
      ...Object.fromEntries(details.committeeMembers.flatMap((member, index) => [[`committeeMembers.${index}.name`, member.name], [`committeeMembers.${index}.position`, member.position]])),
      ...Object.fromEntries(details.subCommittees.map((name, index) => [`subCommittees.${index}`, name])),
      ...Object.fromEntries(details.mediation.members.map((name, index) => [`mediation.members.${index}`, name])),
      ...Object.fromEntries(details.features.map((text, index) => [`features.${index}`, text])),
      ...Object.fromEntries(
        details.compounds.flatMap((compound, index) => [
          [`compounds.${index}.name`, compound.name],
          [`compounds.${index}.type`, compound.type ?? undefined],
          [`compounds.${index}.ownersBody`, compound.ownersBody ?? undefined],
          [`compounds.${index}.propertyCompany`, compound.propertyCompany ?? undefined],
        ]),
      ),
    });
    return;
  }
  if (command.problems.length > MAX_PROBLEMS_PER_SESSION) refuse('validation_failed', 'too many problems', [{ field: 'problems', code: 'too_big', message: { zh: `一次座谈或访谈最多记录 ${MAX_PROBLEMS_PER_SESSION} 个问题`, en: `At most ${MAX_PROBLEMS_PER_SESSION} problems per session` } }]);
  refuseUnstorableText({ place: command.place, participants: command.participants, notes: command.notes, ...Object.fromEntries(command.problems.map((problem, index) => [`problems.${index}.description`, problem.description])) });
}
