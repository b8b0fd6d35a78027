import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { keepRunning, type Running } from './keep-running';
import { stopProcessGroup } from './process-group';

/** A real process: `node -e <script>`, in its own group as the start command runs its apps. */
function nodeProcess(script: string): Running & { pid: number } {
  const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' });
  const exited = once(child, 'exit').then(([code, signal]) =>
    signal === null ? `code ${String(code)}` : `signal ${String(signal)}`,
  );
  return { pid: child.pid!, exited, stop: () => stopProcessGroup(child, 5_000) };
}

describe('keepRunning', () => {
  it('restarts a killed process, waiting longer after each quick death, and stops for good when asked', async () => {
    const events: string[] = [];
    const pids: number[] = [];
    const kept = await keepRunning(
      'api',
      async () => {
        const running = nodeProcess('setInterval(() => {}, 1000)');
        pids.push(running.pid);
        return running;
      },
      { backoff: { initialMs: 100, maxMs: 250, healthyAfterMs: 60_000 }, onEvent: (message) => events.push(message) },
    );
    for (const round of [1, 2, 3]) {
      process.kill(pids.at(-1)!, 'SIGKILL');
      await expect.poll(() => pids.length, { timeout: 10_000 }).toBe(round + 1);
    }
    expect(kept.restarts).toBe(3);
    expect(events.filter((event) => event.startsWith('api exited'))).toEqual([
      'api exited (signal SIGKILL); restarting in 0.1 s',
      'api exited (signal SIGKILL); restarting in 0.2 s',
      'api exited (signal SIGKILL); restarting in 0.25 s',
    ]);
    await kept.stop();
    await sleep(400);
    expect(pids).toHaveLength(4);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('keeps retrying a process that cannot start again, and a stop during the wait cancels the restart', async () => {
    const events: string[] = [];
    let starts = 0;
    const kept = await keepRunning(
      'worker',
      async () => {
        starts += 1;
        if (starts === 1) return nodeProcess('process.exit(3)');
        throw new Error('Temporal is not reachable');
      },
      { backoff: { initialMs: 50, maxMs: 100, healthyAfterMs: 60_000 }, onEvent: (message) => events.push(message) },
    );
    await expect.poll(() => starts, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(events[0]).toBe('worker exited (code 3); restarting in 0.05 s');
    expect(events).toContain('worker exited (could not start: Temporal is not reachable); restarting in 0.1 s');
    // Stopped while it waits to try again: the wait is cut short and no start follows.
    const before = starts;
    const stopping = kept.stop();
    await stopping;
    await sleep(300);
    expect(starts).toBe(before);
  });

  it('stops what a restart was starting when the stop came in the middle of it, and starts nothing after', async () => {
    let starts = 0;
    let releaseStart: () => void = () => undefined;
    const started: (Running & { pid: number })[] = [];
    const kept = await keepRunning(
      'temporal',
      async () => {
        starts += 1;
        if (starts === 2) await new Promise<void>((resolve) => (releaseStart = resolve));
        const running = nodeProcess(starts === 1 ? 'process.exit(1)' : 'setInterval(() => {}, 1000)');
        started.push(running);
        return running;
      },
      { backoff: { initialMs: 20, maxMs: 20, healthyAfterMs: 60_000 }, onEvent: () => undefined },
    );
    await expect.poll(() => starts, { timeout: 10_000 }).toBe(2);
    const stopping = kept.stop();
    releaseStart();
    await stopping;
    expect(started).toHaveLength(2);
    expect(() => process.kill(started[1]!.pid, 0)).toThrow();
    await sleep(200);
    expect(starts).toBe(2);
  });

  it('throws when the first start fails: the caller cannot go on without it', async () => {
    await expect(
      keepRunning(
        'postgres',
        async () => {
          throw new Error('port 5433 is taken');
        },
        { onEvent: () => undefined },
      ),
    ).rejects.toThrow('port 5433 is taken');
  });
});
