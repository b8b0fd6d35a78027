// Running a program to its end and collecting what it said: the one way infra's modules do it
// (the Go toolchain, the tools it builds, tar, chown, helm, kubeconform, Temporal's schema tool).
import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to its stdin (closed either way). */
  input?: string;
  /** Killed after this long (its exit code is then not 0). */
  timeoutMs?: number;
  /** Both of its streams onto our stderr as they come, instead of collected (long builds). */
  streamToStderr?: boolean;
}

/** Runs a command to its end; rejects only when it cannot be started at all. */
export function runCommand(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      stdio: ['pipe', options.streamToStderr ? 2 : 'pipe', options.streamToStderr ? 2 : 'pipe'],
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, stdout, stderr }));
    // A program that never reads its stdin may close it first: that is not our error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/**
 * Runs a command that must succeed: its stdout, or an error naming it (`what`, by default the
 * command and its first argument) with the end of its output.
 */
export async function runChecked(command: string, args: string[], options: CommandOptions & { what?: string } = {}): Promise<string> {
  const { exitCode, stdout, stderr } = await runCommand(command, args, options);
  if (exitCode !== 0) {
    const output = `${stdout}${stderr}`.trim().slice(-8_000);
    throw new Error(`${options.what ?? `${command} ${args[0] ?? ''}`.trim()} failed (exit ${exitCode})${output === '' ? '' : `:\n${output}`}`);
  }
  return stdout;
}
