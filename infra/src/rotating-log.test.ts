import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingLog } from './rotating-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongzhi-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RotatingLog', () => {
  it('appends to what an earlier run wrote, and rotates before a write would pass the size, keeping the newest generations', async () => {
    const path = join(dir, 'logs', 'api.log');
    const first = new RotatingLog(path, { maxBytes: 20, keep: 2 });
    first.write('line 1 of run 1\n');
    first.close();

    const log = new RotatingLog(path, { maxBytes: 20, keep: 2 });
    log.write('line 2\n'); // 16 + 7 > 20: the first run's file becomes .1
    log.write('line 3\n');
    log.write('line 4\n'); // 14 + 7 > 20: .1 → .2, the current → .1
    log.write('line 5\n');
    log.write('line 6\n'); // .2 (run 1's) is dropped
    log.close();

    expect((await readdir(join(dir, 'logs'))).sort()).toEqual(['api.log', 'api.log.1', 'api.log.2']);
    expect(await readFile(path, 'utf8')).toBe('line 6\n');
    expect(await readFile(`${path}.1`, 'utf8')).toBe('line 4\nline 5\n');
    expect(await readFile(`${path}.2`, 'utf8')).toBe('line 2\nline 3\n');
  });

  it('writes a line longer than the limit whole, into a file of its own', async () => {
    const path = join(dir, 'worker.log');
    const log = new RotatingLog(path, { maxBytes: 10, keep: 1 });
    log.write('短\n');
    log.write('一行超过十个字节的日志\n');
    log.close();
    expect(await readFile(path, 'utf8')).toBe('一行超过十个字节的日志\n');
    expect(await readFile(`${path}.1`, 'utf8')).toBe('短\n');
  });

  it('drops what it cannot write and carries on once it can', async () => {
    const path = join(dir, 'api.log');
    const log = new RotatingLog(path, { maxBytes: 10, keep: 1 });
    log.write('before\n');
    // The rotation cannot rename into a directory standing where the old generation goes.
    await rm(path + '.1', { force: true });
    await mkdir(join(path + '.1', 'blocker'), { recursive: true });
    expect(() => log.write('lost line\n')).not.toThrow();
    await rm(path + '.1', { recursive: true });
    log.write('after\n');
    log.close();
    expect(await readFile(path, 'utf8')).toBe('after\n');
    expect(await readFile(`${path}.1`, 'utf8')).toBe('before\n');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });
});
