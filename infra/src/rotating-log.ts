// A log file that never fills the disk: once it would pass its size, `<name>.log` becomes
// `<name>.log.1` (`.1` becomes `.2`, …, the oldest beyond `keep` is deleted) and a new file begins.
// Writes are synchronous appends: a crash loses nothing already written, and the volume (a few
// processes' log lines) is far below what that costs.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEFAULT_LOG_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;

export class RotatingLog {
  private fd: number;
  private size: number;

  constructor(
    readonly path: string,
    private readonly options: { maxBytes?: number; keep?: number } = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  private get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  }

  write(text: string): void {
    const bytes = Buffer.from(text);
    // A file that already holds something rotates before it would pass its size; one write larger
    // than the limit still goes in whole (a cut line helps nobody).
    if (this.size > 0 && this.size + bytes.length > this.maxBytes) this.rotate();
    writeSync(this.fd, bytes);
    this.size += bytes.length;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
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
    this.fd = openSync(this.path, 'a');
    this.size = 0;
  }
}
