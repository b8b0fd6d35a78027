import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertSameTemporal } from './temporal-engine';

describe('assertSameTemporal', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-engine-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records the first choice and accepts it again', async () => {
    await assertSameTemporal(dataDir, 'server');
    expect(await readFile(join(dataDir, 'temporal-engine'), 'utf8')).toBe('server\n');
    await assertSameTemporal(dataDir, 'server');
  });

  it('refuses the dev server for a directory whose engagements run on the server, naming the way out', async () => {
    await assertSameTemporal(dataDir, 'server');
    await expect(assertSameTemporal(dataDir, 'dev')).rejects.toThrow(/on the Temporal server on PostgreSQL.*GONGZHI_TEMPORAL=server, or give GONGZHI_DATA_DIR a new directory/);
    expect(await readFile(join(dataDir, 'temporal-engine'), 'utf8')).toBe('server\n');
  });

  it('takes a directory from before the marker with a dev-server state file as the dev server’s', async () => {
    await writeFile(join(dataDir, 'temporal.db'), '');
    await expect(assertSameTemporal(dataDir, 'server')).rejects.toThrow(/GONGZHI_TEMPORAL=dev/);
    await assertSameTemporal(dataDir, 'dev');
  });

  it('creates a data directory that does not exist yet', async () => {
    const fresh = join(dataDir, 'new');
    await assertSameTemporal(fresh, 'dev');
    expect(await readFile(join(fresh, 'temporal-engine'), 'utf8')).toBe('dev\n');
  });
});
