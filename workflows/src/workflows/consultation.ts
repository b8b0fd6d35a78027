import { ActivityFailure, allHandlersFinished, condition, getExternalWorkflowHandle, log, proxyActivities, setHandler } from '@temporalio/workflow';
import { morningOf } from '@gongzhi/domain';
import { type ConsultationActivities } from '../activities/consultation-records';
import { type ConsultationCommand, consultationCommandUpdate, consultationHoldSignal, consultationOpenedUpdate, type ConsultationWorkflowInput } from './definitions';
import { refuse, refuseUnstorableText } from './task-board';

const records = proxyActivities<ConsultationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

// A notice is best-effort: a few tries, then the consultation goes on without it.
const notices = proxyActivities<ConsultationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

const KINDS: readonly ConsultationCommand['kind'][] = ['opine', 'conclude', 'withdraw'];

/**
 * `consultation-<id>`: one 会诊 from its question to its conclusion, the one writer of its row,
 * its opinions and its close. Opening it from a task with `holdsTask` holds that task (a signal
 * to the workflow that owns it) until it is concluded or withdrawn. The morning of its due day,
 * those asked who have not answered, and the requester, are reminded (a durable timer that
 * outlives worker restarts).
 */
export async function consultationWorkflow(input: ConsultationWorkflowInput): Promise<{ status: 'concluded' | 'withdrawn' | 'refused' }> {
  const { consultationId, engagementId } = input;
  let opened: Awaited<ReturnType<ConsultationActivities['openConsultation']>> | null = null;
  let closed: 'concluded' | 'withdrawn' | null = null;
  /** On record and, when it holds its task, the task's workflow told: the opening answers only then. */
  let ready = false;

  setHandler(consultationOpenedUpdate, async () => {
    await condition(() => ready || (opened !== null && 'refused' in opened));
    if (opened && 'refused' in opened) {
      if (opened.refused === 'engagement_not_running') refuse('engagement_not_running', 'the engagement is cancelled');
      if (opened.refused === 'invalid') refuse('validation_failed', 'the consultation does not fit the engagement', opened.errors);
      refuse('unknown_consultation', `no engagement ${engagementId}`);
    }
    return { consultationId };
  });

  let released = false;
  /** Tells the task's workflow the task waits (or no longer waits) for this consultation. */
  const holdTask = async (held: boolean) => {
    const hold = opened && !('refused' in opened) ? opened.hold : null;
    if (!hold || released) return;
    if (!held) released = true;
    try {
      await getExternalWorkflowHandle(hold.workflowId).signal(consultationHoldSignal, { taskKey: hold.taskKey, consultationId, held });
    } catch (error) {
      // The task's workflow has finished: its tasks are done and wait for nothing.
      log.info('the task’s workflow is gone; nothing to hold', { consultationId, taskKey: hold.taskKey, error: String(error) });
    }
  };

  const assertOpen = () => {
    if (closed) refuse('consultation_closed', `the consultation is ${closed}`);
  };

  setHandler(
    consultationCommandUpdate,
    async (command) => {
      await condition(() => ready || (opened !== null && 'refused' in opened));
      if (opened && 'refused' in opened) refuse('unknown_consultation', `consultation ${consultationId} was not opened`);
      const at = new Date().toISOString();
      const result =
        command.kind === 'opine'
          ? await records.addConsultationOpinion({ consultationId, engagementId, command, at })
          : await records.closeConsultation({ consultationId, engagementId, command, at });
      if ('refused' in result) {
        if (result.refused === 'closed') refuse('consultation_closed', 'the consultation is concluded or withdrawn');
        refuse('unknown_consultation', `no consultation ${consultationId}`);
      }
      if (command.kind !== 'opine') {
        closed = command.kind === 'conclude' ? 'concluded' : 'withdrawn';
        // Answers once the task is free again: completing it next is not refused.
        await holdTask(false);
      }
      return { consultationId, changed: result.changed };
    },
    {
      // A malformed command, or one to a closed consultation, is refused before it is accepted.
      validator: (command) => {
        if (typeof command !== 'object' || command === null || !KINDS.includes(command.kind)) refuse('validation_failed', 'not a consultation command');
        refuseUnstorableText(command);
        assertOpen();
      },
    },
  );

  if (input.open) {
    opened = await records.openConsultation({ consultationId, engagementId, ...input.open, at: new Date().toISOString() });
  } else {
    // A run that ended early (terminated, failed) left it: picked up from the record.
    const state = await records.loadConsultation({ consultationId });
    opened = state && state.engagementId === engagementId ? { ...state, created: false } : { refused: 'not_found' };
    if (state && state.status !== 'open' && !('refused' in opened)) closed = state.status;
  }
  if ('refused' in opened) {
    // The opening update answers (with the refusal) before the run ends.
    await condition(allHandlersFinished);
    return { status: 'refused' };
  }
  const { dueOn } = opened;
  // A closed one picked up gives its task back again (the run before may not have); an open one holds it.
  await holdTask(closed === null);
  ready = true;

  // The due day's reminder, unless it is closed first. Opened on its due day after the morning,
  // those asked were just told the day: no second notice.
  const untilDue = morningOf(dueOn).getTime() - Date.now();
  if (untilDue > 0 && !(await condition(() => closed !== null, untilDue))) {
    try {
      await notices.remindConsultation({ consultationId, engagementId });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('the consultation’s reminder could not be sent', { consultationId, error: String(error) });
    }
  }
  await condition(() => closed !== null);
  await holdTask(false);
  await condition(allHandlersFinished);
  return { status: closed ?? 'withdrawn' };
}
