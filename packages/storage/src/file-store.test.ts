import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStore } from './file-store';

const dir = await mkdtemp(join(tmpdir(), 'gongzhi-store-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the content-addressed file store', () => {
  const store = createFileStore({ dir });

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const content = Buffer.from('社区规范管理自治手册 第1稿');
    const stored = await store.put(content);
    expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(stored.storageKey).toBe(`sha256/${stored.sha256}`);
    const opened = await store.open(stored.storageKey);
    expect(opened!.sizeBytes).toBe(content.length);
    expect(await text(opened!.stream)).toBe('社区规范管理自治手册 第1稿');
  });

  it('stores the same bytes once and leaves no temporary files', async () => {
    const first = await store.put(Buffer.from('same'));
    const second = await store.put(Buffer.from('same'));
    expect(second).toEqual(first);
    expect((await readdir(dir)).filter((name) => name.startsWith('.upload-'))).toEqual([]);
  });

  it('tells a stored file that still matches its key from one changed on disk', async () => {
    const stored = await store.put(Buffer.from('联动执法方案 第2稿'));
    expect(await store.verify(stored.storageKey)).toBe('ok');
    await writeFile(join(dir, 'sha256', stored.sha256.slice(0, 2), stored.sha256.slice(2)), '被改动的内容');
    expect(await store.verify(stored.storageKey)).toBe('mismatch');
    expect(await store.verify(`sha256/${'1'.repeat(64)}`)).toBe('missing');
    expect(await store.verify('../../etc/passwd')).toBe('missing');
  });

  it('refuses keys that are not content addresses', async () => {
    expect(await store.open('../../etc/passwd')).toBeNull();
    expect(await store.open(`sha256/${'0'.repeat(64)}`)).toBeNull();
  });
});
