import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { temporalWorkerTracing } from '@gongzhi/telemetry';
import { workflowsPath } from '@gongzhi/workflows';
import { tracedBundlePath } from './workflow-bundles';

// Outside development the worker loads a prebuilt bundle instead of running webpack at start:
// this one, and then (so it is never the older of the two) its sibling with the tracing
// interceptors, for a worker with tracing on.
const outputPath = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
await mkdir(dirname(outputPath), { recursive: true });
for (const [path, plugins] of [
  [outputPath, []],
  [tracedBundlePath(outputPath), [temporalWorkerTracing(undefined)]],
] as const) {
  const { code } = await bundleWorkflowCode({ workflowsPath, plugins: [...plugins] });
  await writeFile(path, code);
  console.log(`workflow bundle: ${path} (${(code.length / 1024).toFixed(0)} KiB)`);
}
