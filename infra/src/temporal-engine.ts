// Which Temporal a `pnpm start` data directory belongs to.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type TemporalEngine = 'dev' | 'server';

const NAMES: Record<TemporalEngine, string> = { dev: 'the Temporal dev server', server: 'the Temporal server on PostgreSQL' };

/**
 * A data directory's engagements live in the Temporal it was first started with: switched to the
 * other one, every engagement would point at a workflow that is not there. The choice is written
 * down (`<dataDir>/temporal-engine`, by recordTemporal once that Temporal runs), and a different
 * one is refused with the way out. A directory from before the marker counts as the dev server's
 * when it has its state file.
 */
export async function assertSameTemporal(dataDir: string, engine: TemporalEngine, options: { externalDatabase: boolean }): Promise<void> {
  const marker = markerOf(dataDir);
  const recorded = (await readFile(marker, 'utf8').catch(() => undefined))?.trim();
  const hasDevState = await stat(join(dataDir, 'temporal.db')).then(
    () => true,
    () => false,
  );
  const previous = recorded === 'dev' || recorded === 'server' ? recorded : hasDevState ? 'dev' : undefined;
  if (previous !== undefined && previous !== engine) {
    // With DATABASE_URL the engagements are in that database, so a new data directory is no way out.
    const wayOut = options.externalDatabase ? '' : ', or give GONGZHI_DATA_DIR a new directory';
    throw new Error(
      `${dataDir} holds engagements that run on ${NAMES[previous]} (${marker}); starting on ${NAMES[engine]} would leave them ` +
        `without their workflows. Start with GONGZHI_TEMPORAL=${previous}${wayOut}.`,
    );
  }
}

/** Writes the choice down, once that Temporal runs (a failed first start leaves the choice open). */
export async function recordTemporal(dataDir: string, engine: TemporalEngine): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(markerOf(dataDir), `${engine}\n`);
}

const markerOf = (dataDir: string): string => join(dataDir, 'temporal-engine');
