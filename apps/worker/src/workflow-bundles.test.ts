import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleToLoad, tracedBundlePath } from './workflow-bundles';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('bundleToLoad', () => {
  it('loads the plain bundle without tracing, its traced sibling with tracing, and the plain one, saying why, when no sibling of this build exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongzhi-bundles-'));
    dirs.push(dir);
    const plain = join(dir, 'workflow-bundle.js');
    expect(tracedBundlePath(plain)).toBe(join(dir, 'workflow-bundle.traced.js'));
    // A sibling older than the bundle is a leftover of an earlier build: not loaded.
    await writeFile(plain, 'code');
    await writeFile(tracedBundlePath(plain), 'code');
    const earlier = new Date(Date.now() - 60_000);
    await utimes(tracedBundlePath(plain), earlier, earlier);
    expect(await bundleToLoad(plain, true)).toMatchObject({
      path: plain,
      traced: false,
      problem: expect.stringContaining('from an earlier build'),
    });
    await rm(tracedBundlePath(plain));
    expect(await bundleToLoad(plain, true)).toMatchObject({
      path: plain,
      traced: false,
      problem: expect.stringContaining('no traced sibling'),
    });
    await writeFile(tracedBundlePath(plain), 'code');
    expect(await bundleToLoad(plain, false)).toEqual({ path: plain, traced: false });
    expect(await bundleToLoad(plain, true)).toEqual({ path: join(dir, 'workflow-bundle.traced.js'), traced: true });
    // Given the traced bundle itself, it is loaded as traced with tracing on or off.
    expect(tracedBundlePath(tracedBundlePath(plain))).toBe(tracedBundlePath(plain));
    expect(await bundleToLoad(tracedBundlePath(plain), false)).toEqual({ path: tracedBundlePath(plain), traced: true });
  });
});
