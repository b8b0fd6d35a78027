// Vitest globalSetup: bundles the workflow code once per test run, so each test file's
// in-process worker loads it instead of running webpack again.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { workflowsPath } from '@gongzhi/workflows';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A prebuilt bundle of @gongzhi/workflows' workflow code, for `Worker.create({ workflowBundle })`. */
    workflowBundlePath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'gongzhi-api-bundle-'));
  const path = join(dir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: { debug() {}, info() {}, warn() {}, error: (message) => process.stderr.write(`${message}\n`), trace() {}, log() {} } });
  await writeFile(path, code);
  project.provide('workflowBundlePath', path);
  return () => rm(dir, { recursive: true, force: true });
}
