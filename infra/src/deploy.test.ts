// The deployment files of infra/deploy, checked as far as these machines allow (no Docker, no
// cluster; docs in infra/deploy/README.md say what that leaves untested): the Helm chart linted,
// rendered for each example in ci/ and every manifest validated strictly against Kubernetes'
// own schemas; the Compose file against the Compose Specification's schema; the Dockerfile's
// and the entrypoint's paths against the tree.
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeSpecSchema, ensureHelm, ensureKubeconform, ensureKubernetesSchemas, KUBERNETES_VERSION, run } from './deploy-tools';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const deployDir = join(repoRoot, 'infra', 'deploy');
const chart = join(deployDir, 'helm', 'gongzhi');

let helm: string;
let kubeconform: string;
let schemas: string;

beforeAll(async () => {
  [helm, kubeconform, schemas] = await Promise.all([ensureHelm(), ensureKubeconform(), ensureKubernetesSchemas()]);
}, 15 * 60_000);

interface Manifest {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

const render = (valuesFile: string, extra: string[] = []) =>
  run(helm, ['template', 'gongzhi', chart, '--kube-version', KUBERNETES_VERSION, '--namespace', 'gongzhi', '-f', join(chart, 'ci', valuesFile), ...extra]);

const manifestsOf = (rendered: string): Manifest[] =>
  parseAllDocuments(rendered)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);

/** kubeconform over rendered manifests, strict (unknown fields are errors), offline. */
async function validate(rendered: string): Promise<{ valid: number; invalid: number; errors: number; skipped: number; output: string }> {
  const args = ['-strict', '-summary', '-output', 'json', '-schema-location', `${schemas}/{{ .ResourceKind }}{{ .KindSuffix }}.json`, '-'];
  const output = await run(kubeconform, args, { input: rendered }).catch((error: Error) => error.message);
  const summary = /"valid":\s*(\d+),\s*"invalid":\s*(\d+),\s*"errors":\s*(\d+),\s*"skipped":\s*(\d+)/.exec(output);
  if (!summary) throw new Error(`kubeconform printed no summary:\n${output}`);
  const [valid, invalid, errors, skipped] = summary.slice(1).map(Number) as [number, number, number, number];
  return { valid, invalid, errors, skipped, output };
}

