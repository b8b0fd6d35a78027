// Size budget: the JavaScript a browser must download before the first page can render — the
// entry chunk plus every chunk it imports statically (transitively) — gzipped, against 300 kB.
// Route chunks and the lazily loaded chart are excluded: they load after the shell.
//
// Run after `vite build`:  node --import tsx scripts/check-bundle-size.ts [--budget-kb 300] [--dist dist]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface InitialChunk {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The entry chunk and its static imports, each once, entry first. */
export function initialChunkKeys(manifest: Record<string, ManifestChunk>): string[] {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected exactly one entry chunk in the manifest, found ${entries.length}`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entries[0]![0]);
  return [...seen];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'budget-kb': { type: 'string', default: '300' }, dist: { type: 'string', default: 'dist' } } });
  const budgetKb = Number(values['budget-kb']);
  const dist = resolve(fileURLToPath(new URL('..', import.meta.url)), values.dist ?? 'dist');
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(await readFile(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch (error) {
    throw new Error(`no build manifest in ${dist}/.vite — run \`vite build\` first (${(error as Error).message})`, { cause: error });
  }
  const chunks: InitialChunk[] = [];
  for (const key of initialChunkKeys(manifest)) {
    const file = manifest[key]!.file;
    const content = await readFile(join(dist, file));
    chunks.push({ file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
  }
  const totalGzip = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const totalRaw = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  for (const chunk of [...chunks].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    process.stdout.write(`  ${kb(chunk.gzipBytes).padStart(7)} kB gzip  ${kb(chunk.bytes).padStart(8)} kB  ${chunk.file}\n`);
  }
  // Lazily imported chunks the page asks the browser to fetch early (<link rel="modulepreload">
  // added by vite.config.ts): not part of the initial JS, since nothing waits to run them, but
  // reported so the number of bytes on the wire stays visible.
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const initialFiles = new Set(chunks.map((chunk) => chunk.file));
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((match) => match[1] as string).filter((file) => !initialFiles.has(file));
  let preloadGzip = 0;
  for (const file of preloaded) preloadGzip += gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
  const lazy = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js')).length - chunks.length;
  process.stdout.write(
    `Initial JS: ${kb(totalGzip)} kB gzip (${kb(totalRaw)} kB raw) in ${chunks.length} chunks; budget ${budgetKb} kB gzip.\n` +
      `Also preloaded, run on first use: ${kb(preloadGzip)} kB gzip in ${preloaded.length} chunks (the API contract); ${lazy - preloaded.length} more chunks load on demand.\n`,
  );
  if (totalGzip > budgetKb * 1000) {
    process.stderr.write(`Size budget exceeded by ${kb(totalGzip - budgetKb * 1000)} kB gzip.\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
