import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStore } from './file-store';
import { describeFileStore } from './store-suite';

const dir = await mkdtemp(join(tmpdir(), 'gongzhi-store-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const store = createFileStore({ dir });

describeFileStore('the file store', {
  store: () => store,
  tamper: (sha256, content) => writeFile(join(dir, 'sha256', sha256.slice(0, 2), sha256.slice(2)), content),
});

describe('the file store on disk', () => {
  it('keeps files under sha256/<first two>/<rest> and leaves no temporary files', async () => {
    const stored = await store.put(Buffer.from('法规汇编 第3稿'));
    expect(await readdir(join(dir, 'sha256', stored.sha256.slice(0, 2)))).toContain(stored.sha256.slice(2));
    expect((await readdir(dir)).filter((name) => name.startsWith('.upload-'))).toEqual([]);
  });

  it('fails its readiness probe when the directory cannot be made', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a directory');
    await expect(createFileStore({ dir: join(blocker, 'files') }).probe()).rejects.toThrow();
  });
});
