// The behaviour every FileStore promises, as one vitest suite each store runs (file-store.test.ts,
// s3-store.test.ts). Not exported from the package: tests only.
import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { type FileStore } from './file-store';

export interface StoreUnderTest {
  store: () => FileStore;
  /** Changes a stored file's bytes behind the store's back (bit rot, a hand edit). */
  tamper: (sha256: string, content: string) => Promise<void>;
}

export function describeFileStore(name: string, { store, tamper }: StoreUnderTest): void {
  describe(`${name}: the FileStore contract`, () => {
    it('stores bytes under their SHA-256 and reads them back', async () => {
      const content = Buffer.from('社区规范管理自治手册 第1稿');
      const stored = await store().put(content);
      expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));
      expect(stored.storageKey).toBe(`sha256/${stored.sha256}`);
      expect(stored.sizeBytes).toBe(content.length);
      const opened = await store().open(stored.storageKey);
      expect(opened!.sizeBytes).toBe(content.length);
      expect(await text(opened!.stream)).toBe('社区规范管理自治手册 第1稿');
    });

    it('stores the same bytes once: a second upload returns the same key', async () => {
      const first = await store().put(Buffer.from('same'));
      const second = await store().put(Buffer.from('same'));
      expect(second).toEqual(first);
    });

    it('keeps binary content and empty files intact', async () => {
      const binary = Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 31) % 256));
      const stored = await store().put(binary);
      const opened = await store().open(stored.storageKey);
      const chunks: Buffer[] = [];
      for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(binary)).toBe(true);
      const empty = await store().put(Buffer.alloc(0));
      expect((await store().open(empty.storageKey))!.sizeBytes).toBe(0);
      expect(await store().verify(empty.storageKey)).toBe('ok');
    });

    it('tells a stored file that still matches its key from one changed behind its back', async () => {
      const stored = await store().put(Buffer.from('联动执法方案 第2稿'));
      expect(await store().verify(stored.storageKey)).toBe('ok');
      await tamper(stored.sha256, '被改动的内容');
      expect(await store().verify(stored.storageKey)).toBe('mismatch');
      expect(await store().verify(`sha256/${'1'.repeat(64)}`)).toBe('missing');
      expect(await store().verify('../../etc/passwd')).toBe('missing');
    });

    it('answers a readiness probe', async () => {
      await expect(store().probe()).resolves.toBeUndefined();
    });

    it('refuses keys that are not content addresses and knows no file it never stored', async () => {
      expect(await store().open('../../etc/passwd')).toBeNull();
      expect(await store().open('sha256/ABC')).toBeNull();
      expect(await store().open(`sha256/${'0'.repeat(64)}`)).toBeNull();
    });
  });
}
