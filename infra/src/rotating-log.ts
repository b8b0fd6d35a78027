// A log file that never fills the disk: once it would pass its size, `<name>.log` becomes
// `<name>.log.1` (`.1` becomes `.2`, …, the oldest beyond `keep` is deleted) and a new file begins.
// Writes are synchronous appends: a crash loses nothing already written, and the volume (a few
// processes' log lines) is far below what that costs. A write that fails (a full disk) drops its
// lines and says so once on stderr; it never takes the writer down.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEFAULT_LOG_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;
/** Owner and group read the logs (they name people and engagements); others do not. */
const LOG_FILE_MODE = 0o640;

export class RotatingLog {
  private fd: number;
  private size: number;
  private isFailing = false;

  constructor(
    readonly path: string,
    private readonly options: { maxBytes?: number; keep?: number } = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a', LOG_FILE_MODE);
    this.size = fstatSync(this.fd).size;
  }

  private get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  }

  write(text: string): void {
    const bytes = Buffer.from(text);
    try {
      // A file that already holds something rotates before it would pass its size; one write
      // larger than the limit still goes in whole (a cut line helps nobody).
      if (this.size > 0 && this.size + bytes.length > this.maxBytes) this.rotate();
      writeSync(this.fd, bytes);
      this.size += bytes.length;
      this.isFailing = false;
    } catch (error) {
      if (!this.isFailing)
        process.stderr.write(
          `cannot write ${this.path} (${error instanceof Error ? error.message : String(error)}): its lines are dropped until it can be written again\n`,
        );
      this.isFailing = true;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Renames first (the open file moves with its name), opens the new file, then closes the old one. */
  private rotate(): void {
    const keep = this.options.keep ?? DEFAULT_LOG_KEEP;
    rmSync(`${this.path}.${keep}`, { force: true });
    for (let generation = keep - 1; generation >= 1; generation--) {
      try {
        renameSync(`${this.path}.${generation}`, `${this.path}.${generation + 1}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    if (keep > 0) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
    const next = openSync(this.path, 'a', LOG_FILE_MODE);
    closeSync(this.fd);
    this.fd = next;
    this.size = 0;
  }
}
