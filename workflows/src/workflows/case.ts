import { ActivityFailure, allHandlersFinished, condition, log, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { type CaseAction, type CaseDecision, type CaseEvent, type CaseState, civilDateAt, createBusinessCalendar, decideCaseAction, nextCaseTimer, openCase } from '@gongzhi/domain';
import { type CaseActivities } from '../activities/case-records';
import { type CaseDocumentActivities } from '../activities/case-documents';
import { type CaseCommand, caseCommandUpdate, caseReportedUpdate, caseStateQuery, type CaseView, type CaseWorkflowInput } from './definitions';
import { refuse, refuseUnstorableText } from './task-board';

const records = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  // A case lives for months: a database that is down for hours will be back, and the event must not be lost.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const documents = proxyActivities<CaseDocumentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

const refusalCodes = { case_closed: 'case_closed', wrong_step: 'case_wrong_step', not_allowed: 'case_not_allowed', invalid: 'validation_failed' } as const;

/** A refused decision as the update's failure: the code the API maps, the reason in both languages. */
function refuseDecision(decision: Extract<CaseDecision, { refused: string }>): never {
  return refuse(refusalCodes[decision.refused], decision.message.en, [{ field: decision.field ?? 'type', code: 'rule', message: decision.message }]);
}

/**
 * `case-<id>`: one community problem case from its report to its close (德治 → 自治 → 法治), the
 * one writer of its row and events. People's actions arrive as Updates and are decided by the
 * domain's state machine; time moves it too — an observation period ends, a deadline passes and
 * 督办 goes yellow then red, a deferral comes due — on durable timers that survive restarts.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<{ status: CaseState['status'] }> {
  const { caseId, engagementId, report, periods } = input;
  const calendar = createBusinessCalendar(input.holidays);
  let state = openCase({ reporterId: report.reporterId, reportedOn: report.reportedOn, ...(report.tier ? { tier: report.tier } : {}) }, calendar, periods);
  let version = 0;
  let refusal: Awaited<ReturnType<CaseActivities['openCase']>> | null = null;
  /** One write at a time, in order: the event numbers are the case's history. */
  let writing = false;
  /** The 倡议书 drafted when the case opened at 德治; the publication waits for it and records which letter went out. */
  let letterDraft: Promise<{ documentId: string; fileName: string } | null> = Promise.resolve(null);

  const view = (): CaseView => ({ caseId, version, state });
  const today = () => civilDateAt(new Date());

  setHandler(caseReportedUpdate, async () => {
    await condition(() => version > 0 || refusal !== null);
    if (refusal && 'refused' in refusal) {
      if (refusal.refused === 'engagement_not_running') refuse('engagement_not_running', 'the engagement is not running');
      if (refusal.refused === 'not_found') refuse('unknown_case', `no engagement ${engagementId}`);
      refuse('validation_failed', 'the report does not fit the engagement', refusal.errors);
    }
    return view();
  });
  setHandler(caseStateQuery, view);

  const write = async (event: CaseEvent, next: CaseState) => {
    await records.recordCaseEvent({ caseId, engagementId, seq: version + 1, event, state: next, at: new Date().toISOString() });
    state = next;
    version += 1;
  };

  /**
   * One write at a time, in order. Every `condition` waiting on the flag wakes in the same activation
   * when it clears: each re-checks it before taking it, so only the first goes on.
   */
  const acquire = async () => {
    while (writing) await condition(() => !writing);
    writing = true;
  };

  /** Idempotency keys of the actions taken, with the hash of what each asked: the same key asking something else is a conflict. */
  const requests = new Map<string, string>();

  const decide = (command: CaseCommand): CaseDecision => {
    const { actorId, requestKey: _key, requestHash: _hash, ...action } = command;
    return decideCaseAction(state, action as CaseAction, { calendar, periods, today: today(), actorId });
  };

  const refuseReusedKey = (command: CaseCommand) => {
    if (command.requestKey && requests.has(command.requestKey) && requests.get(command.requestKey) !== command.requestHash) {
      refuse('conflict', 'this idempotency key was used for another action', [
        { field: 'idempotencyKey', code: 'rule', message: { zh: '该幂等键已用于另一项办理，请换用新的键', en: 'This idempotency key was used for another action; use a new key' } },
      ]);
    }
  };

  setHandler(
    caseCommandUpdate,
    async (command) => {
      await condition(() => version > 0 || refusal !== null);
      if (version === 0) refuse('unknown_case', `case ${caseId} was not opened`);
      await acquire();
      try {
        refuseReusedKey(command);
        // Decided again here: another command may have moved the case since the validator ran.
        const decision = decide(command);
        if ('refused' in decision) refuseDecision(decision);
        let { event } = decision;
        if (command.type === 'refer') {
          // The 案件移送函 goes with the referral: drafted first, named in its event.
          const packet = await documents.renderCaseReferral({ caseId, engagementId, seq: version + 1, department: command.department, on: command.on, isRepeat: decision.event.details.again === true, actorId: command.actorId });
          event = { ...event, details: { ...event.details, packetId: packet.documentId, packetName: packet.fileName } };
        }
        if (command.type === 'publishLetter') {
          const letter = await letterDraft;
          if (letter) event = { ...event, details: { ...event.details, letterId: letter.documentId, letterName: letter.fileName } };
        }
        if (command.requestKey) event = { ...event, details: { ...event.details, requestKey: command.requestKey, requestHash: command.requestHash ?? null } };
        await write(event, decision.state);
        if (command.requestKey) requests.set(command.requestKey, command.requestHash ?? '');
        return view();
      } finally {
        writing = false;
      }
    },
    {
      validator: (command) => {
        refuseUnstorableText(command);
        refuseReusedKey(command);
        const decision = decide(command);
        if ('refused' in decision) refuseDecision(decision);
      },
    },
  );

  const opened = await records.openCase({ caseId, engagementId, report, state, periods, at: new Date().toISOString() });
  if ('refused' in opened) {
    refusal = opened;
    // The report's update answers (with the refusal) before the run ends.
    await condition(allHandlersFinished);
    return { status: 'withdrawn' };
  }
  version = 1;
  // The 倡议书 is drafted from the case and the catalogue for the team to review, have approved and publish.
  // A draft that cannot be made leaves the case as it is: the letter can be written by hand.
  if (state.step === 'letter' && patched('case-letter-draft')) {
    letterDraft = documents.renderCaseLetter({ caseId, engagementId, actorId: report.reporterId }).catch((error: unknown) => {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('the case’s letter could not be drafted', { caseId, error: String(error) });
      return null;
    });
    await letterDraft;
  }

  // Time's own changes: each timer re-reads the state when it fires (a command may have moved the case meanwhile).
  while (state.status === 'open') {
    const seen = version;
    const timer = nextCaseTimer(state, { calendar, periods });
    if (!timer) {
      await condition(() => version !== seen);
      continue;
    }
    // Date.now() inside a workflow is the deterministic workflow clock.
    if (await condition(() => version !== seen, Math.max(1, timer.at.getTime() - Date.now()))) continue;
    await acquire();
    try {
      if (version !== seen) continue;
      const { event, state: next } = timer.apply();
      await write(event, next);
    } catch (error) {
      // The write retries until the database takes it; one it refuses outright must not end the case.
      if (!(error instanceof ActivityFailure)) throw error;
      log.error('a case event could not be written; trying again later', { caseId, seq: version + 1, error: String(error) });
      await sleep('15 minutes');
    } finally {
      writing = false;
    }
  }
  // Commands racing the close get their answer (a refusal) before the run ends.
  await condition(allHandlersFinished);
  return { status: state.status };
}
