// Child processes we start (servers, apps) are spawned `detached`, i.e. as leaders of their own
// process group. Stopping them signals the whole group, so wrappers such as pnpm → sh → tsx → node
// never leave a grandchild running, and a terminal Ctrl-C reaches only our process, which can then
// stop things in order (apps first, servers last).
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export function signalProcessGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function isProcessGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * SIGTERM to the group, then SIGKILL whatever is left after graceMs. Resolves when the group is
 * empty, or shortly after SIGKILL (an unreaped zombie can keep a group "alive" in containers whose
 * init does not reap; it holds no ports).
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  signalProcessGroup(child, 'SIGTERM');
  if (await waitForGroupExit(pgid, graceMs)) return;
  signalProcessGroup(child, 'SIGKILL');
  await waitForGroupExit(pgid, 2_000);
}

async function waitForGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessGroupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}
