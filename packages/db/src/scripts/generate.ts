// `pnpm generate`: writes the Prisma client into src/generated/prisma (gitignored).
//
// `prisma generate` itself needs no schema engine (the client is built with WebAssembly), but
// the CLI insists on locating the native engine binary first and would download it. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check offline; generate never
// runs it. Skips the work when schema.prisma and the Prisma version are unchanged since the
// last run (`--force` regenerates anyway).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const schemaPath = path.join(packageRoot, 'prisma', 'schema.prisma');
const outputDir = path.join(packageRoot, 'src', 'generated', 'prisma');
const stampPath = path.join(outputDir, '.generated-from');

const require = createRequire(import.meta.url);
const prismaPackage = require.resolve('prisma/package.json');
const prismaVersion = (JSON.parse(readFileSync(prismaPackage, 'utf8')) as { version: string }).version;
const stamp = createHash('sha256').update(prismaVersion).update('\0').update(readFileSync(schemaPath)).digest('hex');

const isForced = process.argv.includes('--force');
const isUpToDate = existsSync(path.join(outputDir, 'client.ts')) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp;
if (isUpToDate && !isForced) {
  console.log('Prisma client is up to date with prisma/schema.prisma');
  process.exit(0);
}

const result = spawnSync(process.execPath, [path.join(path.dirname(prismaPackage), 'build', 'index.js'), 'generate', '--schema', schemaPath], {
  cwd: packageRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampPath, stamp);
