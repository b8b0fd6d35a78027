// What checks the deployment files in infra/deploy without a cluster or Docker (none here): Helm
// and kubeconform built from source like the other Go tools, and the schemas they validate
// against taken from Go modules (the module proxy is reachable where GitHub is not):
// - Kubernetes: `api/openapi-spec/swagger.json` of k8s.io/kubernetes, written out as the
//   per-kind, strict schema files kubeconform reads (`deployment-apps-v1.json`, …);
// - Docker Compose: `schema/compose-spec.json` of github.com/compose-spec/compose-go/v2.
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGoTool, type GoTool, goToolOptionsFromEnv } from './go-tool';
import { runChecked } from './run-command';

export const HELM: GoTool = {
  label: 'Helm',
  binary: 'helm',
  module: 'helm.sh/helm/v3/cmd/helm',
  version: 'v3.22.0',
  pathVariable: 'HELM_PATH',
  cacheName: 'helm-v3.22.0',
  versionArgs: ['version', '--short'],
  // Built with `go install`, the binary knows its minor version only: "v3.22".
  versionOutput: /^v3\.22/m,
  buildTime: '~3 minutes',
};

export const KUBECONFORM: GoTool = {
  label: 'kubeconform',
  binary: 'kubeconform',
  module: 'github.com/yannh/kubeconform/cmd/kubeconform',
  version: 'v0.8.0',
  pathVariable: 'KUBECONFORM_PATH',
  cacheName: 'kubeconform-v0.8.0',
  versionArgs: ['-v'],
  // Built with `go install`, it calls itself "development".
  versionOutput: /\S/,
  buildTime: '~1 minute',
};

/** The Kubernetes version the chart is rendered for and validated against. */
export const KUBERNETES_VERSION = '1.34.4';
const COMPOSE_GO_VERSION = 'v2.9.1';

export async function ensureHelm(env: Record<string, string | undefined> = process.env): Promise<string> {
  const path = await ensureGoTool(HELM, goToolOptionsFromEnv(HELM, env));
  if (path === undefined) throw new Error('No helm: install Go (to build it) or set HELM_PATH');
  return path;
}

export async function ensureKubeconform(env: Record<string, string | undefined> = process.env): Promise<string> {
  const path = await ensureGoTool(KUBECONFORM, goToolOptionsFromEnv(KUBECONFORM, env));
  if (path === undefined) throw new Error('No kubeconform: install Go (to build it) or set KUBECONFORM_PATH');
  return path;
}

/** The directory of a Go module's source, downloaded through the module proxy (cached by Go). */
async function goModuleDir(module: string, version: string): Promise<string> {
  const output = await run('go', ['mod', 'download', '-json', `${module}@${version}`]);
  const dir = (JSON.parse(output) as { Dir?: string; Error?: string }).Dir;
  if (dir === undefined) throw new Error(`go mod download ${module}@${version} gave no directory:\n${output}`);
  return dir;
}

type Schema = { [key: string]: unknown };

/** Every object that lists its properties allows no others (kubeconform's "strict" schemas). */
function forbidUnknownProperties(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(forbidUnknownProperties);
  } else if (typeof node === 'object' && node !== null) {
    const object = node as Schema;
    if ('properties' in object && !('additionalProperties' in object)) object.additionalProperties = false;
    Object.values(object).forEach(forbidUnknownProperties);
  }
}

/**
 * The strict per-kind schemas of one Kubernetes version, for `kubeconform -schema-location
 * <dir>/{{ .ResourceKind }}{{ .KindSuffix }}.json`, made once and cached per user.
 */
export async function ensureKubernetesSchemas(cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')): Promise<string> {
  const dir = join(cacheHome, 'gongzhi', `kubernetes-schemas-v${KUBERNETES_VERSION}`);
  if (await exists(join(dir, '_definitions.json'))) return dir;
  const source = await goModuleDir('k8s.io/kubernetes', `v${KUBERNETES_VERSION}`);
  const swagger = JSON.parse(await readFile(join(source, 'api', 'openapi-spec', 'swagger.json'), 'utf8')) as { definitions: Record<string, Schema> };
  const definitions = swagger.definitions;
  forbidUnknownProperties(definitions);
  // Written as strings in the API's schema, both are numbers as often in manifests (`port: 80`, `cpu: 1`).
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { oneOf: [{ type: 'string' }, { type: 'number' }] };

  const staging = `${dir}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await writeFile(join(staging, '_definitions.json'), JSON.stringify({ definitions }));
  for (const [name, definition] of Object.entries(definitions)) {
    const kinds = definition['x-kubernetes-group-version-kind'] as { group: string; kind: string; version: string }[] | undefined;
    // Shared shapes (DeleteOptions, WatchEvent) name many kinds; no manifest is one of them.
    if (kinds?.length !== 1) continue;
    const [{ group, kind, version }] = kinds as [{ group: string; kind: string; version: string }];
    // kubeconform's {{ .KindSuffix }}: "-v1" for the core group, "-apps-v1", "-networking-v1" (the group's first label).
    const file = `${kind.toLowerCase()}${group === '' ? '' : `-${group.split('.')[0]}`}-${version}.json`;
    await writeFile(join(staging, file), JSON.stringify({ $ref: `_definitions.json#/definitions/${name}` }));
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, '..'), { recursive: true });
  await rename(staging, dir);
  return dir;
}

/** The Compose Specification's JSON schema (what `docker compose config` validates against). */
export async function composeSpecSchema(): Promise<Schema> {
  const source = await goModuleDir('github.com/compose-spec/compose-go/v2', COMPOSE_GO_VERSION);
  return JSON.parse(await readFile(join(source, 'schema', 'compose-spec.json'), 'utf8')) as Schema;
}

/** Runs a command that must succeed: its stdout (see runChecked). */
export function run(command: string, args: string[], options: { input?: string } = {}): Promise<string> {
  return runChecked(command, args, { ...options, what: `${command} ${args.join(' ')}` });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

// `pnpm --filter @gongzhi/infra helm:ensure | kubeconform:ensure`: prints the binary's path.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const which = process.argv[2];
  (which === 'helm' ? ensureHelm() : which === 'kubeconform' ? ensureKubeconform() : Promise.reject(new Error('usage: deploy-tools.ts helm|kubeconform'))).then(
    (path) => process.stdout.write(`${path}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
