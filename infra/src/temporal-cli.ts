// Finds or builds the Temporal CLI (which embeds the dev server) and caches it per user: a
// `GoTool` (./go-tool.ts says where it looks, in which order, and why it builds).
//
// v1.5.1 is pinned because it is the newest tag that `go install …@version` accepts: from v1.6.0
// on (v1.9.1 included) the CLI's go.mod carries `replace github.com/temporalio/cli/cliext =>
// ./cliext`. The first build takes ~4-5 minutes on 2 cores. When neither a binary nor Go is
// there, callers fall back to the SDK's own download (needs internet).
//
// Run as a script (`tsx src/temporal-cli.ts`) it prints the binary's path on stdout, or exits 1.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGoTool, type GoTool, goToolCacheDir, type GoToolOptions, goToolOptionsFromEnv } from './go-tool';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export const TEMPORAL_CLI: GoTool = {
  label: 'the Temporal CLI',
  binary: 'temporal',
  module: TEMPORAL_CLI_MODULE,
  version: TEMPORAL_CLI_VERSION,
  pathVariable: 'TEMPORAL_CLI_PATH',
  cacheName: `temporal-cli-${TEMPORAL_CLI_VERSION}`,
  versionArgs: ['--version'],
  versionOutput: /^temporal version/,
  buildTime: '~5 minutes',
};

export type TemporalCliOptions = GoToolOptions;

/** Reads the options from an environment (the edge): TEMPORAL_CLI_PATH, XDG_CACHE_HOME, PATH. */
export function temporalCliOptionsFromEnv(env: Record<string, string | undefined>): TemporalCliOptions {
  return goToolOptionsFromEnv(TEMPORAL_CLI, env);
}

export function defaultTemporalCliCacheDir(cacheHome: string): string {
  return goToolCacheDir(TEMPORAL_CLI, cacheHome);
}

/**
 * Returns the path of a working Temporal CLI, building it once if needed, or undefined when this
 * machine can neither find nor build one (then let `TestWorkflowEnvironment.createLocal()` download).
 */
export function ensureTemporalCli(options: TemporalCliOptions = temporalCliOptionsFromEnv(process.env)): Promise<string | undefined> {
  return ensureGoTool(TEMPORAL_CLI, options);
}

async function main(): Promise<void> {
  const path = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
  if (path === undefined) {
    process.stderr.write(
      'No Temporal CLI: install Go (to build it) or set TEMPORAL_CLI_PATH. ' +
        'Without it, tests fall back to the Temporal SDK download, which needs internet.\n',
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${path}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

