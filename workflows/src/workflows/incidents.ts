import { ActivityFailure, ApplicationFailure, CancellationScope, condition, isCancellation, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { EngagementActivities } from '../activities/types';
import { retryWritesUpdate, type RetryWritesInput } from './definitions';

/**
 * Recording an incident must not itself be lost: it retries until PostgreSQL takes it (a
 * database that is down for hours will be back, and the incident is what tells people).
 */
const attention = proxyActivities<Pick<EngagementActivities, 'recordIncident' | 'resolveIncident'>>({
  startToCloseTimeout: '10 seconds',
  // No maximumAttempts: unlimited.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export interface IncidentContext {
  engagementId: string;
  /** Being cancelled: a write an accepted update was waiting on is given up (the update fails). */
  isClosing(): boolean;
}

/**
 * A workflow's writes that have run out of retries (or met data the database refuses) do not fail
 * the engagement and do not hang it silently: the write is recorded as an incident (the
 * engagement "needs attention", the PM and admins are told), the workflow waits, and once an admin
 * has fixed the cause and asks for a retry, the same write runs again. Writes are idempotent, so
 * one that succeeded before its activity timed out is recognised on the retry.
 */
export class IncidentDesk {
  private sequence = 0;
  private open: { key: string; activity: string; reason: string } | null = null;
  private retry: { actorId: string } | null = null;
  /** An incident is being written: a retry answers only once it is on record. */
  private isRecording = false;

  constructor(private readonly context: IncidentContext) {}

  installHandlers(): void {
    setHandler(
      retryWritesUpdate,
      async ({ actorId }) => {
        const waiting = this.open;
        if (!waiting) return { resolved: true };
        this.retry = { actorId };
        // Answers once the write went through, or failed again (a new incident, then on record).
        await condition(() => this.open?.key !== waiting.key && !this.isRecording);
        return { resolved: this.open === null };
      },
      { validator: (_input: RetryWritesInput) => undefined },
    );
  }

  /** The incident the workflow is waiting on, if any (for its state query). */
  current(): { activity: string; reason: string } | null {
    return this.open ? { activity: this.open.activity, reason: this.open.reason } : null;
  }

  /**
   * Runs a projection write. `mode` says what a cancellation of the engagement does to a write
   * that is waiting for an admin: an accepted update's write gives up (`abandonOnClose`), the
   * cancellation's own writes keep waiting (`untilDone`).
   */
  async write<T>(activity: string, call: () => Promise<T>, mode: 'abandonOnClose' | 'untilDone' = 'untilDone'): Promise<T> {
    // The incident an admin asked to retry, closed once the write goes through (or fails anew).
    let retrying: { key: string; actorId: string } | null = null;
    for (;;) {
      try {
        const result = await call();
        if (retrying) await this.close(retrying.key, retrying.actorId);
        return result;
      } catch (error) {
        if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
        if (retrying) await this.close(retrying.key, retrying.actorId);
        const key = `${workflowInfo().workflowId}:${++this.sequence}`;
        const reason = describe(error);
        this.open = { key, activity, reason };
        this.retry = null;
        this.isRecording = true;
        try {
          await attention.recordIncident({ key, engagementId: this.context.engagementId, workflowId: workflowInfo().workflowId, activity, reason, at: new Date().toISOString() });
        } finally {
          this.isRecording = false;
        }
        try {
          await condition(() => this.retry !== null || (mode === 'abandonOnClose' && this.context.isClosing()));
        } catch (cancelled) {
          // The engagement's cancellation reached this write: nobody needs to retry it any more.
          if (isCancellation(cancelled)) await CancellationScope.nonCancellable(() => this.close(key, null));
          throw cancelled;
        }
        const retry = this.retry as { actorId: string } | null;
        if (!retry) {
          await this.close(key, null);
          throw error;
        }
        retrying = { key, actorId: retry.actorId };
      }
    }
  }

  private async close(key: string, actorId: string | null): Promise<void> {
    await attention.resolveIncident({ key, actorId, at: new Date().toISOString() });
    if (this.open?.key === key) this.open = null;
  }
}

function describe(error: ActivityFailure): string {
  const cause = error.cause;
  const message = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : error.message;
  return message.slice(0, 2000);
}
