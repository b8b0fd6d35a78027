import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable } from 'node:stream';

export interface StoredFile {
  /** `sha256/<hex>`: derived from the content, so the same bytes are stored once. */
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

export interface FileStore {
  put(content: Buffer): Promise<StoredFile>;
  /** A stream of the stored bytes, or null when no file has that key. */
  open(storageKey: string): Promise<{ stream: Readable; sizeBytes: number } | null>;
  /**
   * Reads the stored bytes through and compares their SHA-256 with the key's: a file changed on
   * disk (bit rot, a hand edit, tampering) is `mismatch` and must not be served.
   */
  verify(storageKey: string): Promise<'ok' | 'missing' | 'mismatch'>;
  /** Resolves when files can be stored and read (the directory is writable, the bucket answers); rejects saying why. */
  probe(): Promise<void>;
}

const STORAGE_KEY = /^sha256\/([0-9a-f]{64})$/;

/**
 * Content-addressed files on local disk (`<dir>/sha256/ab/cdef…`). Writes go to a temporary
 * file first and are renamed into place, so a crash never leaves a half-written file under a
 * valid key, and a retried upload of the same bytes is a no-op.
 */
export function createFileStore({ dir }: { dir: string }): FileStore {
  const pathOf = (sha256: string) => join(dir, 'sha256', sha256.slice(0, 2), sha256.slice(2));
  return {
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const target = pathOf(sha256);
      const existing = await stat(target).catch(() => null);
      if (!existing) {
        await mkdir(join(dir, 'sha256', sha256.slice(0, 2)), { recursive: true });
        const temporary = join(dir, `.upload-${randomUUID()}`);
        try {
          await writeFile(temporary, content, { flag: 'wx' });
          await rename(temporary, target);
        } finally {
          await rm(temporary, { force: true });
        }
      }
      return { storageKey: `sha256/${sha256}`, sha256, sizeBytes: content.length };
    },
    async open(storageKey) {
      const match = STORAGE_KEY.exec(storageKey);
      if (!match) return null;
      const path = pathOf(match[1]!);
      const info = await stat(path).catch(() => null);
      return info ? { stream: createReadStream(path), sizeBytes: info.size } : null;
    },
    async verify(storageKey) {
      const match = STORAGE_KEY.exec(storageKey);
      if (!match) return 'missing';
      const hash = createHash('sha256');
      try {
        for await (const chunk of createReadStream(pathOf(match[1]!))) hash.update(chunk as Buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
        throw error;
      }
      return hash.digest('hex') === match[1] ? 'ok' : 'mismatch';
    },
    async probe() {
      await mkdir(dir, { recursive: true });
      await access(dir, fsConstants.R_OK | fsConstants.W_OK);
    },
  };
}
