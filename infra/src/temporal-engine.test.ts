import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertSameTemporal, recordTemporal } from './temporal-engine';

describe('assertSameTemporal', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-engine-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const local = { externalDatabase: false };

  it('leaves a fresh directory open until a Temporal runs, then holds to it', async () => {
    await assertSameTemporal(dataDir, 'server', local);
    // A first start that failed before its Temporal ran decided nothing.
    await assertSameTemporal(dataDir, 'dev', local);
    await recordTemporal(dataDir, 'server');
    expect(await readFile(join(dataDir, 'temporal-engine'), 'utf8')).toBe('server\n');
    await assertSameTemporal(dataDir, 'server', local);
  });

  it('refuses the dev server for a directory whose engagements run on the server, naming the file and the way out', async () => {
    await recordTemporal(dataDir, 'server');
    await expect(assertSameTemporal(dataDir, 'dev', local)).rejects.toThrow(
      /on the Temporal server on PostgreSQL \(.*temporal-engine\).*GONGZHI_TEMPORAL=server, or give GONGZHI_DATA_DIR a new directory/,
    );
    // With DATABASE_URL the engagements are in that database: a new directory is no way out.
    const external = await assertSameTemporal(dataDir, 'dev', { externalDatabase: true }).catch((error: Error) => error.message);
    expect(external).toMatch(/GONGZHI_TEMPORAL=server\.$/);
  });

  it('takes a directory from before the marker with a dev-server state file as the dev server’s', async () => {
    await writeFile(join(dataDir, 'temporal.db'), '');
    await expect(assertSameTemporal(dataDir, 'server', local)).rejects.toThrow(/GONGZHI_TEMPORAL=dev/);
    await assertSameTemporal(dataDir, 'dev', local);
  });

  it('records into a data directory that does not exist yet', async () => {
    const fresh = join(dataDir, 'new');
    await recordTemporal(fresh, 'dev');
    expect(await readFile(join(fresh, 'temporal-engine'), 'utf8')).toBe('dev\n');
  });
});
