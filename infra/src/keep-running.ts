// Restarts a process that dies on its own, waiting longer after each quick death: what the
// production mode of `pnpm start` does for every process it runs, so that one crash does not take
// the others down with it and a process that cannot start does not spin.
import { setTimeout as sleep } from 'node:timers/promises';

/** Something running: stopped on request, or ending by itself (`exited` settles either way). */
export interface Running {
  stop(): Promise<void>;
  /** Settles when it ends; a string says how (e.g. `signal SIGKILL`). */
  exited: Promise<unknown>;
}

export interface Backoff {
  /** The wait before the first restart; each quick death doubles it… */
  initialMs: number;
  /** …up to this. */
  maxMs: number;
  /** A run at least this long counts as healthy: the next death waits `initialMs` again. */
  healthyAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

export interface KeptRunning<T extends Running> {
  /** The first run, started before keepRunning returned (its address, URL…). */
  first: T;
  /** How many times it has been started again. */
  readonly restarts: number;
  /** Stops it for good: no restart after this, a pending one is cancelled. */
  stop(): Promise<void>;
}

/**
 * Starts `start()` and keeps it running. The first start's failure is thrown (the caller cannot
 * go on without it); later failures to start count as quick deaths and are retried.
 */
export async function keepRunning<T extends Running>(
  name: string,
  start: () => Promise<T>,
  { backoff = DEFAULT_BACKOFF, onEvent }: { backoff?: Backoff; onEvent: (message: string) => void },
): Promise<KeptRunning<T>> {
  const first = await start();
  let current: Running | undefined = first;
  let isStopped = false;
  let restarts = 0;
  const cancelWait = new AbortController();

  /** Waits for a run's end, then cleans up after it (what is left of its process group, its exit hooks). */
  const endOf = async (running: Running): Promise<unknown> => {
    const how = await running.exited;
    await running.stop().catch(() => undefined);
    return how;
  };

  const supervise = async (): Promise<void> => {
    // A run's health is measured from when it was up, not from when its start was asked for: a
    // start that takes a minute and then fails is still a quick death.
    let upSince = Date.now();
    let quickDeaths = 0;
    let ended: unknown = await endOf(first);
    while (!isStopped) {
      quickDeaths = Date.now() - upSince >= backoff.healthyAfterMs ? 0 : quickDeaths + 1;
      const waitMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, quickDeaths - 1));
      onEvent(
        `${name} ${typeof ended === 'string' && ended !== '' ? `exited (${ended})` : 'exited'}; restarting in ${formatSeconds(waitMs)}`,
      );
      current = undefined;
      try {
        await sleep(waitMs, undefined, { signal: cancelWait.signal });
      } catch {
        return; // stopped while waiting
      }
      try {
        const next = await start();
        restarts += 1;
        if (isStopped) {
          await next.stop();
          return;
        }
        current = next;
        upSince = Date.now();
        onEvent(`${name} restarted`);
        ended = await endOf(next);
      } catch (error) {
        upSince = Date.now();
        ended = `could not start: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  };
  const supervising = supervise();

  return {
    first,
    get restarts() {
      return restarts;
    },
    async stop() {
      isStopped = true;
      cancelWait.abort();
      await current?.stop();
      await supervising;
    },
  };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
