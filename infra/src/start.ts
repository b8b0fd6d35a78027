// `pnpm start`: the whole product on a laptop, on embedded defaults, in one command. The work is
// done by start-stack.ts; this file only runs it and relays Ctrl-C.
//
// Why two processes: `pnpm start` runs us under tsx, which relays a Ctrl-C to its child and
// SIGKILLs that child when it does not acknowledge within ~60 ms. The stack's process is busy for
// longer than that while it starts (module loading, migrations in the WASM schema engine), and a
// SIGKILL would orphan the Temporal server and the apps. This process never does anything heavy,
// so it always answers in time; the stack runs detached, out of the terminal's reach, and stops
// in order when we relay the signal — or when our end of its stdin closes, if we die anyway.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const stackScript = fileURLToPath(new URL('./start-stack.ts', import.meta.url));
// Our own arguments (`pnpm start --demo`) go to the stack, which checks them.
const stack = spawn(process.execPath, ['--import', 'tsx', stackScript, '--supervised', ...process.argv.slice(2)], {
  // cwd: where `tsx` resolves (a dependency of this package).
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  detached: true,
  stdio: ['pipe', 'inherit', 'inherit'],
});

const relay = (signal: NodeJS.Signals): void => {
  if (stack.exitCode === null && stack.signalCode === null) stack.kill(signal);
};
process.on('SIGINT', () => relay('SIGINT'));
process.on('SIGTERM', () => relay('SIGTERM'));
process.on('SIGHUP', () => relay('SIGTERM'));

stack.once('error', (error) => {
  process.stderr.write(`[start] could not run ${stackScript}: ${error.message}\n`);
  process.exit(1);
});
stack.once('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
});