describe('the Helm chart', () => {
  it('lints strictly with each example configuration', async () => {
    for (const values of ['s3-values.yaml', 'volume-values.yaml']) {
      const output = await run(helm, ['lint', chart, '--strict', '--kube-version', KUBERNETES_VERSION, '-f', join(chart, 'ci', values)]);
      expect(output, values).toContain('0 chart(s) failed');
    }
  });

  it('renders manifests Kubernetes accepts, field for field, for a bucket behind an Ingress', async () => {
    const rendered = await render('s3-values.yaml');
    const result = await validate(rendered);
    expect(result, result.output).toMatchObject({ invalid: 0, errors: 0, skipped: 0 });
    const manifests = manifestsOf(rendered);
    expect(result.valid).toBe(manifests.length);
    expect(manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`).sort()).toEqual([
      'Deployment/gongzhi-api',
      'Deployment/gongzhi-worker',
      'Ingress/gongzhi',
      'Job/gongzhi-migrate',
      'PodDisruptionBudget/gongzhi-api',
      'PodDisruptionBudget/gongzhi-worker',
      'Service/gongzhi-api',
    ]);
    const api = manifests.find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === 'gongzhi-api')!;
    const container = (api.spec as { template: { spec: { containers: { env: { name: string; value?: string }[]; readinessProbe: unknown }[] } } }).template.spec.containers[0]!;
    expect(container.readinessProbe).toMatchObject({ httpGet: { path: '/api/ready' } });
    const env = Object.fromEntries(container.env.map((variable) => [variable.name, variable.value ?? 'from a Secret']));
    expect(env).toMatchObject({
      DATABASE_URL: 'from a Secret',
      TEMPORAL_ADDRESS: 'temporal-frontend.temporal.svc:7233',
      TEMPORAL_NAMESPACE: 'gongzhi',
      GONGZHI_S3_BUCKET: 'gongzhi-files',
      GONGZHI_S3_FORCE_PATH_STYLE: 'false',
      GONGZHI_S3_ACCESS_KEY_ID: 'from a Secret',
      GONGZHI_COOKIE_SECURE: 'true',
      GONGZHI_METRICS_TOKEN: 'from a Secret',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc:4318',
    });
    expect(env).not.toHaveProperty('GONGZHI_FILES_DIR');
    const worker = manifests.find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === 'gongzhi-worker')!;
    expect(JSON.stringify(worker.spec)).toContain('{"name":"OTEL_EXPORTER_OTLP_ENDPOINT","value":"http://otel-collector.observability.svc:4318"}');
    // The migrations run before the new pods, as a hook the release waits for.
    const migrate = manifests.find((manifest) => manifest.kind === 'Job')!;
    expect(migrate.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade' });
  });

  it('renders a one-replica release with its database URL in a Secret and files on a shared volume', async () => {
    const rendered = await render('volume-values.yaml');
    const result = await validate(rendered);
    expect(result, result.output).toMatchObject({ invalid: 0, errors: 0, skipped: 0 });
    const manifests = manifestsOf(rendered);
    expect(result.valid).toBe(manifests.length);
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(['Deployment', 'Deployment', 'Job', 'PersistentVolumeClaim', 'Secret', 'Secret', 'Service']);
    const claim = manifests.find((manifest) => manifest.kind === 'PersistentVolumeClaim')!;
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '50Gi' } } });
    for (const name of ['gongzhi-api', 'gongzhi-worker']) {
      const deployment = manifests.find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === name)!;
      expect(JSON.stringify(deployment.spec), name).toContain('"claimName":"gongzhi-files"');
      expect(JSON.stringify(deployment.spec), name).toContain('{"name":"GONGZHI_FILES_DIR","value":"/data/files"}');
      // No collector configured: tracing stays off.
      expect(JSON.stringify(deployment.spec), name).not.toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    }
  });

  it('refuses to render without what it cannot guess, saying which value is missing', async () => {
    await expect(run(helm, ['template', 'gongzhi', chart, '--kube-version', KUBERNETES_VERSION])).rejects.toThrow(/(database\.url \(or database\.existingSecret\)|temporal\.address|files\.s3\.bucket) is required/);
    await expect(render('volume-values.yaml', ['--set', 'temporal.address='])).rejects.toThrow('temporal.address is required');
    await expect(render('volume-values.yaml', ['--set', 'database.url='])).rejects.toThrow('database.url (or database.existingSecret) is required');
    // The values schema: a wrong choice or a misspelt key is caught before anything renders.
    await expect(render('volume-values.yaml', ['--set', 'files.store=disk'])).rejects.toThrow(/\/files\/store/);
    await expect(render('s3-values.yaml', ['--set', 'files.s3.forcePathStye=false'])).rejects.toThrow("additional properties 'forcePathStye' not allowed");
    await expect(render('s3-values.yaml', ['--set', 'tracing.otlpEndpoint=otel-collector:4318'])).rejects.toThrow(/\/tracing\/otlpEndpoint/);
  });

  it('would fail a manifest Kubernetes would refuse (the validation is not a formality)', async () => {
    const rendered = (await render('volume-values.yaml')).replace('restartPolicy: Never', 'restartPolicy: Never\n      restartPolcy: Never');
    const result = await validate(rendered);
    expect(result.invalid).toBe(1);
    expect(result.output).toContain("additional properties 'restartPolcy' not allowed");
  });
});

describe('the Compose file', () => {
  it('follows the Compose Specification, pins every image, and mounts files that exist', async () => {
    const composeDir = join(deployDir, 'compose');
    const compose = parse(await readFile(join(composeDir, 'compose.yaml'), 'utf8'), { merge: true }) as {
      services: Record<string, { image: string; volumes?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown> }>;
    };
    const ajv = new Ajv({ allErrors: true, strict: false });
    // Its `$schema` names draft-07 by a URL Ajv does not know; Ajv's default is that draft.
    const { $schema: _draft, ...specification } = await composeSpecSchema();
    const validateCompose = ajv.compile(specification);
    expect(validateCompose(compose), JSON.stringify(validateCompose.errors, null, 2)).toBe(true);

    const services = compose.services;
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-namespace', 'temporal-schema', 'worker']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.image, name).not.toMatch(/:latest$|^[^:]+$/);
    }
    for (const name of ['api', 'worker', 'migrate']) {
      expect(services[name]!.environment, name).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', GONGZHI_FILES_DIR: '/data/files' });
      expect(services[name]!.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/gongzhi:\$\{GONGZHI_DB_PASSWORD:\?/);
    }
    // The worker and the API wait for the migrations; both keep files in the one shared volume.
    for (const name of ['api', 'worker']) {
      expect(services[name]!.depends_on, name).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
      expect(services[name]!.volumes, name).toContain('files:/data/files');
    }
    for (const service of Object.values(services)) {
      for (const mount of service.volumes ?? []) {
        const [source] = mount.split(':') as [string];
        if (source.startsWith('.')) await access(join(composeDir, source));
      }
    }
  });
});

describe('the Dockerfile', () => {
  it('copies and runs only what the tree has', async () => {
    const dockerfile = await readFile(join(deployDir, 'Dockerfile'), 'utf8');
    expect([...dockerfile.matchAll(/^FROM .* AS (\w+)$/gm)].map((match) => match[1])).toEqual(['build', 'runtime', 'api', 'worker']);
    const copied = [...dockerfile.matchAll(/^COPY ((?:--\S+ )*)(\S+) /gm)].filter(([, flags]) => !flags!.includes('--from=')).map((match) => match[2]!);
    expect(copied).toEqual(['.', 'infra/deploy/entrypoint.sh']);
    for (const source of copied) await access(join(repoRoot, source));
    const entrypoint = await readFile(join(deployDir, 'entrypoint.sh'), 'utf8');
    // Each command's file, from the directory it runs in (sources; dist/ appears in the image's build).
    await access(join(repoRoot, 'apps/worker/src/main.ts'));
    for (const [, script] of entrypoint.matchAll(/node --import tsx (\.\.\/\.\.\/\S+)/g)) await access(join(repoRoot, 'apps/worker', script!));
    expect(entrypoint).toContain('exec node --enable-source-maps dist/server.js');
    // The image's build runs the same build scripts `pnpm start --production` runs.
    expect(dockerfile).toContain('pnpm --filter @gongzhi/api --filter @gongzhi/worker --filter @gongzhi/web run build');
    const ignored = await readFile(join(repoRoot, '.dockerignore'), 'utf8');
    expect(ignored.split('\n')).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '**/.data', '.git', '**/.env']));
  });
});
