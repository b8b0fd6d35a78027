import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type History, historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';


const fixtures = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

export async function recordHistory(name: string, history: History): Promise<void> {
  await writeFile(`${fixtures}${name}.history.json`, historyToJSON(history));
}

/** The committed histories of real runs, oldest workflow code first. */
export async function loadHistories(): Promise<{ workflowId: string; history: History }[]> {
  const files = (await readdir(fixtures)).filter((file) => file.endsWith('.history.json')).sort();
  return Promise.all(
    files.map(async (file) => ({ workflowId: file.replace('.history.json', ''), history: historyFromJSON(JSON.parse(await readFile(`${fixtures}${file}`, 'utf8'))) })),
  );
}
