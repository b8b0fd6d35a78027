// Where `pnpm start` writes: its own messages to the terminal, each process's output either to
// the terminal with its name in front (development) or to `<data dir>/logs/<name>.log`, rotated
// (production: the terminal keeps only what an operator must see).
import { join } from 'node:path';
import { RotatingLog } from './rotating-log';

/** Output of one process, written as it comes. */
export interface OutputSink {
  write(text: string): void;
  /** Writes an unfinished last line (the process ended without a newline). */
  flush(): void;
}

let startLog: RotatingLog | undefined;

/** The start command's own messages; also to `logs/start.log` once logsIn() named a directory. */
export function log(message: string): void {
  process.stderr.write(`[start] ${message}\n`);
  startLog?.write(`${new Date().toISOString()} ${message}\n`);
}

/** Production: copies our own messages into `<logsDir>/start.log` from now on. */
export function logsIn(logsDir: string): void {
  startLog ??= new RotatingLog(join(logsDir, 'start.log'));
}

/** Prefixes every line of a child's output with its name, so interleaved logs stay readable. */
export function linePrefixer(name: string, isShown: (line: string) => boolean = () => true): OutputSink {
  const prefix = `[${name}]`.padEnd(11);
  let pending = '';
  return {
    write(text) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (isShown(line)) process.stderr.write(`${prefix}${line}\n`);
    },
    flush() {
      if (pending !== '') process.stderr.write(`${prefix}${pending}\n`);
      pending = '';
    },
  };
}

const logFiles = new Map<string, RotatingLog>();

/** A process's output into `<logsDir>/<name>.log`, one file however often the process restarts. */
export function logFile(logsDir: string, name: string): OutputSink {
  const path = join(logsDir, `${name}.log`);
  let file = logFiles.get(path);
  if (file === undefined) {
    file = new RotatingLog(path);
    logFiles.set(path, file);
  }
  const target = file;
  return { write: (text) => target.write(text), flush: () => undefined };
}
